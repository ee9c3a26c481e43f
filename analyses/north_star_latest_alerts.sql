-- The alerts of the latest day, as `python -m tooling.cli alerts` prints them: every metric
-- of the tree that is an anomaly, with its owner, the expected range and the change
-- against the same weekday a week earlier (the definitions: fct_north_star_metrics_daily).
with

metrics_daily as (

    select * from {{ ref('fct_north_star_metrics_daily') }}

),

latest_day as (

    select max(date_day) as date_day
    from metrics_daily

),

final as (

    select
        metrics_daily.date_day,
        metrics_daily.metric_name,
        metrics_daily.relationship,
        metrics_daily.owner_team,
        metrics_daily.anomaly_direction,
        metrics_daily.value,
        metrics_daily.expected_value,
        metrics_daily.lower_bound,
        metrics_daily.upper_bound,
        metrics_daily.value_week_earlier,
        metrics_daily.anomaly_z_score,
        metrics_daily.value - metrics_daily.value_week_earlier as change_week_over_week
    from metrics_daily
    inner join latest_day
        on metrics_daily.date_day = latest_day.date_day
    where metrics_daily.is_anomaly

)

select * from final
