{{ config(**north_star_incremental_config('first_broadcast_date')) }}

with

reach_segments as (

    select * from {{ ref('int_learning_reach_segments_this_run') }}

),

broadcast_spans as (

    select
        learning_id,
        segment_start as span_start,
        segment_end as span_end
    from reach_segments
    where consumer_count >= {{ north_star_var('north_star_min_consumers') }}

),

final as (

    {{ north_star_first_days('broadcast_spans', ['learning_id'], 'first_broadcast_date', north_star_mart_recompute_from()) }}

)

select * from final
