{{ config(**north_star_incremental_config('event_date')) }}

{%- set recompute_from = north_star_day_recompute_from() %}

with

valid_events as (

    {{ north_star_valid_events() }}

),

-- Ownership only needs each user's first creation or share of a learning per day.
ranked as (

    select
        learning_id,
        user_id,
        action,
        event_date,
        event_at,
        event_id,
        organization_id,
        learning_type,
        row_number() over (
            partition by learning_id, user_id, action, event_date
            order by event_at, event_id
        ) as event_rank
    from valid_events
    where
        action in ('learning_created', 'learning_shared')
    {% if recompute_from is not none %}
        and event_date >= {{ north_star_date_literal(recompute_from) }}
        {% endif %}

),

final as (

    select
        learning_id,
        user_id,
        action,
        event_date,
        event_at,
        event_id,
        organization_id,
        learning_type
    from ranked
    where event_rank = 1

)

select * from final
