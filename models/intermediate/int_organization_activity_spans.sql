{%- set window_days = north_star_var('north_star_window_days') -%}
{%- set events_from = north_star_events_from_date(north_star_recompute_from_date()) -%}

with

active_days as (

    select distinct
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
