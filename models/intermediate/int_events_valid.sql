{{ config(materialized='view') }}

with

classified_events as (

    select * from {{ ref('int_events_classified') }}

),

final as (

    select
        event_id,
        event_at,
        event_date,
        user_id,
        organization_id,
        event_name,
        action,
        learning_id,
        learning_type
    from classified_events
    where event_status = 'valid'

)

select * from final
