{#- A Python date (or none) as a SQL date literal (or a typed null). -#}
{% macro north_star_optional_date_literal(value) -%}
    {%- if value is none -%}
        cast(null as date)
    {%- else -%}
        {{ north_star_date_literal(value) }}
    {%- endif -%}
{%- endmacro %}
