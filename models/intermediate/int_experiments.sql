{{ config(materialized='view') }}

{#- The experiments to read out, from the seed or model named by north_star_experiments.
    A view, so that a row that cannot be read (say horizon_days 'two weeks') is reported by
    the test north_star_valid_experiments on this model, naming the row, before anything
    selects from it. -#}

with

experiments as (

    select * from {{ ref(north_star_var('north_star_experiments')) }}

),

final as (

    select
        {{ north_star_clean_text('experiment_id') }} as experiment_id,
        lower({{ north_star_clean_text('unit_type') }}) as unit_type,
        {{ north_star_clean_text('control_variant') }} as control_variant,
        coalesce(
            cast({{ north_star_clean_text('horizon_days') }} as {{ dbt.type_int() }}),
            {{ north_star_default_horizon_days() }}
        ) as horizon_days,
        {{ north_star_clean_text('target_metric_name') }} as target_metric_name,
        {{ north_star_clean_text('owner_team') }} as owner_team,
        {{ north_star_clean_text('hypothesis') }} as hypothesis
    from experiments

)

select * from final
