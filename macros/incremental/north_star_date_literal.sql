{#- A Python date as a SQL date literal. -#}
{% macro north_star_date_literal(value) -%}
    cast('{{ value.isoformat() }}' as date)
{%- endmacro %}
