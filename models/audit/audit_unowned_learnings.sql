with

valid_events as (

    select * from {{ ref('int_events_valid') }}

),

learnings as (

    select * from {{ ref('int_learnings') }}

),

final as (

    select
        valid_events.learning_id,
        min(valid_events.event_at) as first_event_at,
        max(valid_events.event_at) as last_event_at,
        count(*) as event_count,
        count(distinct valid_events.user_id) as user_count
    from valid_events
    left join learnings
        on valid_events.learning_id = learnings.learning_id
    where
        valid_events.learning_id is not null
        and learnings.learning_id is null
    group by valid_events.learning_id

)

select * from final
