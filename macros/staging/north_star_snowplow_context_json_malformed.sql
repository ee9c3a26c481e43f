{#- Whether any of the context `columns` read (north_star_snowplow_context_entity_columns)
    holds text that is not JSON: the entity cannot be read from it, so the event is
    quarantined as malformed rather than as missing its organization. -#}
{% macro north_star_snowplow_context_json_malformed(columns) -%}
    (false
        {%- for column in columns %}
        or coalesce(not {{ north_star_json_is_valid(north_star_clean_text(column)) }}, false)
        {%- endfor %}
    )
{%- endmacro %}
