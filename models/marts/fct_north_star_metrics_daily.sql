{{ config(contract={'enforced': true}) }}

{#- A table rebuilt from fct_north_star_daily each run: days × a handful of metrics, and
    the anomaly columns of a day read the weeks before it. `value` and `change` are the
    issue's contract names, keywords to sqlfluff (noqa: RF04 where they are defined). -#}
{%- set window_days = north_star_var('north_star_window_days') %}
{%- set training_weeks = north_star_var('north_star_anomaly_training_weeks') %}
{%- set z_threshold = north_star_var('north_star_anomaly_z_threshold') %}
{%- set min_change = north_star_var('north_star_anomaly_min_change') %}

with

daily as (

    select * from {{ ref('fct_north_star_daily') }}

),

metric_tree as (

    select * from {{ ref(north_star_var('north_star_metric_tree')) }}

),

metric_values as (

    {% for metric in north_star_tree_metrics() %}
        select
            date_day,
            '{{ metric }}' as metric_name,
            {{ metric }} as value  -- noqa: RF04
        from daily
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- r(d) = ln(1 + x(d)) − ln(1 + x(d − 7)): null when d − 7 is before the series.
compared as (

    select
        metric_values.date_day,
        metric_values.metric_name,
        metric_values.value,
        previous_window.value as value_previous_window,
        week_earlier.value as value_week_earlier,
        ln(cast(1 + metric_values.value as {{ north_star_type_double() }}))
        - ln(cast(1 + week_earlier.value as {{ north_star_type_double() }})) as log_ratio
    from metric_values
    left join metric_values as previous_window
        on
            metric_values.metric_name = previous_window.metric_name
            and previous_window.date_day = {{ north_star_add_days(-window_days, 'metric_values.date_day') }}
    left join metric_values as week_earlier
        on
            metric_values.metric_name = week_earlier.metric_name
            and week_earlier.date_day = {{ north_star_add_days(-7, 'metric_values.date_day') }}

),

-- The training set of d: r(d − 7k) for k = 2 … M + 1, where it exists.
training as (

    select
        compared.date_day,
        compared.metric_name,
        count(training_days.log_ratio) as anomaly_training_days,
        avg(training_days.log_ratio) as training_mean,
        stddev_samp(training_days.log_ratio) as training_stddev
    from compared
    left join compared as training_days
        on
            compared.metric_name = training_days.metric_name
            and training_days.date_day in (
                {%- for weeks_back in range(2, training_weeks + 2) %}
                    {{ north_star_add_days(-7 * weeks_back, 'compared.date_day') }}{{ ',' if not loop.last }}
                {%- endfor %}
            )
    group by compared.date_day, compared.metric_name

),

scored as (

    select
        compared.*,
        training.anomaly_training_days,
        training.training_mean,
        training.training_stddev,
        case
            when training.anomaly_training_days >= 4 and training.training_stddev > 0
                then (compared.log_ratio - training.training_mean) / training.training_stddev
        end as anomaly_z_score
    from compared
    inner join training
        on
            compared.date_day = training.date_day
            and compared.metric_name = training.metric_name

),

bounded as (

    select
        *,
        case
            when anomaly_z_score is not null
                then (1 + value_week_earlier) * exp(training_mean) - 1
        end as expected_value,
        case
            when anomaly_z_score is not null
                then greatest(
                    (1 + value_week_earlier) * exp(training_mean - {{ z_threshold }} * training_stddev) - 1, 0
                )
        end as lower_bound,
        case
            when anomaly_z_score is not null
                then (1 + value_week_earlier) * exp(training_mean + {{ z_threshold }} * training_stddev) - 1
        end as upper_bound,
        coalesce(
            abs(anomaly_z_score) > {{ z_threshold }}
            and abs(value - value_week_earlier)
            > {{ min_change }} * greatest(value_week_earlier, 1),
            false
        ) as is_anomaly
    from scored

),

final as (

    select
        bounded.date_day,
        cast(bounded.metric_name as {{ north_star_type_text() }}) as metric_name,
        cast(metric_tree.parent_metric_name as {{ north_star_type_text() }}) as parent_metric_name,
        cast(metric_tree.relationship as {{ north_star_type_text() }}) as relationship,
        cast(metric_tree.owner_team as {{ north_star_type_text() }}) as owner_team,
        cast(bounded.value as {{ dbt.type_bigint() }}) as value,  -- noqa: RF04
        cast(bounded.value_previous_window as {{ dbt.type_bigint() }}) as value_previous_window,
        cast(bounded.value - bounded.value_previous_window as {{ dbt.type_bigint() }}) as change,  -- noqa: RF04
        cast(bounded.value - bounded.value_previous_window as {{ north_star_type_double() }})
        / nullif(bounded.value_previous_window, 0) as change_pct,
        cast(metric_tree.target_value as {{ north_star_type_double() }}) as target_value,
        cast(metric_tree.target_direction as {{ north_star_type_text() }}) as target_direction,
        cast(bounded.value as {{ north_star_type_double() }})
        / nullif(cast(metric_tree.target_value as {{ north_star_type_double() }}), 0) as target_attainment,
        cast(bounded.value_week_earlier as {{ dbt.type_bigint() }}) as value_week_earlier,
        cast(bounded.anomaly_training_days as {{ dbt.type_bigint() }}) as anomaly_training_days,
        cast(bounded.anomaly_z_score as {{ north_star_type_double() }}) as anomaly_z_score,
        cast(bounded.expected_value as {{ north_star_type_double() }}) as expected_value,
        cast(bounded.lower_bound as {{ north_star_type_double() }}) as lower_bound,
        cast(bounded.upper_bound as {{ north_star_type_double() }}) as upper_bound,
        bounded.is_anomaly,
        cast(case
            when bounded.is_anomaly and bounded.anomaly_z_score > 0 then 'spike'
            when bounded.is_anomaly then 'drop'
        end as {{ north_star_type_text() }}) as anomaly_direction
    from bounded
    inner join metric_tree
        on bounded.metric_name = metric_tree.metric_name

)

select * from final
