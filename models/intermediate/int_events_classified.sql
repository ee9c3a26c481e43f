with

staged_events as (

    select * from {{ north_star_staged_events() }}

),

event_mapping as (

    select
        raw_event_name,
        action
    from {{ ref(var('north_star_event_mapping')) }}
    where source_format = '{{ var("north_star_source_format") }}'

),

mapped as (

    select
        staged_events.event_id,
        staged_events.event_at,
        staged_events.user_id,
        staged_events.organization_id,
        staged_events.event_name,
        staged_events.learning_id,
        staged_events.learning_type,
        staged_events.source_invalid_reason,
        coalesce(event_mapping.action, 'other') as action
    from staged_events
    left join event_mapping
        on staged_events.event_name = event_mapping.raw_event_name

),

validated as (

    select
        *,
        case
            when source_invalid_reason is not null then source_invalid_reason
            when event_id is null then 'missing_event_id'
            when user_id is null then 'missing_user_id'
            when event_at is null then 'missing_event_time'
            when action != 'other' and learning_id is null then 'missing_learning_id'
        end as rejection_reason
    from mapped

),

ranked as (

    select
        *,
        -- Replays share an event_id: the earliest occurrence is the one that counts.
        case
            when rejection_reason is null
                then row_number() over (
                    partition by event_id, rejection_reason
                    order by event_at, user_id, event_name, learning_id, organization_id
                )
        end as occurrence_number
    from validated

),

final as (

    select
        event_id,
        event_at,
        {{ north_star_local_date('event_at') }} as event_date,
        user_id,
        organization_id,
        event_name,
        action,
        learning_id,
        learning_type,
        case
            when rejection_reason is not null then 'quarantined'
            when occurrence_number > 1 then 'duplicate'
            else 'valid'
        end as event_status,
        case
            when rejection_reason is null and occurrence_number > 1 then 'duplicate_event_id'
            else rejection_reason
        end as rejection_reason
    from ranked

)

select * from final
