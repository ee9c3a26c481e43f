{{ config(**north_star_incremental_config('view_date')) }}

{%- set recompute_from = north_star_day_recompute_from() %}

with

valid_events as (

    {{ north_star_valid_events() }}

),

-- Consumption only needs who viewed which learning on which day.
final as (

    select distinct
        learning_id,
        user_id as viewer_user_id,
        event_date as view_date
    from valid_events
    where
        action = 'learning_viewed'
    {% if recompute_from is not none %}
        and event_date >= {{ north_star_date_literal(recompute_from) }}
        {% endif %}

)

select * from final
