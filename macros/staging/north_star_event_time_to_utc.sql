{#- A raw event-time column of type `data_type` as a UTC timestamp without zone.

    Only a timestamp without zone is cast directly: it is UTC by contract. Anything else
    (a timestamp with time zone, text with or without an offset) goes through
    north_star_parse_timestamp, which converts offsets to UTC explicitly; a plain cast
    would use the session's time zone, and an unreadable text would fail the build. -#}
{% macro north_star_event_time_to_utc(column, data_type) -%}
    {%- if data_type in ('timestamp', 'timestamp without time zone') -%}
        cast({{ column }} as {{ dbt.type_timestamp() }})
    {%- else -%}
        {{ north_star_parse_timestamp(column) }}
    {%- endif -%}
{%- endmacro %}
