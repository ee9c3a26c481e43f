{%- set window_days = var('north_star_window_days') -%}

with

valid_events as (

    select * from {{ ref('int_events_valid') }}

),

active_days as (

    select distinct
        organization_id,
        event_date
    from valid_events
    where organization_id is not null

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
