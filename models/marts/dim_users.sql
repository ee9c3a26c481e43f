{{ config(contract={'enforced': true}) }}

with

valid_events as (

    select * from {{ ref('int_events_valid') }}

),

learnings as (

    select * from {{ ref('int_learnings_owned') }}

),

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans') }}

),

user_activity as (

    select
        user_id,
        min(event_at) as first_event_at,
        max(event_at) as last_event_at,
        min(event_date) as first_active_date,
        max(event_date) as last_active_date,
        count(*) as event_count
    from valid_events
    group by user_id

),

-- A user can act in several organizations; the one with most of their events is theirs.
organization_events as (

    select
        user_id,
        organization_id,
        row_number() over (
            partition by user_id
            order by count(*) desc, min(event_at), organization_id
        ) as organization_rank
    from valid_events
    where organization_id is not null
    group by user_id, organization_id

),

owned_learnings as (

    select
        owner_user_id as user_id,
        count(*) as owned_learning_count
    from learnings
    group by owner_user_id

),

learning_user_days as (

    select
        user_id,
        min(span_start) as first_weekly_learning_user_date,
        max(span_end) as last_weekly_learning_user_date
    from weekly_learning_user_spans
    group by user_id

),

final as (

    select
        cast(user_activity.user_id as {{ dbt.type_string() }}) as user_id,
        cast(organization_events.organization_id as {{ dbt.type_string() }}) as organization_id,
        cast(user_activity.first_event_at as {{ dbt.type_timestamp() }}) as first_event_at,
        cast(user_activity.last_event_at as {{ dbt.type_timestamp() }}) as last_event_at,
        user_activity.first_active_date,
        user_activity.last_active_date,
        cast(user_activity.event_count as {{ dbt.type_bigint() }}) as event_count,
        cast(coalesce(owned_learnings.owned_learning_count, 0) as {{ dbt.type_bigint() }}) as owned_learning_count,
        learning_user_days.first_weekly_learning_user_date,
        learning_user_days.last_weekly_learning_user_date,
        learning_user_days.first_weekly_learning_user_date is not null as is_ever_weekly_learning_user
    from user_activity
    left join organization_events
        on
            user_activity.user_id = organization_events.user_id
            and organization_events.organization_rank = 1
    left join owned_learnings
        on user_activity.user_id = owned_learnings.user_id
    left join learning_user_days
        on user_activity.user_id = learning_user_days.user_id

)

select * from final
