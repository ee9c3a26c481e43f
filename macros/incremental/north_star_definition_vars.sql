{#- What decides what the stored tables hold, as a dict: the vars — every checked var but
    the source location (environments name it differently), the lookback, the future-time
    limit (rows past it are re-read until they are due) and the test switches — and the
    contents of the event mapping (`event_mapping_contents`, a fingerprint). The run
    manifest stores them; a run with other values must rebuild from scratch. -#}
{% macro north_star_definition_vars() -%}
    {%- set operational = [
        'north_star_events_database', 'north_star_events_schema', 'north_star_events_table',
        'north_star_lookback_days', 'north_star_max_future_hours',
        'north_star_recency_warn_after_days', 'north_star_package_tests',
    ] -%}
    {%- set values = {} -%}
    {%- for name in north_star_var_rules() if name not in operational -%}
        {%- set value = north_star_var(name) -%}
        {%- do values.update({name: value if value is none or value is number else value | string}) -%}
    {%- endfor -%}
    {%- do values.update({'event_mapping_contents': north_star_event_mapping_fingerprint()}) -%}
    {{ return(values) }}
{%- endmacro %}
