{#- Config of an incremental model stored by day: each run replaces the days it
    recomputed. The strategy that does this differs per adapter. -#}
{% macro north_star_incremental_config(day_column) -%}
    {{ return(adapter.dispatch('north_star_incremental_config', 'north_star')(day_column)) }}
{%- endmacro %}

{% macro default__north_star_incremental_config(day_column) -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'north_star_replace_days',
        'north_star_day_column': day_column,
        'on_schema_change': 'fail',
    }) }}
{%- endmacro %}

{#- Spark on parquet has neither delete+insert nor merge: overwrite the day partitions.
    Each day is a folder of its own, which a history of a few rows a day pays for on every
    read: north_star_spark_day_partitions = false rebuilds the table whole instead. -#}
{% macro spark__north_star_incremental_config(day_column) -%}
    {%- if not north_star_var('north_star_spark_day_partitions') -%}
        {{ return({'materialized': 'table', 'file_format': 'parquet'}) }}
    {%- endif -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'insert_overwrite',
        'partition_by': [day_column],
        'file_format': 'parquet',
        'on_schema_change': 'fail',
    }) }}
{%- endmacro %}
