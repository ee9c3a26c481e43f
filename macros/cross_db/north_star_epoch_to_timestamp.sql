{#- A Unix epoch number (or its text) as a UTC timestamp without zone; null when it is not
    a number or is out of range.

    unit: 'seconds', 'milliseconds', or 'auto' (magnitudes of 1e11 and more are read as
    milliseconds: 1e11 seconds is the year 5138). -#}
{% macro north_star_epoch_to_timestamp(value, unit='seconds') -%}
    {%- if unit not in ['seconds', 'milliseconds', 'auto'] -%}
        {{ exceptions.raise_compiler_error("north_star_epoch_to_timestamp: unknown unit '" ~ unit ~ "'") }}
    {%- endif -%}
    {{ return(adapter.dispatch('north_star_epoch_to_timestamp', 'north_star')(value, unit)) }}
{%- endmacro %}

{#- Postgres: a regular expression guards the numeric cast, because a failed cast raises. -#}
{% macro default__north_star_epoch_to_timestamp(value, unit) -%}
    {%- set value_text = 'trim(cast(' ~ value ~ ' as text))' -%}
    {%- set number = 'cast(' ~ value_text ~ ' as double precision)' -%}
    {%- set microseconds = north_star_epoch_microseconds(number, unit) -%}
    (case
        when {{ value_text }} ~ '^-?\d{1,18}(\.\d+)?$'
            and abs({{ microseconds }}) < 253402300800000000
            then cast(to_timestamp({{ microseconds }} / 1000000.0) at time zone 'UTC' as {{ dbt.type_timestamp() }})
    end)
{%- endmacro %}

{% macro duckdb__north_star_epoch_to_timestamp(value, unit) -%}
    {%- set number = 'try_cast(' ~ value ~ ' as double)' -%}
    {%- set microseconds = north_star_epoch_microseconds(number, unit) -%}
    (case
        when abs({{ microseconds }}) < 253402300800000000
            then make_timestamp(cast({{ microseconds }} as bigint))
    end)
{%- endmacro %}

{% macro spark__north_star_epoch_to_timestamp(value, unit) -%}
    {%- set number = 'cast(' ~ value ~ ' as double)' -%}
    {%- set microseconds = north_star_epoch_microseconds(number, unit) -%}
    (case
        when abs({{ microseconds }}) < 253402300800000000
            then timestamp_micros(cast({{ microseconds }} as bigint))
    end)
{%- endmacro %}
