{#- Events that arrived after the incremental run that could still take them: their day
    lies before the first day the latest run re-read. A full refresh picks them up. -#}

with

staged_events as (

    select * from {{ north_star_staged_events() }}

),

classified_events as (

    select * from {{ ref('int_events_classified') }}

),

latest_run as (

    select max(batch_start_date) as batch_start_date
    from {{ ref('int_north_star__run_manifest') }}
    where run_status = 'started'

),

staged_days as (

    select
        {{ north_star_local_date('event_at') }} as event_date,
        count(*) as staged_rows
    from staged_events
    where event_at is not null
    group by {{ north_star_local_date("event_at") }}

),

classified_days as (

    select
        event_date,
        count(*) as classified_rows
    from classified_events
    where event_date is not null
    group by event_date

),

final as (

    select
        staged_days.event_date,
        staged_days.staged_rows,
        coalesce(classified_days.classified_rows, 0) as classified_rows,
        staged_days.staged_rows - coalesce(classified_days.classified_rows, 0) as late_rows
    from staged_days
    cross join latest_run
    left join classified_days
        on staged_days.event_date = classified_days.event_date
    where
        staged_days.event_date < latest_run.batch_start_date
        and staged_days.staged_rows > coalesce(classified_days.classified_rows, 0)

)

select * from final
