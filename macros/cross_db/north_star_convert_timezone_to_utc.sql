{#- A timestamp without zone that holds a wall-clock time of `timezone`, as the same
    instant in UTC (without zone). For exports that write local times, such as Mixpanel
    projects that export in the project's time zone. -#}
{% macro north_star_convert_timezone_to_utc(local_timestamp, timezone) -%}
    {%- if timezone | upper == 'UTC' -%}
        {{ local_timestamp }}
    {%- else -%}
        {{ return(adapter.dispatch('north_star_convert_timezone_to_utc', 'north_star')(local_timestamp, timezone)) }}
    {%- endif -%}
{%- endmacro %}

{#- Postgres and DuckDB: a timestamp without zone AT TIME ZONE z is read as local time in z. -#}
{% macro default__north_star_convert_timezone_to_utc(local_timestamp, timezone) -%}
    cast(({{ local_timestamp }} at time zone {{ north_star_string_literal(timezone) }}) at time zone 'UTC' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro spark__north_star_convert_timezone_to_utc(local_timestamp, timezone) -%}
    to_utc_timestamp({{ local_timestamp }}, {{ north_star_string_literal(timezone) }})
{%- endmacro %}
