{{ config(contract={'enforced': true}, **north_star_incremental_config('date_day')) }}

{#- Members are the users who are Weekly Learning Users through the organization's
    learnings, from the span models (exact from one window before the recompute day after
    an incremental run); first days ever come from int_organization_user_first_learning_days. -#}
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

first_learning_user_days as (

    select * from {{ ref('int_organization_user_first_learning_days') }}

),

series_bounds as (

    select
        min(date_day) as first_date,
        max(date_day) as last_date
    from daily

),

exact_learning_user_spans as (

    select
        organization_id,
        user_id,
        {{ north_star_clip_start('span_start', spans_from) }} as span_start,
        span_end
    from weekly_learning_user_spans
    where
        organization_id is not null
    {% if spans_from is not none %}
        and span_end >= {{ north_star_date_literal(spans_from) }}
        {% endif %}

),

learning_user_islands as (

    {{ north_star_merge_intervals('exact_learning_user_spans', ['organization_id', 'user_id']) }}

),

member_islands as (

    select
        organization_id,
        {{ north_star_organization_user_key('organization_id', 'user_id') }} as member_id,
        span_start,
        span_end
    from learning_user_islands

),

first_member_days as (

    select
        organization_id,
        {{ north_star_organization_user_key('organization_id', 'user_id') }} as member_id,
        first_weekly_learning_user_date as first_date
    from first_learning_user_days

),

growth_changes as (

    {{ north_star_growth_changes('member_islands', 'first_member_days', ['organization_id'], window_days) }}

),

growth_segments as (

    {{ north_star_sweep_segments('growth_changes', ['organization_id'], ['current_count', 'retained_count', 'new_count']) }}

),

-- Segments are disjoint per organization: expanded over the days, at most one row per
-- organization and day. Days without members are left out.
levels as (

    select
        growth_segments.organization_id,
        daily.date_day,
        growth_segments.current_count,
        growth_segments.retained_count,
        growth_segments.new_count
    from growth_segments
    inner join daily
        on
            growth_segments.segment_start <= daily.date_day
            and growth_segments.segment_end >= daily.date_day
    where growth_segments.current_count > 0

),

-- An organization's row exists on a day with members, or with members a window earlier
-- (where they all churned).
organization_days as (

    select
        organization_id,
        date_day
    from levels

    union

    select
        levels.organization_id,
        {{ north_star_add_days(window_days, 'levels.date_day') }} as date_day
    from levels
    cross join series_bounds
    where {{ north_star_add_days(window_days, 'levels.date_day') }} <= series_bounds.last_date

),

classified as (

    select
        organization_days.date_day,
        organization_days.organization_id,
        coalesce(levels.current_count, 0) as current_count,
        coalesce(previous_levels.current_count, 0) as previous_count,
        coalesce(levels.new_count, 0) as new_count,
        coalesce(levels.retained_count, 0) as retained_count,
        coalesce(levels.current_count, 0) - coalesce(levels.retained_count, 0) - coalesce(levels.new_count, 0)
            as resurrected_count,
        coalesce(previous_levels.current_count, 0) - coalesce(levels.retained_count, 0) as churned_count,
        {{ north_star_add_days(-window_days, 'organization_days.date_day') }} < series_bounds.first_date as is_warm_up
    from organization_days
    cross join series_bounds
    left join levels
        on
            organization_days.organization_id = levels.organization_id
            and organization_days.date_day = levels.date_day
    left join levels as previous_levels
        on
            organization_days.organization_id = previous_levels.organization_id
            and previous_levels.date_day = {{ north_star_add_days(-window_days, 'organization_days.date_day') }}
    {% if recompute_from is not none %}
        where organization_days.date_day >= {{ north_star_date_literal(recompute_from) }}
    {% endif %}

),

final as (

    select
        date_day,
        cast(organization_id as {{ north_star_type_text() }}) as organization_id,
        {{ north_star_growth_columns() }},
        is_warm_up
    from classified

)

select * from final
