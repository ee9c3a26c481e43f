{{ config(contract={'enforced': true}) }}

with

user_organization_activity as (

    select * from {{ ref('int_user_organization_activity') }}

),

learnings as (

    select * from {{ ref('int_learnings') }}

),

user_first_learning_days as (

    select * from {{ ref('int_user_first_learning_days') }}

),

user_activity as (

    select
        user_id,
        min(first_active_date) as first_active_date,
        max(last_active_date) as last_active_date,
        sum(active_day_count) as active_day_count,
        sum(event_count) as event_count
    from user_organization_activity
    group by user_id

),

-- A user can act in several organizations; the one with most of their events is theirs.
organization_events as (

    select
        user_id,
        organization_id,
        row_number() over (
            partition by user_id
            order by event_count desc, first_active_date asc, organization_id asc
        ) as organization_rank
    from user_organization_activity
    where organization_id is not null

),

owned_learnings as (

    select
        owner_user_id as user_id,
        count(*) as owned_learning_count
    from learnings
    group by owner_user_id

),

final as (

    select
        cast(user_activity.user_id as {{ north_star_type_text() }}) as user_id,
        cast(organization_events.organization_id as {{ north_star_type_text() }}) as organization_id,
        user_activity.first_active_date,
        user_activity.last_active_date,
        cast(user_activity.active_day_count as {{ dbt.type_bigint() }}) as active_day_count,
        cast(user_activity.event_count as {{ dbt.type_bigint() }}) as event_count,
        cast(coalesce(owned_learnings.owned_learning_count, 0) as {{ dbt.type_bigint() }}) as owned_learning_count,
        user_first_learning_days.first_weekly_learning_user_date,
        user_first_learning_days.first_weekly_learning_user_date is not null as is_ever_weekly_learning_user
    from user_activity
    left join organization_events
        on
            user_activity.user_id = organization_events.user_id
            and organization_events.organization_rank = 1
    left join owned_learnings
        on user_activity.user_id = owned_learnings.user_id
    left join user_first_learning_days
        on user_activity.user_id = user_first_learning_days.user_id

)

select * from final
