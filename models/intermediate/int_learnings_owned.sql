with

ownership_events as (

    select * from {{ ref('int_learning_ownership_events') }}

),

ownership_candidates as (

    select
        learning_id,
        user_id,
        organization_id,
        learning_type,
        event_at,
        event_date,
        action,
        row_number() over (
            partition by learning_id
            -- A creation outranks any share; among equals the earliest wins.
            order by
                case when action = 'learning_created' then 0 else 1 end,
                event_at,
                event_id
        ) as candidate_rank
    from ownership_events

),

final as (

    select
        learning_id,
        user_id as owner_user_id,
        organization_id,
        learning_type,
        action as ownership_action,
        event_at as owned_at,
        event_date as exists_from_date
    from ownership_candidates
    where candidate_rank = 1

)

select * from final
