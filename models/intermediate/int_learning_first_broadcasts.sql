{{ config(**north_star_incremental_config('first_broadcast_date')) }}

{#- A first day before the recompute zone never changes, so an incremental run only
    looks for first days inside the zone, for the learnings that had none before it. -#}
{%- set recompute_from = north_star_mart_recompute_from() %}

with

reach_segments as (

    select * from {{ ref('int_learning_reach_segments') }}

),

broadcast_starts as (

    select
        learning_id,
        {{ north_star_clip_start('segment_start', recompute_from) }} as broadcast_start
    from reach_segments
    where
        consumer_count >= {{ north_star_var('north_star_min_consumers') }}
    {% if recompute_from is not none %}
        and segment_end >= {{ north_star_date_literal(recompute_from) }}
        {% endif %}

),

first_broadcasts as (

    select
        learning_id,
        min(broadcast_start) as first_broadcast_date
    from broadcast_starts
    group by learning_id

),

final as (

    select first_broadcasts.*
    from first_broadcasts
    {% if recompute_from is not none %}
    left join {{ this }} as earlier
        on
            first_broadcasts.learning_id = earlier.learning_id
            and earlier.first_broadcast_date < {{ north_star_date_literal(recompute_from) }}
    where earlier.learning_id is null
    {% endif %}

)

select * from final
