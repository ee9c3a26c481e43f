{#- The latest row of the run manifest beside `relation` (an intermediate model: same
    database and schema) as a dict of its columns; none when there is no manifest or no
    row. Read without ref: the models that consult it run before it in every build. -#}
{% macro north_star_last_completed_run(relation) -%}
    {%- set manifest = adapter.get_relation(relation.database, relation.schema, 'int_north_star__run_manifest') -%}
    {%- if not execute or manifest is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query(
        'select batch_start_date, recomputed_from_date, classified_rows, definition_vars from '
        ~ manifest ~ ' order by run_started_at desc limit 1'
    ) -%}
    {%- if result.rows | length == 0 -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set row = result.rows[0] -%}
    {{ return({
        'batch_start_date': north_star_as_date(row[0]),
        'recomputed_from_date': north_star_as_date(row[1]),
        'classified_rows': row[2] | int,
        'definition_vars': fromjson(row[3]),
    }) }}
{%- endmacro %}
