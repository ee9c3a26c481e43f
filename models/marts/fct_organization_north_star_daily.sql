{{ config(contract={'enforced': true}, **north_star_incremental_config('date_day')) }}

{%- set recompute_from = north_star_mart_recompute_from() %}

with

active_days as (

    select * from {{ ref('int_active_days') }}

),

organization_activity_spans as (

    select * from {{ ref('int_organization_activity_spans_this_run') }}

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

broadcast_segments as (

    select *
    from reach_segments
    where
        consumer_count >= {{ north_star_var('north_star_min_consumers') }}
        and organization_id is not null

),

organization_spans as (

    select
        organization_id,
        span_start,
        span_end
    from organization_activity_spans

    union all

    select
        organization_id,
        segment_start as span_start,
        segment_end as span_end
    from broadcast_segments

),

organization_days as (

    select distinct
        organization_spans.organization_id,
        reporting_days.date_day
    from organization_spans
    inner join reporting_days
        on reporting_days.date_day between organization_spans.span_start and organization_spans.span_end

),

broadcast_changes as (

    {{ north_star_span_changes('broadcast_segments', 'segment_start', 'segment_end', {
        'broadcasted_learnings': 1, 'consumption_of_learnings': 'consumer_count',
    }, partition_by=['organization_id']) }}

),

broadcast_levels as (

    {{ north_star_sweep_segments(
        'broadcast_changes', ['organization_id'], ['broadcasted_learnings', 'consumption_of_learnings']
    ) }}

),

learning_user_levels as (

    {{ north_star_organization_learning_user_levels('weekly_learning_user_spans') }}

),

-- Segments are disjoint per organization: expanding them over the reporting days gives at
-- most one row per organization and day, joined on equality below.
learning_user_days as (

    select
        learning_user_levels.organization_id,
        reporting_days.date_day,
        learning_user_levels.weekly_learning_users
    from learning_user_levels
    inner join reporting_days
        on reporting_days.date_day between learning_user_levels.segment_start and learning_user_levels.segment_end
    where learning_user_levels.weekly_learning_users > 0

),

broadcast_days as (

    select
        broadcast_levels.organization_id,
        reporting_days.date_day,
        broadcast_levels.broadcasted_learnings,
        broadcast_levels.consumption_of_learnings
    from broadcast_levels
    inner join reporting_days
        on reporting_days.date_day between broadcast_levels.segment_start and broadcast_levels.segment_end
    where broadcast_levels.broadcasted_learnings > 0

),

final as (

    select
        organization_days.date_day,
        cast(organization_days.organization_id as {{ north_star_type_text() }}) as organization_id,
        cast(coalesce(learning_user_days.weekly_learning_users, 0) as {{ dbt.type_bigint() }})
            as weekly_learning_users,
        cast(coalesce(broadcast_days.broadcasted_learnings, 0) as {{ dbt.type_bigint() }})
            as broadcasted_learnings,
        cast(coalesce(broadcast_days.consumption_of_learnings, 0) as {{ dbt.type_bigint() }})
            as consumption_of_learnings,
        coalesce(learning_user_days.weekly_learning_users, 0) > {{ north_star_var('north_star_activation_threshold') }}
            as is_activated
    from organization_days
    left join learning_user_days
        on
            organization_days.organization_id = learning_user_days.organization_id
            and organization_days.date_day = learning_user_days.date_day
    left join broadcast_days
        on
            organization_days.organization_id = broadcast_days.organization_id
            and organization_days.date_day = broadcast_days.date_day

)

select * from final
