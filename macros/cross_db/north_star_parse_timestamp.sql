{#- An ISO-8601 text (or a timestamp of any kind) as a UTC timestamp without zone; null
    when it cannot be read.

    A value with an offset ('Z', '+02:00', '+0200', '+00') is converted to UTC; a value
    without one is taken to be UTC already. Timestamp columns go through their text form,
    so TIMESTAMP WITH TIME ZONE columns are converted too. -#}
{% macro north_star_parse_timestamp(value) -%}
    {{ return(adapter.dispatch('north_star_parse_timestamp', 'north_star')(value)) }}
{%- endmacro %}

{#- Postgres: a regular expression guards each cast, because a failed cast raises. -#}
{% macro default__north_star_parse_timestamp(value) -%}
    {%- set value_text = 'trim(cast(' ~ value ~ ' as text))' -%}
    {%- set date_time = '^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?' -%}
    (case
        when {{ value_text }} ~ '{{ date_time }}\s*(Z|[+-]\d{2}(:?\d{2})?)$'
            and {{ value_text }} ~ '[ T]\d{2}:\d{2}'
            then cast(cast({{ value_text }} as timestamptz) at time zone 'UTC' as {{ dbt.type_timestamp() }})
        when {{ value_text }} ~ '{{ date_time }}$'
            then cast({{ value_text }} as {{ dbt.type_timestamp() }})
    end)
{%- endmacro %}

{% macro duckdb__north_star_parse_timestamp(value) -%}
    {%- set value_text = 'trim(cast(' ~ value ~ ' as varchar))' -%}
    (case
        when regexp_matches({{ value_text }}, '[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$')
            then timezone('UTC', try_cast({{ value_text }} as timestamptz))
        else try_cast({{ value_text }} as timestamp)
    end)
{%- endmacro %}

{#- Spark: to_timestamp returns null for unreadable text (outside ANSI mode). Run the
    session in UTC (spark.sql.session.timeZone), as north_star_local_date assumes. -#}
{% macro spark__north_star_parse_timestamp(value) -%}
    to_timestamp(trim(cast({{ value }} as string)))
{%- endmacro %}
