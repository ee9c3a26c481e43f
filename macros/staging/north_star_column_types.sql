{#- The columns of an existing relation as lower-cased name -> lower-cased data type;
    empty while parsing or when the relation does not exist yet, so models that look
    columns up still compile then. -#}
{% macro north_star_column_types(relation) -%}
    {%- set column_types = {} -%}
    {%- if execute and load_relation(relation) is not none -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do column_types.update({column.name | lower: column.dtype | lower}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(column_types) }}
{%- endmacro %}
