{#- Every assignment row with its status: `used` (a unit's first assignment counts; its
    later rows in the same variant are exposures of the same assignment) or `excluded`
    with the reason. Nothing is dropped, so raw rows = used + excluded. -#}

with

assignments as (

    select * from {{ ref('stg_experiments__assignments') }}

),

experiments as (

    select * from {{ ref('int_experiments') }}

),

checked as (

    select
        assignments.experiment_id,
        assignments.variant,
        assignments.unit_id,
        assignments.assigned_at,
        case
            when assignments.experiment_id is null then 'missing_experiment_id'
            when assignments.unit_id is null then 'missing_unit_id'
            when assignments.variant is null then 'missing_variant'
            when assignments.source_invalid_reason is not null then assignments.source_invalid_reason
            when assignments.assigned_at is null then 'missing_assigned_at'
            when experiments.experiment_id is null then 'experiment_not_configured'
        end as row_problem
    from assignments
    left join experiments
        on assignments.experiment_id = experiments.experiment_id

),

-- A unit seen in two variants cannot be attributed to either: all its rows are excluded.
unit_variants as (

    select
        experiment_id,
        unit_id,
        count(distinct variant) as variant_count
    from checked
    where row_problem is null
    group by experiment_id, unit_id

),

reasoned as (

    select
        checked.experiment_id,
        checked.variant,
        checked.unit_id,
        checked.assigned_at,
        coalesce(
            checked.row_problem,
            case when unit_variants.variant_count > 1 then 'multiple_variants' end
        ) as exclusion_reason
    from checked
    left join unit_variants
        on
            checked.experiment_id = unit_variants.experiment_id
            and checked.unit_id = unit_variants.unit_id

),

final as (

    select
        experiment_id,
        variant,
        unit_id,
        assigned_at,
        exclusion_reason,
        case when exclusion_reason is null then 'used' else 'excluded' end as assignment_status
    from reasoned

)

select * from final
