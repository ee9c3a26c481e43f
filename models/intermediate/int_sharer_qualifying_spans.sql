{#- Days on which a sharer of a learning is credited by it: the learning has at least
    var('north_star_min_consumers') consumers other than that sharer. -#}

with

learnings as (

    select * from {{ ref('int_learnings_owned') }}

),

sharers as (

    select * from {{ ref('int_learning_sharers') }}

),

reach_segments as (

    select * from {{ ref('int_learning_reach_segments') }}

),

consumer_spans as (

    select * from {{ ref('int_learning_consumer_spans') }}

),

-- Consumers other than the sharer = all consumers minus the sharer's own views.
changes as (

    select
        sharers.learning_id,
        sharers.sharer_user_id,
        reach_segments.segment_start as change_date,
        reach_segments.consumer_count as other_consumer_count
    from sharers
    inner join reach_segments
        on sharers.learning_id = reach_segments.learning_id

    union all

    select
        sharers.learning_id,
        sharers.sharer_user_id,
        {{ north_star_add_days(1, 'reach_segments.segment_end') }} as change_date,
        -reach_segments.consumer_count as other_consumer_count
    from sharers
    inner join reach_segments
        on sharers.learning_id = reach_segments.learning_id

    union all

    select
        consumer_spans.learning_id,
        consumer_spans.consumer_user_id as sharer_user_id,
        consumer_spans.span_start as change_date,
        -1 as other_consumer_count
    from consumer_spans
    inner join sharers
        on
            consumer_spans.learning_id = sharers.learning_id
            and consumer_spans.consumer_user_id = sharers.sharer_user_id

    union all

    select
        consumer_spans.learning_id,
        consumer_spans.consumer_user_id as sharer_user_id,
        {{ north_star_add_days(1, 'consumer_spans.span_end') }} as change_date,
        1 as other_consumer_count
    from consumer_spans
    inner join sharers
        on
            consumer_spans.learning_id = sharers.learning_id
            and consumer_spans.consumer_user_id = sharers.sharer_user_id

),

segments as (

    {{ north_star_sweep_segments('changes', ['learning_id', 'sharer_user_id'], ['other_consumer_count']) }}

),

final as (

    select
        segments.learning_id,
        learnings.organization_id,
        segments.sharer_user_id as user_id,
        segments.segment_end as span_end,
        segments.other_consumer_count,
        greatest(segments.segment_start, sharers.sharer_from_date) as span_start
    from segments
    inner join sharers
        on
            segments.learning_id = sharers.learning_id
            and segments.sharer_user_id = sharers.sharer_user_id
    inner join learnings
        on segments.learning_id = learnings.learning_id
    where
        segments.other_consumer_count >= {{ var('north_star_min_consumers') }}
        and segments.segment_end >= sharers.sharer_from_date

)

select * from final
