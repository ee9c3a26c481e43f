{#- A cleaned text column that a raw table may lack: null when the relation's columns
    (`column_types`, from north_star_column_types) are known and do not include it. -#}
{% macro north_star_optional_text(column, column_types) -%}
    {%- if column_types and column not in column_types -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        {{ north_star_clean_text(column) }}
    {%- endif -%}
{%- endmacro %}
