{#- For a model's post-hook: fresh statistics of the table it wrote. PostgreSQL plans from
    statistics that a new table lacks until autovacuum gets to it, and the next model of
    the same run reads it first, with defaults (200 distinct values a column: user_id has
    23,000 at 10M events). Views have no statistics of their own. -#}
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
