{#- Config of a model whose runs recompute the rows of the keys that changed (all rows of
    a key are replaced). Spark on parquet has no delete: there the model is a table. -#}
{% macro north_star_keyed_config(unique_key) -%}
    {{ return(adapter.dispatch('north_star_keyed_config', 'north_star')(unique_key)) }}
{%- endmacro %}

{% macro default__north_star_keyed_config(unique_key) -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'delete+insert',
        'unique_key': unique_key,
        'on_schema_change': 'fail',
    }) }}
{%- endmacro %}

{% macro spark__north_star_keyed_config(unique_key) -%}
    {{ return({'materialized': 'table', 'file_format': 'parquet'}) }}
{%- endmacro %}
