{#- The floating-point type of the marts' ratios and anomaly columns: 8-byte on every
    engine. dbt.type_float() is `float`, which is 4-byte on DuckDB and Spark: log ratios
    and z-scores would lose digits and differ between engines. -#}
{% macro north_star_type_double() -%}
    {{ return(adapter.dispatch('north_star_type_double', 'north_star')()) }}
{%- endmacro %}

{% macro default__north_star_type_double() -%}
    double precision
{%- endmacro %}

{% macro spark__north_star_type_double() -%}
    double
{%- endmacro %}

{% macro bigquery__north_star_type_double() -%}
    float64
{%- endmacro %}
