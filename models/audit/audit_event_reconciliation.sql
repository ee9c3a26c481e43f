{#- Counts raw rows (the staging model never filters), not classified ones: a row lost
    between the raw table and the classification must show here. -#}

with

staged_events as (

    select * from {{ north_star_staged_events() }}

),

classified_events as (

    select * from {{ ref('int_events_classified') }}

),

late_events as (

    select * from {{ ref('audit_late_events') }}

),

raw_counts as (

    select count(*) as raw_rows
    from staged_events

),

classified_counts as (

    select
        coalesce(sum(case when event_status = 'valid' then 1 else 0 end), 0) as valid_rows,
        coalesce(sum(case when event_status = 'quarantined' then 1 else 0 end), 0) as quarantined_rows,
        coalesce(sum(case when event_status = 'duplicate' then 1 else 0 end), 0) as duplicate_rows
    from classified_events

),

waiting_counts as (

    select coalesce(sum(late_rows), 0) as waiting_rows
    from late_events

),

counts as (

    select
        raw_counts.raw_rows,
        classified_counts.valid_rows,
        classified_counts.quarantined_rows,
        classified_counts.duplicate_rows,
        waiting_counts.waiting_rows,
        raw_counts.raw_rows
        - classified_counts.valid_rows
        - classified_counts.quarantined_rows
        - classified_counts.duplicate_rows
        - waiting_counts.waiting_rows as unaccounted_rows
    from raw_counts
    cross join classified_counts
    cross join waiting_counts

),

final as (

    select
        *,
        unaccounted_rows = 0 as is_reconciled
    from counts

)

select * from final
