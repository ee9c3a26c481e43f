{%- set window_days = north_star_var('north_star_window_days') -%}
{%- set events_from = north_star_zone_events_from() -%}

with

-- Not distinct here: the macro makes the days distinct, and on PostgreSQL a second
-- distinct over its output was planned for 40,000 groups (4.8M at 10M events) and stalled.
active_days as (

    select
        user_id,
        event_date
    from {{ ref('int_active_days') }}
    {% if events_from is not none %}
        where event_date >= {{ north_star_date_literal(events_from) }}
    {% endif %}

),

-- An event on day e makes its user active on every day whose window holds e.
final as (

    {{ north_star_merge_day_windows('active_days', ['user_id'], 'event_date', window_days) }}

)

select * from final
