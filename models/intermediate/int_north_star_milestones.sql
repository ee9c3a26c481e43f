{{ config(**north_star_incremental_config('milestone_date')) }}

{#- First days that the dimensions report. A first day before the recompute zone never
    changes, so an incremental run only looks for first days inside the zone, for the
    learnings and users that had none before it. -#}
{%- set recompute_from = north_star_mart_recompute_from() %}

with

reach_segments as (

    select * from {{ ref('int_learning_reach_segments') }}

),

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans') }}

),

candidates as (

    select
        'learning_first_broadcast' as milestone,
        learning_id as entity_id,
        {{ north_star_clip_start('segment_start', recompute_from) }} as milestone_date
    from reach_segments
    where
        consumer_count >= {{ north_star_var('north_star_min_consumers') }}
    {% if recompute_from is not none %}
        and segment_end >= {{ north_star_date_literal(recompute_from) }}
        {% endif %}

    union all

    select
        'user_first_weekly_learning_user' as milestone,
        user_id as entity_id,
        {{ north_star_clip_start('span_start', recompute_from) }} as milestone_date
    from weekly_learning_user_spans
    {% if recompute_from is not none %}
        where span_end >= {{ north_star_date_literal(recompute_from) }}
    {% endif %}

),

first_days as (

    select
        milestone,
        entity_id,
        min(milestone_date) as milestone_date
    from candidates
    group by milestone, entity_id

),

final as (

    select first_days.*
    from first_days
    {% if recompute_from is not none %}
    left join {{ this }} as earlier
        on
            first_days.milestone = earlier.milestone
            and first_days.entity_id = earlier.entity_id
            and earlier.milestone_date < {{ north_star_date_literal(recompute_from) }}
    where earlier.entity_id is null
    {% endif %}

)

select * from final
