{#- Replays an incremental run could not match: their first occurrence lies more than one
    lookback before the days the run re-read, so both occurrences count. A full refresh
    deduplicates them. -#}

with

valid_events as (

    select * from {{ ref('int_events_valid') }}

),

final as (

    select
        event_id,
        count(*) as counted_occurrences,
        min(event_date) as first_event_date,
        max(event_date) as last_event_date
    from valid_events
    group by event_id
    having count(*) > 1

)

select * from final
