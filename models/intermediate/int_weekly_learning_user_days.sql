{{ config(**north_star_incremental_config('date_day')) }}

{#- One row per user and local day on which the user is a Weekly Learning User (through
    any organization's learnings): the day-level history the experiment readout measures
    horizons on. The span models hold only the recompute zone after an incremental run,
    so the days are stored here, and each run replaces the days it recomputes. -#}
{%- set recompute_from = north_star_mart_recompute_from() %}

with

active_days as (

    select * from {{ ref('int_active_days') }}

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

-- A user qualifying through learnings of several organizations counts once a day.
learning_user_islands as (

    {{ north_star_merge_intervals('weekly_learning_user_spans', ['user_id']) }}

),

final as (

    select
        learning_user_islands.user_id,
        reporting_days.date_day
    from learning_user_islands
    inner join reporting_days
        on reporting_days.date_day between learning_user_islands.span_start and learning_user_islands.span_end

)

select * from final
