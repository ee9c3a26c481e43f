{{ config(contract={'enforced': true}, **north_star_incremental_config('date_day')) }}

{%- set recompute_from = north_star_mart_recompute_from() %}

with

active_days as (

    select * from {{ ref('int_active_days') }}

),

user_activity_spans as (

    select * from {{ ref('int_user_activity_spans') }}

),

reach_segments as (

    select * from {{ ref('int_learning_reach_segments') }}

),

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans') }}

),

organization_daily as (

    select * from {{ ref('fct_organization_north_star_daily') }}

),

reporting_bounds as (

    select
        {% if recompute_from is not none %}
            {{ north_star_date_literal(recompute_from) }} as first_date,
        {% else %}
            min(event_date) as first_date,
        {% endif %}
        max(event_date) as last_date
    from active_days

),

reporting_days as (

    {{ north_star_day_spine('reporting_bounds') }}

),

-- A user qualifying through learnings of several organizations counts once.
learning_user_spans as (

    {{ north_star_merge_intervals('weekly_learning_user_spans', ['user_id']) }}

),

broadcast_segments as (

    select *
    from reach_segments
    where consumer_count >= {{ north_star_var('north_star_min_consumers') }}

),

changes as (

    select
        span_start as change_date,
        1 as weekly_active_users,
        0 as weekly_learning_users,
        0 as broadcasted_learnings,
        0 as consumption_of_learnings
    from user_activity_spans

    union all

    select
        {{ north_star_add_days(1, 'span_end') }} as change_date,
        -1 as weekly_active_users,
        0 as weekly_learning_users,
        0 as broadcasted_learnings,
        0 as consumption_of_learnings
    from user_activity_spans

    union all

    select
        span_start as change_date,
        0 as weekly_active_users,
        1 as weekly_learning_users,
        0 as broadcasted_learnings,
        0 as consumption_of_learnings
    from learning_user_spans

    union all

    select
        {{ north_star_add_days(1, 'span_end') }} as change_date,
        0 as weekly_active_users,
        -1 as weekly_learning_users,
        0 as broadcasted_learnings,
        0 as consumption_of_learnings
    from learning_user_spans

    union all

    select
        segment_start as change_date,
        0 as weekly_active_users,
        0 as weekly_learning_users,
        1 as broadcasted_learnings,
        consumer_count as consumption_of_learnings
    from broadcast_segments

    union all

    select
        {{ north_star_add_days(1, 'segment_end') }} as change_date,
        0 as weekly_active_users,
        0 as weekly_learning_users,
        -1 as broadcasted_learnings,
        -consumer_count as consumption_of_learnings
    from broadcast_segments

),

levels as (

    {{ north_star_sweep_segments(
        'changes',
        [],
        ['weekly_active_users', 'weekly_learning_users', 'broadcasted_learnings', 'consumption_of_learnings']
    ) }}

),

activated_organizations as (

    select
        date_day,
        sum(case when is_activated then 1 else 0 end) as activated_organizations
    from organization_daily
    group by date_day

),

final as (

    select
        reporting_days.date_day,
        cast(coalesce(levels.weekly_learning_users, 0) as {{ dbt.type_bigint() }}) as weekly_learning_users,
        cast(coalesce(levels.weekly_active_users, 0) as {{ dbt.type_bigint() }}) as weekly_active_users,
        cast(coalesce(levels.broadcasted_learnings, 0) as {{ dbt.type_bigint() }}) as broadcasted_learnings,
        cast(coalesce(levels.consumption_of_learnings, 0) as {{ dbt.type_bigint() }})
            as consumption_of_learnings,
        cast(coalesce(activated_organizations.activated_organizations, 0) as {{ dbt.type_bigint() }})
            as activated_organizations
    from reporting_days
    left join levels
        on
            reporting_days.date_day >= levels.segment_start
            and reporting_days.date_day <= levels.segment_end
    left join activated_organizations
        on reporting_days.date_day = activated_organizations.date_day

)

select * from final
