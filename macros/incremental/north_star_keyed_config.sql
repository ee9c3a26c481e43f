{#- Config of a model whose runs recompute the rows of the keys that changed (strategy
    north_star_replace_keys). Spark on parquet has no delete: there the model is a table. -#}
{% macro north_star_keyed_config(key_column, day_column) -%}
    {{ return(adapter.dispatch('north_star_keyed_config', 'north_star')(key_column, day_column)) }}
{%- endmacro %}

{% macro default__north_star_keyed_config(key_column, day_column) -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'north_star_replace_keys',
        'north_star_key_column': key_column,
        'north_star_day_column': day_column,
        'on_schema_change': 'fail',
    }) }}
{%- endmacro %}

{% macro spark__north_star_keyed_config(key_column, day_column) -%}
    {{ return({'materialized': 'table', 'file_format': 'parquet'}) }}
{%- endmacro %}
