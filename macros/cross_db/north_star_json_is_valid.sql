{#- Whether a JSON text is well formed: true, false for malformed text, null for null.
    Staging models use it to quarantine rows whose JSON cannot be read
    (source_invalid_reason = 'malformed_json') instead of failing the whole run. -#}
{% macro north_star_json_is_valid(json_text) -%}
    {{ return(adapter.dispatch('north_star_json_is_valid', 'north_star')(json_text)) }}
{%- endmacro %}

{#- Postgres: the IS JSON predicate from version 16. Before 16 nothing checks JSON
    without raising, so only the outer shape is checked (an object or array, or a JSON
    scalar): that catches truncated text, but a value malformed inside raises when cast. -#}
{% macro default__north_star_json_is_valid(json_text) -%}
    {%- if north_star_postgres_version_num() >= 160000 -%}
        (cast({{ json_text }} as text) is json)
    {%- else -%}
        (cast({{ json_text }} as text)
            ~ '^\s*(\{.*\}|\[.*\]|"(.|\n)*"|-?[0-9][0-9.eE+-]*|true|false|null)\s*$')
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__north_star_json_is_valid(json_text) -%}
    json_valid({{ json_text }})
{%- endmacro %}

{#- get_json_object returns null for malformed JSON instead of raising. -#}
{% macro spark__north_star_json_is_valid(json_text) -%}
    (case when {{ json_text }} is not null then get_json_object({{ json_text }}, '$') is not null end)
{%- endmacro %}
