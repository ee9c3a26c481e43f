{#- Per organization and user, the days the user is a Weekly Learning User through that
    organization's learnings: some learning the user shared has at least
    north_star_min_consumers consumers other than the user that day (the sharer's credit),
    and the user is active in the window. -#}
{%- set min_consumers = north_star_var('north_star_min_consumers') -%}

with

learnings as (

    select * from {{ ref('int_learnings') }}

),

sharers as (

    select * from {{ ref('int_learning_sharers') }}

),

reach_segments as (

    select * from {{ ref('int_learning_reach_segments_this_run') }}

),

viewer_spans as (

    select * from {{ ref('int_learning_viewer_spans_this_run') }}

),

activity_spans as (

    select * from {{ ref('int_user_activity_spans_this_run') }}

),

consumer_spans as (

    {{ north_star_consumer_spans('viewer_spans', 'learnings') }}

),

consuming_sharers as (

    select distinct
        sharers.learning_id,
        sharers.sharer_user_id
    from sharers
    inner join consumer_spans
        on
            sharers.learning_id = consumer_spans.learning_id
            and sharers.sharer_user_id = consumer_spans.consumer_user_id

),

-- Most sharers (owners always) never view what they share: their count is the learning's.
non_consuming_credits as (

    select
        sharers.learning_id,
        sharers.sharer_user_id,
        sharers.sharer_from_date,
        reach_segments.segment_start,
        reach_segments.segment_end,
        reach_segments.consumer_count as other_consumer_count
    from sharers
    inner join reach_segments
        on sharers.learning_id = reach_segments.learning_id
    left join consuming_sharers
        on
            sharers.learning_id = consuming_sharers.learning_id
            and sharers.sharer_user_id = consuming_sharers.sharer_user_id
    where
        consuming_sharers.learning_id is null
        and reach_segments.consumer_count >= {{ min_consumers }}

),

-- A sharer who also consumes: all consumers minus the sharer's own consumer spans.
consuming_changes as (

    select
        consuming_sharers.learning_id,
        consuming_sharers.sharer_user_id,
        reach_segments.segment_start as change_date,
        reach_segments.consumer_count as other_consumer_count
    from consuming_sharers
    inner join reach_segments
        on consuming_sharers.learning_id = reach_segments.learning_id

    union all

    select
        consuming_sharers.learning_id,
        consuming_sharers.sharer_user_id,
        {{ north_star_add_days(1, 'reach_segments.segment_end') }} as change_date,
        -reach_segments.consumer_count as other_consumer_count
    from consuming_sharers
    inner join reach_segments
        on consuming_sharers.learning_id = reach_segments.learning_id

    union all

    select
        consumer_spans.learning_id,
        consumer_spans.consumer_user_id as sharer_user_id,
        consumer_spans.span_start as change_date,
        -1 as other_consumer_count
    from consumer_spans
    inner join consuming_sharers
        on
            consumer_spans.learning_id = consuming_sharers.learning_id
            and consumer_spans.consumer_user_id = consuming_sharers.sharer_user_id

    union all

    select
        consumer_spans.learning_id,
        consumer_spans.consumer_user_id as sharer_user_id,
        {{ north_star_add_days(1, 'consumer_spans.span_end') }} as change_date,
        1 as other_consumer_count
    from consumer_spans
    inner join consuming_sharers
        on
            consumer_spans.learning_id = consuming_sharers.learning_id
            and consumer_spans.consumer_user_id = consuming_sharers.sharer_user_id

),

consuming_segments as (

    {{ north_star_sweep_segments(
        'consuming_changes', ['learning_id', 'sharer_user_id'], ['other_consumer_count']
    ) }}

),

consuming_credits as (

    select
        consuming_segments.learning_id,
        consuming_segments.sharer_user_id,
        sharers.sharer_from_date,
        consuming_segments.segment_start,
        consuming_segments.segment_end,
        consuming_segments.other_consumer_count
    from consuming_segments
    inner join sharers
        on
            consuming_segments.learning_id = sharers.learning_id
            and consuming_segments.sharer_user_id = sharers.sharer_user_id
    where consuming_segments.other_consumer_count >= {{ min_consumers }}

),

credits as (

    select * from non_consuming_credits
    union all
    select * from consuming_credits

),

-- A sharer is credited only from their share on.
qualifying_spans as (

    select
        learnings.organization_id,
        credits.sharer_user_id as user_id,
        credits.segment_end as span_end,
        greatest(credits.segment_start, credits.sharer_from_date) as span_start
    from credits
    inner join learnings
        on credits.learning_id = learnings.learning_id
    where credits.segment_end >= credits.sharer_from_date

),

credited_spans as (

    {{ north_star_merge_intervals('qualifying_spans', ['organization_id', 'user_id']) }}

),

final as (

    select
        credited_spans.organization_id,
        credited_spans.user_id,
        greatest(credited_spans.span_start, activity_spans.span_start) as span_start,
        least(credited_spans.span_end, activity_spans.span_end) as span_end
    from credited_spans
    inner join activity_spans
        on
            credited_spans.user_id = activity_spans.user_id
            and credited_spans.span_start <= activity_spans.span_end
            and credited_spans.span_end >= activity_spans.span_start

)

select * from final
