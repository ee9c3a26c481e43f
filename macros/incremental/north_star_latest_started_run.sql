{#- The latest run that classified events, from the run manifest, as a dict: its
    invocation id, batch start and recompute day (none: all days) and whether it
    completed (the manifest has its `completed` row). None when there is no manifest or
    it has no such run. Read without ref: the models that consult it run before it. -#}
{% macro north_star_latest_started_run() -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set manifest = north_star_run_manifest_relation() -%}
    {%- if manifest is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query(
        "select started.invocation_id, started.batch_start_date, started.recomputed_from_date,"
        ~ " (select count(*) from " ~ manifest ~ " as completed where completed.run_status = 'completed'"
        ~ " and completed.invocation_id = started.invocation_id) from " ~ manifest ~ " as started"
        ~ " where started.run_status = 'started'"
        ~ " order by started.run_started_at desc, started.invocation_id limit 1"
    ) -%}
    {%- if result.rows | length == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set row = result.rows[0] -%}
    {{ return({
        'invocation_id': row[0],
        'batch_start_date': north_star_as_date(row[1]),
        'recomputed_from_date': north_star_as_date(row[2]),
        'is_completed': row[3] | int > 0,
    }) }}
{%- endmacro %}
