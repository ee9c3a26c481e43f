{#- The latest row of the run manifest next to `relation` as a dict (its columns), none
    when there is no manifest or no row. -#}
{% macro north_star_last_completed_run(relation) -%}
    {%- set manifest = north_star_run_manifest_relation(relation) -%}
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
