{#- Blank and whitespace-only identifiers mean "missing": they become null so that
    validation has one test for absence. -#}
{% macro north_star_clean_text(column) -%}
    nullif(trim(cast({{ column }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
