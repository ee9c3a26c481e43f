{#- Lifetime activity: the settled state plus the days after it, read fresh. A table,
    because both dimensions read it. -#}

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

    {{ north_star_fold_user_organization_activity('activity') }}

)

select * from final
