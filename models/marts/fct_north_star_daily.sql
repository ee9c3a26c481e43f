{{ config(contract={'enforced': true}, **north_star_incremental_config('date_day')) }}

{%- set recompute_from = north_star_mart_recompute_from() %}

with

active_days as (

    select * from {{ ref('int_active_days') }}

),

user_activity_spans as (

    select * from {{ ref('int_user_activity_spans_this_run') }}

),

reach_segments as (

    select * from {{ ref('int_learning_reach_segments_this_run') }}

),

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans_this_run') }}

),

reporting_bounds as (

    {{ north_star_reporting_bounds('active_days', recompute_from) }}

),

reporting_days as (

    {{ north_star_day_spine('reporting_bounds') }}

),

-- A user qualifying through learnings of several organizations counts once.
learning_user_spans as (

    {{ north_star_merge_intervals('weekly_learning_user_spans', ['user_id']) }}

),

organization_learning_user_levels as (

    {{ north_star_organization_learning_user_levels('weekly_learning_user_spans') }}

),

activation_segments as (

    select *
    from organization_learning_user_levels
    where weekly_learning_users > {{ north_star_var('north_star_activation_threshold') }}

),

broadcast_segments as (

    select *
    from reach_segments
    where consumer_count >= {{ north_star_var('north_star_min_consumers') }}

),

changes as (

    {{ north_star_span_changes('user_activity_spans', 'span_start', 'span_end', {
        'weekly_active_users': 1, 'weekly_learning_users': 0,
        'broadcasted_learnings': 0, 'consumption_of_learnings': 0, 'activated_organizations': 0,
    }) }}

    union all

    {{ north_star_span_changes('learning_user_spans', 'span_start', 'span_end', {
        'weekly_active_users': 0, 'weekly_learning_users': 1,
        'broadcasted_learnings': 0, 'consumption_of_learnings': 0, 'activated_organizations': 0,
    }) }}

    union all

    {{ north_star_span_changes('broadcast_segments', 'segment_start', 'segment_end', {
        'weekly_active_users': 0, 'weekly_learning_users': 0,
        'broadcasted_learnings': 1, 'consumption_of_learnings': 'consumer_count', 'activated_organizations': 0,
    }) }}

    union all

    {{ north_star_span_changes('activation_segments', 'segment_start', 'segment_end', {
        'weekly_active_users': 0, 'weekly_learning_users': 0,
        'broadcasted_learnings': 0, 'consumption_of_learnings': 0, 'activated_organizations': 1,
    }) }}

),

levels as (

    {{ north_star_sweep_segments(
        'changes',
        [],
        [
            'weekly_active_users', 'weekly_learning_users', 'broadcasted_learnings',
            'consumption_of_learnings', 'activated_organizations',
        ]
    ) }}

),

final as (

    select
        reporting_days.date_day,
        cast(coalesce(levels.weekly_learning_users, 0) as {{ dbt.type_bigint() }}) as weekly_learning_users,
        cast(coalesce(levels.weekly_active_users, 0) as {{ dbt.type_bigint() }}) as weekly_active_users,
        cast(coalesce(levels.broadcasted_learnings, 0) as {{ dbt.type_bigint() }}) as broadcasted_learnings,
        cast(coalesce(levels.consumption_of_learnings, 0) as {{ dbt.type_bigint() }})
            as consumption_of_learnings,
        cast(coalesce(levels.activated_organizations, 0) as {{ dbt.type_bigint() }}) as activated_organizations
    from reporting_days
    left join levels
        on
            reporting_days.date_day >= levels.segment_start
            and reporting_days.date_day <= levels.segment_end

)

select * from final
