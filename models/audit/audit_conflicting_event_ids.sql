with

classified_events as (

    select * from {{ ref('int_events_classified') }}

),

occurrences as (

    select
        event_id,
        event_at,
        event_date,
        event_status,
        user_id,
        organization_id,
        event_name,
        learning_id,
        learning_type
    from classified_events
    where
        event_status in ('valid', 'duplicate')
        and event_id in (
            select duplicates.event_id
            from classified_events as duplicates
            where duplicates.event_status = 'duplicate'
        )

),

conflicting_event_ids as (

    select event_id
    from occurrences
    group by event_id
    -- Cleaned text is never blank, so '' stands for null.
    having
        count(distinct coalesce(user_id, '')) > 1
        or count(distinct coalesce(organization_id, '')) > 1
        or count(distinct coalesce(event_name, '')) > 1
        or count(distinct coalesce(learning_id, '')) > 1
        or count(distinct coalesce(learning_type, '')) > 1

),

final as (

    select occurrences.*
    from occurrences
    inner join conflicting_event_ids
        on occurrences.event_id = conflicting_event_ids.event_id

)

select * from final
