{{ config(contract={'enforced': true}) }}

with

user_organization_activity as (

    select * from {{ ref('int_user_organization_activity') }}

),

learnings as (

    select * from {{ ref('int_learnings') }}

),

organization_daily as (

    select * from {{ ref('fct_organization_north_star_daily') }}

),

organization_activity as (

    select
        organization_id,
        min(first_active_date) as first_active_date,
        max(last_active_date) as last_active_date,
        count(*) as user_count
    from user_organization_activity
    where organization_id is not null
    group by organization_id

),

owned_learnings as (

    select
        organization_id,
        count(*) as learning_count
    from learnings
    where organization_id is not null
    group by organization_id

),

activation as (

    select
        organization_id,
        min(case when is_activated then date_day end) as first_activated_date,
        max(weekly_learning_users) as peak_weekly_learning_users
    from organization_daily
    group by organization_id

),

latest_day as (

    select max(date_day) as date_day
    from organization_daily

),

latest as (

    select
        organization_daily.organization_id,
        organization_daily.weekly_learning_users,
        organization_daily.is_activated
    from organization_daily
    inner join latest_day
        on organization_daily.date_day = latest_day.date_day

),

final as (

    select
        cast(organization_activity.organization_id as {{ north_star_type_text() }}) as organization_id,
        organization_activity.first_active_date,
        organization_activity.last_active_date,
        cast(organization_activity.user_count as {{ dbt.type_bigint() }}) as user_count,
        cast(coalesce(owned_learnings.learning_count, 0) as {{ dbt.type_bigint() }}) as learning_count,
        activation.first_activated_date,
        cast(coalesce(activation.peak_weekly_learning_users, 0) as {{ dbt.type_bigint() }})
            as peak_weekly_learning_users,
        cast(coalesce(latest.weekly_learning_users, 0) as {{ dbt.type_bigint() }}) as latest_weekly_learning_users,
        coalesce(latest.is_activated, false) as is_activated_latest
    from organization_activity
    left join owned_learnings
        on organization_activity.organization_id = owned_learnings.organization_id
    left join activation
        on organization_activity.organization_id = activation.organization_id
    left join latest
        on organization_activity.organization_id = latest.organization_id

)

select * from final
