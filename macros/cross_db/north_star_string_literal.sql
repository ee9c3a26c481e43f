{#- A Python string as a SQL string literal. dbt.string_literal pastes the text between
    quotes unescaped; this escapes it for the engine, so a value can never end the
    literal early. -#}
{% macro north_star_string_literal(value) -%}
    {{ return(adapter.dispatch('north_star_string_literal', 'north_star')(value | string)) }}
{%- endmacro %}

{#- Standard SQL (Postgres with standard_conforming_strings, the default since 9.1; DuckDB):
    a quote is doubled, a backslash is an ordinary character. -#}
{% macro default__north_star_string_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{#- Spark reads backslash escapes in literals: the backslash is escaped first. -#}
{% macro spark__north_star_string_literal(value) -%}
    '{{ value | replace('\\', '\\\\') | replace("'", "\\'") }}'
{%- endmacro %}
