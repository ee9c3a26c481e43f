{#- The local calendar day of a UTC timestamp in north_star_timezone.
    Adapters spell time-zone conversion differently, so this dispatches. -#}
{% macro north_star_local_date(utc_timestamp) -%}
    {%- set timezone = north_star_var('north_star_timezone') -%}
    {%- if timezone | upper == 'UTC' -%}
        cast({{ utc_timestamp }} as date)
    {%- else -%}
        {{ return(adapter.dispatch('north_star_local_date', 'north_star')(utc_timestamp, timezone)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__north_star_local_date(utc_timestamp, timezone) -%}
    cast(({{ utc_timestamp }} at time zone 'UTC') at time zone {{ north_star_string_literal(timezone) }} as date)
{%- endmacro %}

{% macro spark__north_star_local_date(utc_timestamp, timezone) -%}
    cast(from_utc_timestamp({{ utc_timestamp }}, {{ north_star_string_literal(timezone) }}) as date)
{%- endmacro %}
