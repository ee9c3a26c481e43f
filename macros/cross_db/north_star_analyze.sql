{#- For a model's post-hook: fresh statistics of the table it wrote. PostgreSQL plans from
    statistics that a new table lacks until autovacuum gets to it, and the next model of
    the same run reads it first: with the defaults (200 distinct values a column) a distinct
    over user × day of millions of rows was planned as 40,000 groups, and the parallel hash
    aggregate chosen for that never finished. Views have no statistics of their own. -#}
{% macro north_star_analyze(relation, materialized) -%}
    {{ return(adapter.dispatch('north_star_analyze', 'north_star')(relation, materialized)) }}
{%- endmacro %}

{% macro default__north_star_analyze(relation, materialized) -%}
{%- endmacro %}

{% macro postgres__north_star_analyze(relation, materialized) -%}
    {%- if materialized != 'view' -%}
        analyze {{ relation }}
    {%- endif -%}
{%- endmacro %}
