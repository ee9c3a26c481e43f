{#- The data of the context entity `entity` (Iglu `vendor/name`) as JSON text, from the
    first of `columns` (north_star_snowplow_context_entity_columns) that has it; null when
    none does. A per-entity column holds an array of the entities' data: the first is
    read. `contexts` holds every entity as {"schema": ..., "data": ...} in its `data`
    array (https://docs.snowplow.io/docs/events/custom-events/context-entities): the first
    whose schema is a version of `entity` is read, among the first `max_entities`, as the
    engines share no portable way to search a JSON array; trackers attach far fewer. -#}
{% macro north_star_snowplow_context_entity_data(entity, columns, max_entities=25) -%}
    {%- set schema_prefix = 'iglu:' ~ entity ~ '/jsonschema/' -%}
    coalesce(
        {%- for column in columns %}
            {%- set json_text = north_star_clean_text(column) -%}
            {%- if column == 'contexts' %}
        (case
                {%- for index in range(max_entities) %}
            when
                substring({{ north_star_json_extract_text(json_text, ['data', index, 'schema']) }}, 1, {{ schema_prefix | length }})
                = {{ north_star_string_literal(schema_prefix) }}
                then {{ north_star_json_extract_text(json_text, ['data', index, 'data']) }}
                {%- endfor %}
        end),
            {%- else %}
        {{ north_star_json_extract_text(json_text, [0]) }},
            {%- endif %}
        {%- endfor %}
        cast(null as {{ dbt.type_string() }})
    )
{%- endmacro %}
