with

classified_assignments as (

    select * from {{ ref('int_experiment_assignments_classified') }}

),

final as (

    select
        experiment_id,
        variant,
        unit_id,
        assigned_at,
        exclusion_reason
    from classified_assignments
    where assignment_status = 'excluded'

)

select * from final
