{%- set window_days = north_star_var('north_star_window_days') -%}
{%- set events_from = north_star_events_from_date(north_star_recompute_from_date()) -%}

with

learnings as (

    select * from {{ ref('int_learnings') }}

),

learning_view_days as (

    select * from {{ ref('int_learning_view_days') }}

),

view_days as (

    select
        learning_view_days.learning_id,
        learning_view_days.viewer_user_id as consumer_user_id,
        learning_view_days.view_date
    from learning_view_days
    inner join learnings
        on learning_view_days.learning_id = learnings.learning_id
    where
        -- An owner viewing their own learning is not a consumer of it.
        learning_view_days.viewer_user_id != learnings.owner_user_id
    {% if events_from is not none %}
        and learning_view_days.view_date >= {{ north_star_date_literal(events_from) }}
        {% endif %}

),

-- A view on day v makes its viewer a consumer on every day whose window holds v.
final as (

    {{ north_star_merge_day_windows('view_days', ['learning_id', 'consumer_user_id'], 'view_date', window_days) }}

)

select * from final
