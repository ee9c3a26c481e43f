{#- The text type the marts' contracts declare (`varchar`; `string` where there is no bare
    varchar). dbt.type_string() is `text` on Postgres, which an incremental run would see
    as a column type change against the contract-built `character varying` table. -#}
{% macro north_star_type_text() -%}
    {{ return(adapter.dispatch('north_star_type_text', 'north_star')()) }}
{%- endmacro %}

{% macro default__north_star_type_text() -%}
    varchar
{%- endmacro %}

{% macro spark__north_star_type_text() -%}
    string
{%- endmacro %}

{% macro bigquery__north_star_type_text() -%}
    string
{%- endmacro %}
