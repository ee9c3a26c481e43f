{%- set window_days = var('north_star_window_days') -%}
{%- set events_from = north_star_events_from_date(north_star_recompute_from_date()) -%}

with

active_days as (

    select distinct
        user_id,
        event_date
    from {{ ref('int_active_days') }}
    {%- if events_from is not none %}
        where event_date >= {{ north_star_date_literal(events_from) }}
    {%- endif %}

),

-- An event on day e makes its user active on every day whose window holds e.
activity_reach as (

    select
        user_id,
        event_date as span_start,
        {{ north_star_add_days(window_days - 1, 'event_date') }} as span_end
    from active_days

),

final as (

    {{ north_star_merge_intervals('activity_reach', ['user_id']) }}

)

select * from final
