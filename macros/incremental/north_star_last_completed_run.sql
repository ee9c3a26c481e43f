{#- The latest completed run of the run manifest as a dict (its definition vars); none
    when there is no manifest or no completed run. Read without ref: the on-run-start hook
    and int_events_classified's pre-hook run before the manifest is written. -#}
{% macro north_star_last_completed_run() -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set manifest = north_star_run_manifest_relation(check_version=true) -%}
    {%- if manifest is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query(
        "select definition_vars from " ~ manifest ~ " where run_status = 'completed'"
        ~ " order by run_started_at desc, invocation_id limit 1"
    ) -%}
    {%- if result.rows | length == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return({'definition_vars': fromjson(result.rows[0][0])}) }}
{%- endmacro %}
