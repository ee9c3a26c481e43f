with

learnings as (

    select * from {{ ref('int_learnings') }}

),

consumer_spans as (

    select * from {{ ref('int_learning_consumer_spans') }}

),

consumer_changes as (

    select
        learning_id,
        span_start as change_date,
        1 as consumer_count
    from consumer_spans

    union all

    select
        learning_id,
        {{ north_star_add_days(1, 'span_end') }} as change_date,
        -1 as consumer_count
    from consumer_spans

),

segments as (

    {{ north_star_sweep_segments('consumer_changes', ['learning_id'], ['consumer_count']) }}

),

-- A learning has no reach before the day it exists.
final as (

    select
        segments.learning_id,
        learnings.organization_id,
        segments.segment_end,
        segments.consumer_count,
        greatest(segments.segment_start, learnings.exists_from_date) as segment_start
    from segments
    inner join learnings
        on segments.learning_id = learnings.learning_id
    where
        segments.consumer_count > 0
        and segments.segment_end >= learnings.exists_from_date

)

select * from final
