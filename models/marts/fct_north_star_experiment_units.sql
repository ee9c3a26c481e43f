{{ config(contract={'enforced': true}) }}

{#- A table rebuilt every run from the day-level history (the assignments and the
    experiments seed change independently of the events, and a unit's outcome reads up to
    two horizons of days): one row per experiment and unit, each measure over the horizon
    [assigned_date, assigned_date + H − 1] and over the pre-period
    [assigned_date − H, assigned_date − 1], H = horizon_days. -#}
with

classified_assignments as (

    select * from {{ ref('int_experiment_assignments_classified') }}

),

experiments as (

    select * from {{ ref('int_experiments') }}

),

active_days as (

    select * from {{ ref('int_active_days') }}

),

learning_user_days as (

    select * from {{ ref('int_weekly_learning_user_days') }}

),

broadcast_days as (

    select * from {{ ref('int_learning_broadcast_days') }}

),

learnings as (

    select * from {{ ref('int_learnings') }}

),

view_days as (

    select * from {{ ref('int_learning_view_days') }}

),

organization_daily as (

    select * from {{ ref('fct_organization_north_star_daily') }}

),

data_bounds as (

    select max(event_date) as last_date
    from active_days

),

-- Later rows of a used unit are in the same variant (a unit seen in two is excluded).
first_assignments as (

    select
        experiment_id,
        unit_id,
        min(variant) as variant,
        min(assigned_at) as assigned_at
    from classified_assignments
    where assignment_status = 'used'
    group by experiment_id, unit_id

),

assigned_units as (

    select
        first_assignments.experiment_id,
        experiments.unit_type,
        first_assignments.variant,
        experiments.control_variant,
        first_assignments.unit_id,
        first_assignments.assigned_at,
        experiments.horizon_days,
        {{ north_star_local_date('first_assignments.assigned_at') }} as assigned_date
    from first_assignments
    inner join experiments
        on first_assignments.experiment_id = experiments.experiment_id

),

windows as (

    select
        assigned_units.*,
        {{ north_star_add_days('assigned_units.horizon_days - 1', 'assigned_units.assigned_date') }}
            as horizon_end_date,
        {{ north_star_add_days('-assigned_units.horizon_days', 'assigned_units.assigned_date') }}
            as pre_period_start_date
    from assigned_units

),

user_units as (

    select * from windows
    where unit_type = 'user'

),

organization_units as (

    select * from windows
    where unit_type = 'organization'

),

-- A learning's broadcast days and consumers belong to its owner and its organization.
owned_broadcast_days as (

    select
        broadcast_days.learning_id,
        broadcast_days.date_day,
        learnings.owner_user_id,
        learnings.organization_id
    from broadcast_days
    inner join learnings
        on broadcast_days.learning_id = learnings.learning_id

),

consumer_view_days as (

    select
        view_days.learning_id,
        view_days.viewer_user_id,
        view_days.view_date,
        learnings.owner_user_id,
        learnings.organization_id
    from view_days
    inner join learnings
        on view_days.learning_id = learnings.learning_id
    where view_days.viewer_user_id != learnings.owner_user_id

),

user_weekly_learning_user_days as (

    {{ north_star_experiment_outcome(
        'user_units', 'learning_user_days', 'learning_user_days.user_id = user_units.unit_id',
        'date_day', 'learning_user_days.date_day'
    ) }}

),

user_broadcasted_learnings as (

    {{ north_star_experiment_outcome(
        'user_units', 'owned_broadcast_days', 'owned_broadcast_days.owner_user_id = user_units.unit_id',
        'date_day', 'owned_broadcast_days.learning_id'
    ) }}

),

user_learning_consumers as (

    {{ north_star_experiment_outcome(
        'user_units', 'consumer_view_days', 'consumer_view_days.owner_user_id = user_units.unit_id',
        'view_date', 'consumer_view_days.viewer_user_id'
    ) }}

),

user_active_days as (

    {{ north_star_experiment_outcome(
        'user_units', 'active_days', 'active_days.user_id = user_units.unit_id',
        'event_date', 'active_days.event_date'
    ) }}

),

-- An organization's WLU-days: its daily Weekly Learning Users summed over the days.
organization_weekly_learning_user_days as (

    {{ north_star_experiment_outcome(
        'organization_units', 'organization_daily',
        'organization_daily.organization_id = organization_units.unit_id',
        'date_day', 'organization_daily.weekly_learning_users', distinct=false
    ) }}

),

organization_broadcasted_learnings as (

    {{ north_star_experiment_outcome(
        'organization_units', 'owned_broadcast_days',
        'owned_broadcast_days.organization_id = organization_units.unit_id',
        'date_day', 'owned_broadcast_days.learning_id'
    ) }}

),

organization_learning_consumers as (

    {{ north_star_experiment_outcome(
        'organization_units', 'consumer_view_days',
        'consumer_view_days.organization_id = organization_units.unit_id',
        'view_date', 'consumer_view_days.viewer_user_id'
    ) }}

),

organization_active_days as (

    {{ north_star_experiment_outcome(
        'organization_units', 'active_days', 'active_days.organization_id = organization_units.unit_id',
        'event_date', 'active_days.event_date'
    ) }}

),

organization_activated_days as (

    {{ north_star_experiment_outcome(
        'organization_units', 'organization_daily',
        'organization_daily.organization_id = organization_units.unit_id',
        'date_day', 'case when organization_daily.is_activated then organization_daily.date_day end'
    ) }}

),

final as (

    select
        cast(windows.experiment_id as {{ north_star_type_text() }}) as experiment_id,
        cast(windows.unit_type as {{ north_star_type_text() }}) as unit_type,
        cast(windows.variant as {{ north_star_type_text() }}) as variant,
        windows.variant = windows.control_variant as is_control,
        cast(windows.unit_id as {{ north_star_type_text() }}) as unit_id,
        cast(windows.assigned_at as {{ dbt.type_timestamp() }}) as assigned_at,
        windows.assigned_date,
        windows.horizon_end_date,
        windows.pre_period_start_date,
        coalesce(windows.horizon_end_date <= data_bounds.last_date, false) as is_horizon_complete,
        cast(
            coalesce(user_weekly_learning_user_days.outcome, organization_weekly_learning_user_days.outcome, 0) as {{ dbt.type_bigint() }}
        ) as weekly_learning_user_days,
        cast(
            coalesce(user_broadcasted_learnings.outcome, organization_broadcasted_learnings.outcome, 0) as {{ dbt.type_bigint() }}
        ) as broadcasted_learnings,
        cast(
            coalesce(user_learning_consumers.outcome, organization_learning_consumers.outcome, 0) as {{ dbt.type_bigint() }}
        ) as learning_consumers,
        cast(
            coalesce(user_active_days.outcome, organization_active_days.outcome, 0) as {{ dbt.type_bigint() }}
        ) as active_days,
        cast(
            case when windows.unit_type = 'organization' then coalesce(organization_activated_days.outcome, 0) end
            as {{ dbt.type_bigint() }}
        ) as activated_days,
        cast(
            coalesce(user_weekly_learning_user_days.pre_period_outcome, organization_weekly_learning_user_days.pre_period_outcome, 0) as {{ dbt.type_bigint() }}
        ) as weekly_learning_user_days_pre_period,
        cast(
            coalesce(user_broadcasted_learnings.pre_period_outcome, organization_broadcasted_learnings.pre_period_outcome, 0) as {{ dbt.type_bigint() }}
        ) as broadcasted_learnings_pre_period,
        cast(
            coalesce(user_learning_consumers.pre_period_outcome, organization_learning_consumers.pre_period_outcome, 0) as {{ dbt.type_bigint() }}
        ) as learning_consumers_pre_period,
        cast(
            coalesce(user_active_days.pre_period_outcome, organization_active_days.pre_period_outcome, 0) as {{ dbt.type_bigint() }}
        ) as active_days_pre_period,
        cast(
            case when windows.unit_type = 'organization' then coalesce(organization_activated_days.pre_period_outcome, 0) end
            as {{ dbt.type_bigint() }}
        ) as activated_days_pre_period
    from windows
    cross join data_bounds
    left join user_weekly_learning_user_days
        on
            windows.experiment_id = user_weekly_learning_user_days.experiment_id
            and windows.unit_id = user_weekly_learning_user_days.unit_id
    left join organization_weekly_learning_user_days
        on
            windows.experiment_id = organization_weekly_learning_user_days.experiment_id
            and windows.unit_id = organization_weekly_learning_user_days.unit_id
    left join user_broadcasted_learnings
        on
            windows.experiment_id = user_broadcasted_learnings.experiment_id
            and windows.unit_id = user_broadcasted_learnings.unit_id
    left join organization_broadcasted_learnings
        on
            windows.experiment_id = organization_broadcasted_learnings.experiment_id
            and windows.unit_id = organization_broadcasted_learnings.unit_id
    left join user_learning_consumers
        on
            windows.experiment_id = user_learning_consumers.experiment_id
            and windows.unit_id = user_learning_consumers.unit_id
    left join organization_learning_consumers
        on
            windows.experiment_id = organization_learning_consumers.experiment_id
            and windows.unit_id = organization_learning_consumers.unit_id
    left join user_active_days
        on
            windows.experiment_id = user_active_days.experiment_id
            and windows.unit_id = user_active_days.unit_id
    left join organization_active_days
        on
            windows.experiment_id = organization_active_days.experiment_id
            and windows.unit_id = organization_active_days.unit_id
    left join organization_activated_days
        on
            windows.experiment_id = organization_activated_days.experiment_id
            and windows.unit_id = organization_activated_days.unit_id

)

select * from final
