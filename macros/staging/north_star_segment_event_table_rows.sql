{#- One row per row of the Segment per-event tables (north_star_segment_event_tables):
    message_id, received_at, and one text column per entry of `properties` (alias ->
    property column). A table without a property's column (Segment adds a column only
    once a value arrives) gives null. No rows when there are no tables. -#}
{% macro north_star_segment_event_table_rows(event_tables, properties) -%}
    {%- for relation in event_tables -%}
        {%- set relation_columns = [] -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do relation_columns.append(column.name | lower) -%}
        {%- endfor %}
    select
        {{ north_star_clean_text('id') }} as message_id,
        received_at
        {%- for alias, column_name in properties.items() -%}
            {%- if column_name and column_name | lower in relation_columns %},
        {{ north_star_clean_text(column_name) }} as {{ alias }}
            {%- else %},
        cast(null as {{ dbt.type_string() }}) as {{ alias }}
            {%- endif -%}
        {%- endfor %}
    from {{ relation }}
    union all
    {%- endfor %}
    select
        cast(null as {{ dbt.type_string() }}) as message_id,
        cast(null as {{ dbt.type_timestamp() }}) as received_at
        {%- for alias in properties %},
        cast(null as {{ dbt.type_string() }}) as {{ alias }}
        {%- endfor %}
    where 1 = 0
{%- endmacro %}
