{#- The alert: fails (at `north_star_alert_severity`, warn by default, so `dbt build`
    shows it and passes) when any metric is an anomaly on the model's latest day. Returns
    the alerts: metric, owner, value, expected range and the value a week earlier. -#}
{% test north_star_no_anomaly_on_latest_day(model, column_name, date_column='date_day') %}
{{ config(severity=north_star.north_star_var('north_star_alert_severity')) }}

select
    metric_name,
    owner_team,
    {{ date_column }},
    value,
    value_week_earlier,
    lower_bound,
    upper_bound,
    anomaly_direction
from {{ model }}
where
    {{ column_name }}
    and {{ date_column }} = (select max({{ date_column }}) from {{ model }})

{% endtest %}
