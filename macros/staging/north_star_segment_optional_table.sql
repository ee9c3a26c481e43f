{#- The north_star_segment source table `table_name` when the var `table_var` names a
    table and it exists, else none. Not every Segment source sends page or screen calls,
    and Segment creates a table only when its first call arrives, so an absent table means
    "no such calls" rather than an error; an empty var means the calls are not read. The
    source is referenced whenever the var is set, so it shows in the lineage. -#}
{% macro north_star_segment_optional_table(table_name, table_var) -%}
    {%- if not north_star_format_var('segment', table_var) -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set relation = source('north_star_segment', table_name) -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(load_relation(relation)) }}
{%- endmacro %}
