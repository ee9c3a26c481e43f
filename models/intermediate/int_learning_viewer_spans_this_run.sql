{%- set window_days = north_star_var('north_star_window_days') -%}
{%- set events_from = north_star_zone_events_from() -%}

with

learning_view_days as (

    select * from {{ ref('int_learning_view_days') }}

),

view_days as (

    select
        learning_id,
        viewer_user_id,
        view_date
    from learning_view_days
    {% if events_from is not none %}
        where view_date >= {{ north_star_date_literal(events_from) }}
    {% endif %}

),

-- A view on day v puts its viewer in the window of every day from v to v + N − 1. Who
-- owns the learning is applied where consumers are counted (north_star_consumer_spans),
-- so these spans do not wait for the learnings to be built.
final as (

    {{ north_star_merge_day_windows('view_days', ['learning_id', 'viewer_user_id'], 'view_date', window_days) }}

)

select * from final
