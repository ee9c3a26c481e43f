{#- Counts raw rows from the staging model (which never filters), not classified ones: a
    row lost between the export and the classification must show here. One row per
    experiment id of the export (rows without one under a null id). -#}

with

staged_assignments as (

    select * from {{ ref('stg_experiments__assignments') }}

),

classified_assignments as (

    select * from {{ ref('int_experiment_assignments_classified') }}

),

raw_counts as (

    select
        coalesce(experiment_id, '') as experiment_key,
        count(*) as raw_rows
    from staged_assignments
    group by coalesce(experiment_id, '')

),

classified_counts as (

    select
        coalesce(experiment_id, '') as experiment_key,
        sum(case when assignment_status = 'used' then 1 else 0 end) as used_rows,
        sum(case when assignment_status = 'excluded' then 1 else 0 end) as excluded_rows,
        count(distinct case when assignment_status = 'used' then unit_id end) as units
    from classified_assignments
    group by coalesce(experiment_id, '')

),

counts as (

    select
        -- Blank ids are null after staging, so '' stands for "no experiment id" only.
        nullif(coalesce(raw_counts.experiment_key, classified_counts.experiment_key), '') as experiment_id,
        coalesce(raw_counts.raw_rows, 0) as raw_rows,
        coalesce(classified_counts.used_rows, 0) as used_rows,
        coalesce(classified_counts.units, 0) as units,
        coalesce(classified_counts.excluded_rows, 0) as excluded_rows
    from raw_counts
    full outer join classified_counts
        on raw_counts.experiment_key = classified_counts.experiment_key

),

final as (

    select
        experiment_id,
        raw_rows,
        used_rows,
        units,
        excluded_rows,
        used_rows - units as repeated_assignment_rows,
        raw_rows - used_rows - excluded_rows as unaccounted_rows,
        raw_rows - used_rows - excluded_rows = 0 as is_reconciled
    from counts

)

select * from final
