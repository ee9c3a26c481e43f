{%- set window_days = var('north_star_window_days') -%}
{%- set events_from = north_star_events_from_date(north_star_recompute_from_date()) -%}

with

learnings as (

    select * from {{ ref('int_learnings_owned') }}

),

valid_events as (

    select * from {{ ref('int_events_valid') }}

),

view_days as (

    select distinct
        valid_events.learning_id,
        valid_events.user_id as consumer_user_id,
        valid_events.event_date as view_date
    from valid_events
    inner join learnings
        on valid_events.learning_id = learnings.learning_id
    where
        valid_events.action = 'learning_viewed'
        -- An owner viewing their own learning is not a consumer of it.
        and valid_events.user_id != learnings.owner_user_id
    {% if events_from is not none %}
        and valid_events.event_date >= {{ north_star_date_literal(events_from) }}
        {% endif %}

),

-- A view on day v makes its viewer a consumer on every day whose window holds v.
final as (

    {{ north_star_merge_day_windows('view_days', ['learning_id', 'consumer_user_id'], 'view_date', window_days) }}

)

select * from final
