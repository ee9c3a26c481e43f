{{ config(contract={'enforced': true}, **north_star_incremental_config('date_day')) }}

{#- Weekly Learning Users are persisted nowhere as sets: members come from the span
    models, which after an incremental run are exact from one window before the recompute
    day (north_star_spans_exact_from_date) — enough for d and d − N of every recomputed
    day d. First days ever come from int_user_first_learning_days, exact on every run. -#}
{%- set recompute_from = north_star_mart_recompute_from() %}
{%- set spans_from = north_star_spans_exact_from_date(recompute_from) %}
{%- set window_days = north_star_var('north_star_window_days') %}

with

daily as (

    select * from {{ ref('fct_north_star_daily') }}

),

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans_this_run') }}

),

organization_daily as (

    select * from {{ ref('fct_organization_north_star_daily') }}

),

first_learning_user_days as (

    select * from {{ ref('int_user_first_learning_days') }}

),

series_bounds as (

    select min(date_day) as first_date
    from daily

),

exact_learning_user_spans as (

    select
        user_id,
        {{ north_star_clip_start('span_start', spans_from) }} as span_start,
        span_end
    from weekly_learning_user_spans
    {% if spans_from is not none %}
        where span_end >= {{ north_star_date_literal(spans_from) }}
    {% endif %}

),

learning_user_islands as (

    {{ north_star_merge_intervals('exact_learning_user_spans', ['user_id']) }}

),

activated_days as (

    select
        organization_id,
        date_day as span_start,
        date_day as span_end
    from organization_daily
    where is_activated

),

activated_islands as (

    {{ north_star_merge_intervals('activated_days', ['organization_id']) }}

),

member_islands as (

    select
        'weekly_learning_users' as metric_name,
        user_id as member_id,
        span_start,
        span_end
    from learning_user_islands

    union all

    select
        'activated_organizations' as metric_name,
        organization_id as member_id,
        span_start,
        span_end
    from activated_islands

),

first_member_days as (

    select
        'weekly_learning_users' as metric_name,
        user_id as member_id,
        first_weekly_learning_user_date as first_date
    from first_learning_user_days

    union all

    select
        'activated_organizations' as metric_name,
        organization_id as member_id,
        min(span_start) as first_date
    from activated_days
    group by organization_id

),

growth_changes as (

    {{ north_star_growth_changes('member_islands', 'first_member_days', ['metric_name'], window_days) }}

),

growth_segments as (

    {{ north_star_sweep_segments('growth_changes', ['metric_name'], ['current_count', 'retained_count', 'new_count']) }}

),

accounted_metrics as (

    select 'weekly_learning_users' as metric_name

    union all

    select 'activated_organizations' as metric_name

),

metric_days as (

    select
        daily.date_day,
        accounted_metrics.metric_name
    from daily
    cross join accounted_metrics
    {% if spans_from is not none %}
        where daily.date_day >= {{ north_star_date_literal(spans_from) }}
    {% endif %}

),

levels as (

    select
        metric_days.date_day,
        metric_days.metric_name,
        coalesce(growth_segments.current_count, 0) as current_count,
        coalesce(growth_segments.retained_count, 0) as retained_count,
        coalesce(growth_segments.new_count, 0) as new_count
    from metric_days
    left join growth_segments
        on
            metric_days.metric_name = growth_segments.metric_name
            and metric_days.date_day >= growth_segments.segment_start
            and metric_days.date_day <= growth_segments.segment_end

),

classified as (

    select
        levels.date_day,
        levels.metric_name,
        levels.current_count,
        coalesce(previous_levels.current_count, 0) as previous_count,
        levels.new_count,
        levels.retained_count,
        levels.current_count - levels.retained_count - levels.new_count as resurrected_count,
        coalesce(previous_levels.current_count, 0) - levels.retained_count as churned_count,
        {{ north_star_add_days(-window_days, 'levels.date_day') }} < series_bounds.first_date as is_warm_up
    from levels
    cross join series_bounds
    left join levels as previous_levels
        on
            levels.metric_name = previous_levels.metric_name
            and previous_levels.date_day = {{ north_star_add_days(-window_days, 'levels.date_day') }}
    {% if recompute_from is not none %}
        where levels.date_day >= {{ north_star_date_literal(recompute_from) }}
    {% endif %}

),

final as (

    select
        date_day,
        cast(metric_name as {{ north_star_type_text() }}) as metric_name,
        {{ north_star_growth_columns() }},
        is_warm_up
    from classified

)

select * from final
