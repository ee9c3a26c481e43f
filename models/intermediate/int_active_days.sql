{{ config(**north_star_incremental_config('event_date')) }}

{%- set recompute_from = north_star_day_recompute_from() %}

with

valid_events as (

    {{ north_star_valid_events() }}

),

final as (

    select
        user_id,
        organization_id,
        event_date,
        count(*) as event_count
    from valid_events
    {% if recompute_from is not none %}
        where event_date >= {{ north_star_date_literal(recompute_from) }}
    {% endif %}
    group by user_id, organization_id, event_date

)

select * from final
