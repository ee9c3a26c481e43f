{#- Whether a JSON text is well formed: true, false for malformed text, null for null.
    Staging models use it to quarantine rows whose JSON cannot be read
    (source_invalid_reason = 'malformed_json') instead of failing the whole run. -#}
{% macro north_star_json_is_valid(json_text) -%}
    {{ return(adapter.dispatch('north_star_json_is_valid', 'north_star')(json_text)) }}
{%- endmacro %}

{#- Postgres 16+ (the IS JSON predicate). -#}
{% macro default__north_star_json_is_valid(json_text) -%}
    (cast({{ json_text }} as text) is json)
{%- endmacro %}

{% macro duckdb__north_star_json_is_valid(json_text) -%}
    json_valid({{ json_text }})
{%- endmacro %}

{#- get_json_object returns null for malformed JSON instead of raising. -#}
{% macro spark__north_star_json_is_valid(json_text) -%}
    (case when {{ json_text }} is not null then get_json_object({{ json_text }}, '$') is not null end)
{%- endmacro %}
