with

learnings as (

    select * from {{ ref('int_learnings') }}

),

viewer_spans as (

    select * from {{ ref('int_learning_viewer_spans_this_run') }}

),

consumer_spans as (

    {{ north_star_consumer_spans('viewer_spans', 'learnings') }}

),

consumer_changes as (

    {{ north_star_span_changes('consumer_spans', 'span_start', 'span_end', {'consumer_count': 1}, partition_by=['learning_id']) }}

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
