-- Week-over-week change of the North Star Metric and its inputs, with the alert a
-- dashboard raises when WLU falls by more than 10% on a complete week.
with

weekly as (

    select * from {{ ref('fct_north_star_weekly') }}

),

compared as (

    select
        week_start_date,
        is_complete_week,
        weekly_learning_users,
        broadcasted_learnings,
        consumption_of_learnings,
        activated_organizations,
        lag(weekly_learning_users) over (order by week_start_date) as previous_weekly_learning_users,
        lag(broadcasted_learnings) over (order by week_start_date) as previous_broadcasted_learnings,
        lag(consumption_of_learnings) over (order by week_start_date) as previous_consumption_of_learnings,
        lag(activated_organizations) over (order by week_start_date) as previous_activated_organizations
    from weekly

),

final as (

    select
        week_start_date,
        is_complete_week,
        weekly_learning_users,
        weekly_learning_users - previous_weekly_learning_users as weekly_learning_users_change,
        broadcasted_learnings - previous_broadcasted_learnings as broadcasted_learnings_change,
        consumption_of_learnings - previous_consumption_of_learnings as consumption_of_learnings_change,
        activated_organizations - previous_activated_organizations as activated_organizations_change,
        coalesce(
            is_complete_week and weekly_learning_users < 0.9 * previous_weekly_learning_users,
            false
        ) as is_weekly_learning_users_alert
    from compared

)

select * from final
