{#- Per organization and user, the days the user is a Weekly Learning User through that
    organization's learnings: credited by some learning and active in the window. -#}

with

qualifying_spans as (

    select * from {{ ref('int_sharer_qualifying_spans') }}

),

activity_spans as (

    select * from {{ ref('int_user_activity_spans') }}

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
