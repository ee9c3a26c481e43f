{#- Config of a model that folds new days into state it keeps from its previous run, and
    rewrites the (small) state whole each run. Spark on parquet cannot overwrite a table
    it reads: there the model is a table computed from all days. -#}
{% macro north_star_state_config() -%}
    {{ return(adapter.dispatch('north_star_state_config', 'north_star')()) }}
{%- endmacro %}

{% macro default__north_star_state_config() -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'north_star_replace_all',
        'on_schema_change': 'fail',
    }) }}
{%- endmacro %}

{% macro spark__north_star_state_config() -%}
    {{ return({'materialized': 'table', 'file_format': 'parquet'}) }}
{%- endmacro %}
