{#- Stores a model's rows in the order of a column, so that later reads of a range of it
    skip the rest: DuckDB keeps min/max per row group. Other adapters gain nothing from
    the order of a table write, so they skip the sort. -#}
{% macro north_star_cluster_by(column) -%}
    {{ return(adapter.dispatch('north_star_cluster_by', 'north_star')(column)) }}
{%- endmacro %}

{% macro default__north_star_cluster_by(column) -%}
{%- endmacro %}

{% macro duckdb__north_star_cluster_by(column) -%}
    order by {{ column }}
{%- endmacro %}
