{#- What decides what the stored tables hold, as a dict: the vars — every checked var but
    the source location (environments name it differently), the lookback, the future-time
    limit (rows past it are re-read until they are due), the test and semantic-layer
    switches and the vars only fct_north_star_metrics_daily reads (the metric tree,
    anomaly detection and alert severity: that table is rebuilt whole every run) — and the
    contents of the event mapping (`event_mapping_contents`, a fingerprint). The run
    manifest stores them; a run with other values must rebuild from scratch. -#}
{% macro north_star_definition_vars() -%}
    {%- set operational = [
        'north_star_events_database', 'north_star_events_schema', 'north_star_events_table',
        'north_star_lookback_days', 'north_star_max_future_hours',
        'north_star_recency_warn_after_days', 'north_star_package_tests',
        'north_star_semantic_layer', 'north_star_time_spine',
        'north_star_metric_tree', 'north_star_anomaly_training_weeks', 'north_star_anomaly_z_threshold',
        'north_star_anomaly_min_change', 'north_star_alert_severity',
    ] -%}
    {%- set values = {} -%}
    {%- for name in north_star_var_rules() if name not in operational -%}
        {%- set value = north_star_var(name) -%}
        {%- do values.update({name: value if value is none or value is number else value | string}) -%}
    {%- endfor -%}
    {%- do values.update({'event_mapping_contents': north_star_event_mapping_fingerprint()}) -%}
    {{ return(values) }}
{%- endmacro %}
