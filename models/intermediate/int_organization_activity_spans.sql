{%- set window_days = var('north_star_window_days') -%}
{%- set events_from = north_star_events_from_date(north_star_recompute_from_date()) -%}

with

active_days as (

    select distinct
        organization_id,
        event_date
    from {{ ref('int_active_days') }}
    where
        organization_id is not null
        {%- if events_from is not none %}
            and event_date >= {{ north_star_date_literal(events_from) }}
        {%- endif %}

),

activity_reach as (

    select
        organization_id,
        event_date as span_start,
        {{ north_star_add_days(window_days - 1, 'event_date') }} as span_end
    from active_days

),

final as (

    {{ north_star_merge_intervals('activity_reach', ['organization_id']) }}

)

select * from final
