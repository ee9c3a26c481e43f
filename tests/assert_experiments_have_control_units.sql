-- An experiment whose treatment has units but whose control variant has none cannot be
-- read out: usually the seed's control_variant is not spelt as the assignments spell it.
with

results as (

    select * from {{ ref('fct_north_star_experiment_results') }}

)

select distinct
    experiment_id,
    control_variant,
    variant as variant_with_units
from results
where control_units = 0
