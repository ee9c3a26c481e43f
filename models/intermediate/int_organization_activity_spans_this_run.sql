{%- set window_days = north_star_var('north_star_window_days') -%}
{%- set events_from = north_star_zone_events_from() -%}

with

-- Not distinct here: the macro makes the days distinct (a distinct stacked on a distinct
-- stalled PostgreSQL in int_user_activity_spans_this_run).
active_days as (

    select
        organization_id,
        event_date
    from {{ ref('int_active_days') }}
    where
        organization_id is not null
    {% if events_from is not none %}
        and event_date >= {{ north_star_date_literal(events_from) }}
        {% endif %}

),

-- An event on day e makes its organization active on every day whose window holds e.
final as (

    {{ north_star_merge_day_windows('active_days', ['organization_id'], 'event_date', window_days) }}

)

select * from final
