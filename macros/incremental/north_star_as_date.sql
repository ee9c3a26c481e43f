{#- A value read back from the warehouse as a Python date (drivers return date or text). -#}
{% macro north_star_as_date(value) -%}
    {%- if value is none -%}
        {{ return(none) }}
    {%- elif value is string -%}
        {{ return(modules.datetime.date.fromisoformat(value[:10])) }}
    {%- elif value.date is defined and value.hour is defined -%}
        {{ return(value.date()) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}
