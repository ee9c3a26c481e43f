{#- One row (date_day) per day from first_date to last_date inclusive, read from the
    single row of `bounds_relation`. Bounds come from data, so the spine is built in SQL
    rather than with dbt.date_spine, which queries the warehouse at compile time. -#}
{% macro north_star_day_spine(bounds_relation) -%}
    {{ return(adapter.dispatch('north_star_day_spine', 'north_star')(bounds_relation)) }}
{%- endmacro %}

{#- Portable: offsets 0..99999 from ten-row digit tables (about 270 years of days). -#}
{% macro default__north_star_day_spine(bounds_relation) -%}
    select {{ north_star_add_days('offsets.day_offset', 'bounds.first_date') }} as date_day
    from {{ bounds_relation }} as bounds
    cross join (
        select
            ones.digit
            + 10 * tens.digit
            + 100 * hundreds.digit
            + 1000 * thousands.digit
            + 10000 * ten_thousands.digit as day_offset
        {%- for place in ['ones', 'tens', 'hundreds', 'thousands', 'ten_thousands'] %}
        {{ 'from' if loop.first else 'cross join' }} (
            {%- for digit in range(10) %}
            select {{ digit }} as digit{{ ' union all' if not loop.last }}
            {%- endfor %}
        ) as {{ place }}
        {%- endfor %}
    ) as offsets
    where offsets.day_offset <= {{ dbt.datediff('bounds.first_date', 'bounds.last_date', 'day') }}
{%- endmacro %}

{% macro duckdb__north_star_day_spine(bounds_relation) -%}
    select cast(spine.date_day as date) as date_day
    from {{ bounds_relation }} as bounds,
        generate_series(
            cast(bounds.first_date as timestamp), cast(bounds.last_date as timestamp), interval 1 day
        ) as spine (date_day)
{%- endmacro %}

{% macro postgres__north_star_day_spine(bounds_relation) -%}
    select cast(spine.date_day as date) as date_day
    from {{ bounds_relation }} as bounds
    cross join lateral generate_series(
        cast(bounds.first_date as timestamp), cast(bounds.last_date as timestamp), interval '1 day'
    ) as spine (date_day)
{%- endmacro %}

{#- sequence() refuses a start after its end; an empty range is an empty spine (an
    incremental run with nothing new to recompute). -#}
{% macro spark__north_star_day_spine(bounds_relation) -%}
    select explode(sequence(bounds.first_date, bounds.last_date, interval 1 day)) as date_day
    from {{ bounds_relation }} as bounds
    where bounds.first_date <= bounds.last_date
{%- endmacro %}
