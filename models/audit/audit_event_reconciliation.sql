with

classified_events as (

    select * from {{ ref('int_events_classified') }}

),

final as (

    select
        count(*) as staged_rows,
        sum(case when event_status = 'valid' then 1 else 0 end) as valid_rows,
        sum(case when event_status = 'quarantined' then 1 else 0 end) as quarantined_rows,
        sum(case when event_status = 'duplicate' then 1 else 0 end) as duplicate_rows
    from classified_events

)

select * from final
