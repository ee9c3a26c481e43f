{#- The self-describing event JSON of a Snowplow event: the first non-null of `columns`
    (one column name, or a list). The loaders of Snowflake, BigQuery and Databricks write
    one `unstruct_event_<vendor>_<name>_<major>` column per event schema, and add it only
    when the first event of that schema arrives, so a listed column that the table
    (`column_types`, from north_star_column_types) lacks is skipped. None of them existing
    raises: a misspelt name would otherwise quarantine every self-describing event. While
    parsing (no columns known, no var for another format) it renders null. -#}
{% macro north_star_snowplow_unstruct_event_json(columns, column_types) -%}
    {%- set names = [columns] if columns is string else columns or [] -%}
    {%- set present = (names | map('lower') | select('in', column_types) | list) if column_types else names -%}
    {%- if column_types and not present -%}
        {{ exceptions.raise_compiler_error(
            "north_star_snowplow_unstruct_event_column: none of " ~ names | join(', ')
            ~ " is a column of the Snowplow events table"
        ) }}
    {%- endif -%}
    coalesce(
        {%- for name in present %}
        {{ north_star_clean_text(name) }},
        {%- endfor %}
        cast(null as {{ dbt.type_string() }})
    )
{%- endmacro %}
