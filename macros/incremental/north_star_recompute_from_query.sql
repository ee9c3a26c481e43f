{#- The query north_star_start_run asks for the first day an incremental run recomputes
    (one row, one date), given the batch's first day and the first day of an earlier run
    that did not complete (or none). Runs in int_events_classified's pre-hook, so `this`
    still holds the previous runs' rows. -#}
{% macro north_star_recompute_from_query(batch_start, interrupted_from) -%}
    {%- set learnings = north_star_node_relation('int_learnings') -%}
    {%- set day_after_latest = north_star_date_literal(
        batch_start + modules.datetime.timedelta(days=north_star_lookback_days())
    ) -%}
    with

    batch as (

        {{ north_star_checked_events(batch_start) }}

    ),

    -- Raw events are only ever added, so a day whose row count is unchanged is unchanged.
    batch_days as (

        select
            event_date,
            count(*) as row_count
        from batch
        where event_date is not null
        group by event_date

    ),

    stored_days as (

        select
            event_date,
            count(*) as row_count
        from {{ this }}
        where
            partition_date >= {{ north_star_date_literal(batch_start) }}
            and event_date is not null
        group by event_date

    ),

    changed_days as (

        select min(coalesce(batch_days.event_date, stored_days.event_date)) as first_changed_date
        from batch_days
        full outer join stored_days
            on batch_days.event_date = stored_days.event_date
        where coalesce(batch_days.row_count, 0) != coalesce(stored_days.row_count, 0)

    ),

    -- A creation of a learning owned through a share moves its owner and existence to the
    -- creation: every day since the share-made existence changes, also before this batch.
    -- int_learnings still holds the previous run's learnings here.
    ownership_moves as (

        {% if learnings is not none -%}
            select min(owned.exists_from_date) as moved_from_date
            from {{ learnings }} as owned
            inner join batch
                on owned.learning_id = batch.learning_id
            where
                owned.ownership_action = 'learning_shared'
                and batch.action = 'learning_created'
                and batch.rejection_reason is null
        {%- else -%}
            select cast(null as date) as moved_from_date
        {%- endif %}

    )

    select
        least(
            coalesce(changed_days.first_changed_date, {{ day_after_latest }}),
            coalesce(ownership_moves.moved_from_date, {{ day_after_latest }}),
            {{ north_star_date_literal(interrupted_from) if interrupted_from else day_after_latest }},
            {{ day_after_latest }}
        ) as recomputed_from_date
    from changed_days
    cross join ownership_moves
{%- endmacro %}
