{{ config(materialized='view') }}

{#- Lifetime activity: the settled state plus the days after it, read fresh. -#}

with

settled_activity as (

    select * from {{ ref('int_user_organization_activity_settled') }}

),

active_days as (

    select * from {{ ref('int_active_days') }}

),

open_days as (

    select active_days.*
    from active_days
    where
        active_days.event_date >= (
            -- No settled row means no settled day: every day is open.
            select coalesce(max(settled_activity.settled_before_date), cast('1900-01-01' as date))
            from settled_activity
        )

),

open_activity as (

    {{ north_star_user_organization_rollup('open_days') }}

),

activity as (

    select
        user_id,
        organization_id,
        first_active_date,
        last_active_date,
        event_count,
        active_day_count
    from settled_activity

    union all

    select * from open_activity

),

final as (

    select
        user_id,
        organization_id,
        min(first_active_date) as first_active_date,
        max(last_active_date) as last_active_date,
        sum(event_count) as event_count,
        sum(active_day_count) as active_day_count
    from activity
    group by user_id, organization_id

)

select * from final
