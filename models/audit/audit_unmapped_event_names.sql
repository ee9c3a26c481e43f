with

classified_events as (

    select * from {{ ref('int_events_classified') }}

),

final as (

    select
        event_name,
        count(*) as event_count,
        count(distinct user_id) as user_count,
        min(event_date) as first_seen_date,
        max(event_date) as last_seen_date
    from classified_events
    where
        action = 'other'
        and event_status = 'valid'
    group by event_name

)

select * from final
