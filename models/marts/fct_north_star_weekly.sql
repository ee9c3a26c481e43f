{{ config(contract={'enforced': true}) }}

{%- set weekdays = north_star_var_rules()['north_star_week_start']['choices'] -%}
{%- set week_start = north_star_var('north_star_week_start') -%}
{#- 1900-01-01 was a Monday: a fixed anchor makes week starts portable arithmetic. -#}
{%- set anchor = "cast('1900-01-0" ~ (weekdays.index(week_start) + 1) ~ "' as date)" -%}

with

daily as (

    select * from {{ ref('fct_north_star_daily') }}

),

weekly_days as (

    select
        *,
        {{ north_star_add_days(
            '-1 * mod(' ~ dbt.datediff(anchor, 'date_day', 'day') ~ ', 7)', 'date_day'
        ) }} as week_start_date
    from daily

),

-- The week's last day, or the last day with data when the week is still running.
week_as_of as (

    select
        week_start_date,
        max(date_day) as as_of_date
    from weekly_days
    group by week_start_date

),

-- The first week of the data can start before its first day: it is not complete either.
first_day as (

    select min(date_day) as first_date
    from daily

),

final as (

    select
        week_as_of.week_start_date,
        weekly_days.weekly_learning_users,
        weekly_days.weekly_active_users,
        weekly_days.broadcasted_learnings,
        weekly_days.consumption_of_learnings,
        weekly_days.activated_organizations,
        (
            week_as_of.week_start_date >= first_day.first_date
            and week_as_of.as_of_date = {{ north_star_add_days(6, 'week_as_of.week_start_date') }}
        ) as is_complete_week
    from week_as_of
    inner join weekly_days
        on week_as_of.as_of_date = weekly_days.date_day
    cross join first_day

)

select * from final
