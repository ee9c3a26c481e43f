{{ config(**north_star_incremental_config('date_day')) }}

{#- One row per learning and local day on which it is a broadcasted learning: the
    day-level history the experiment readout measures horizons on (the reach segments hold
    only the recompute zone after an incremental run). Each run replaces the days it
    recomputes. -#}
{%- set recompute_from = north_star_mart_recompute_from() %}

with

active_days as (

    select * from {{ ref('int_active_days') }}

),

reach_segments as (

    select * from {{ ref('int_learning_reach_segments_this_run') }}

),

reporting_bounds as (

    {{ north_star_reporting_bounds('active_days', recompute_from) }}

),

reporting_days as (

    {{ north_star_day_spine('reporting_bounds') }}

),

-- Reach segments are disjoint per learning: at most one row per learning and day.
final as (

    select
        reach_segments.learning_id,
        reporting_days.date_day
    from reach_segments
    inner join reporting_days
        on reporting_days.date_day between reach_segments.segment_start and reach_segments.segment_end
    where reach_segments.consumer_count >= {{ north_star_var('north_star_min_consumers') }}

)

select * from final
