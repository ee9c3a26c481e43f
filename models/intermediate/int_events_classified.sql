{{ config(north_star_replace_from_batch=true, **north_star_incremental_config('partition_date')) }}

{#- Incremental runs re-read the new days plus the lookback before them (late events). -#}
{%- set replay_window_days = north_star_var('north_star_replay_window_days') -%}
{%- set replay_cutoff = north_star_add_days(-replay_window_days, 'event_date') -%}
{%- set latest_plausible_time = north_star_latest_plausible_time() -%}
{%- set batch_start = none -%}
{%- if is_incremental() and execute -%}
    {#- A `dbt build` has just loaded the mapping seed: a changed mapping shows only now. -#}
    {%- do north_star_check_definitions_unchanged() -%}
    {%- set latest = north_star_as_date(
        run_query('select max(event_date) from ' ~ this).columns[0].values()[0]
    ) -%}
    {%- if latest is not none -%}
        {%- set batch_start = latest - modules.datetime.timedelta(days=north_star_lookback_days() - 1) -%}
    {%- endif -%}
{%- endif -%}
{#- A run that wrote this table but did not finish (killed, failed, or only part of the
    models selected) left its recompute zone undone downstream: it is redone now, all days
    when that run was a full build. Without a manifest nothing says the last run finished. -#}
{%- set interrupted_from = none -%}
{%- set learnings_relation = none -%}
{%- if batch_start is not none -%}
    {#- Still the previous run's learnings: int_learnings is rebuilt after this model. -#}
    {%- set learnings_relation = adapter.get_relation(this.database, this.schema, 'int_learnings') -%}
    {%- set stored = north_star_classified_state(this) -%}
    {%- set completed = north_star_last_completed_run(this) -%}
    {%- if completed is none
        or completed.batch_start_date != stored.batch_start_date
        or completed.recomputed_from_date != stored.recomputed_from_date
        or completed.classified_rows != stored.classified_rows -%}
        {%- set interrupted_from = stored.recomputed_from_date or stored.first_event_date -%}
    {%- endif -%}
{%- endif -%}

with

staged_events as (

    select * from {{ north_star_staged_events() }}
    {% if batch_start is not none %}
    -- A day of margin on the UTC side: local days start up to 14 hours off UTC.
    where
        event_at is null
        or event_at >= {{ north_star_date_literal(batch_start - modules.datetime.timedelta(days=1)) }}
    {% endif %}

),

event_mapping as (

    select distinct
        {{ north_star_event_name_key('raw_event_name') }} as event_name_key,
        action
    from {{ ref(north_star_var('north_star_event_mapping')) }}
    where source_format = {{ north_star_string_literal(north_star_var('north_star_source_format')) }}

),

mapped as (

    select
        staged_events.event_id,
        staged_events.event_at,
        staged_events.user_id,
        staged_events.organization_id,
        staged_events.event_name,
        staged_events.learning_id,
        staged_events.learning_type,
        staged_events.source_invalid_reason,
        coalesce(event_mapping.action, 'other') as action,
        {{ north_star_local_date('staged_events.event_at') }} as event_date
    from staged_events
    left join event_mapping
        on {{ north_star_event_name_key('staged_events.event_name') }} = event_mapping.event_name_key

),

checked as (

    select
        *,
        case
            when source_invalid_reason is not null then source_invalid_reason
            when event_id is null then 'missing_event_id'
            when user_id is null then 'missing_user_id'
            when event_at is null then 'missing_event_time'
            {% if latest_plausible_time is not none -%}
                when event_at > {{ latest_plausible_time }} then 'event_time_in_future'
            {% endif -%}
            when event_at < {{ north_star_earliest_plausible_time() }} then 'event_time_before_min_date'
            when action != 'other' and learning_id is null then 'missing_learning_id'
        end as rejection_reason
    from mapped

),

-- A time in the future has no day yet: it must not extend the data's days, nor make an
-- incremental run think the data already reaches that day.
validated as (

    select
        event_id,
        event_at,
        user_id,
        organization_id,
        event_name,
        learning_id,
        learning_type,
        source_invalid_reason,
        action,
        case
            when rejection_reason = 'event_time_in_future' then cast(null as date)
            else event_date
        end as event_date,
        rejection_reason
    from checked
    {% if batch_start is not none %}
    where
        event_date is null
        or event_date >= {{ north_star_date_literal(batch_start) }}
    {% endif %}

),

{% if batch_start is not none %}
{%- set day_after_latest = north_star_date_literal(
    batch_start + modules.datetime.timedelta(days=north_star_lookback_days())
) %}
-- The latest earlier occurrence of each event id of this batch, from the stored days a
-- replay window before it: replays are only recognized within that window, so older
-- history is never read.
earlier_occurrences as (

    select
        earlier.event_id,
        max(earlier.event_date) as latest_earlier_date
    from {{ this }} as earlier
    inner join (select distinct validated.event_id from validated) as batch_event_ids
        on earlier.event_id = batch_event_ids.event_id
    where
        earlier.event_status != 'quarantined'
        and earlier.partition_date < {{ north_star_date_literal(batch_start) }}
        and earlier.partition_date
        >= {{ north_star_date_literal(batch_start - modules.datetime.timedelta(days=replay_window_days)) }}
    group by earlier.event_id

),

-- Raw events are only ever added, so a day whose row count is unchanged is unchanged: the
-- models downstream recompute from the first day that gained rows.
batch_days as (

    select
        event_date,
        count(*) as row_count
    from validated
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
ownership_moves as (

    {% if learnings_relation is not none -%}
        select min(owned.exists_from_date) as moved_from_date
        from {{ learnings_relation }} as owned
        inner join validated
            on owned.learning_id = validated.learning_id
        where
            owned.ownership_action = 'learning_shared'
            and validated.action = 'learning_created'
            and validated.rejection_reason is null
    {%- else -%}
        select cast(null as date) as moved_from_date
    {%- endif %}

),

-- The earliest of: the first day whose rows changed, an ownership move, an interrupted
-- run's zone — and no later than the day after the latest day already loaded, so days
-- without events before the first new day (a quiet weekend) get their daily rows.
first_changed_day as (

    select
        least(
            coalesce(changed_days.first_changed_date, {{ day_after_latest }}),
            coalesce(ownership_moves.moved_from_date, {{ day_after_latest }}),
            {{ north_star_date_literal(interrupted_from) if interrupted_from else day_after_latest }},
            {{ day_after_latest }}
        ) as recomputed_from_date
    from changed_days
    cross join ownership_moves

),
{% endif %}

-- Replays share an event_id: an occurrence within the replay window after the previous
-- occurrence of its id is a duplicate. Only the few repeated ids need ordering.
repeated_event_ids as (

    select event_id
    from validated
    where rejection_reason is null
    group by event_id
    having count(*) > 1

),

ordered as (

    select
        validated.*,
        cast(null as date) as previous_event_date
    from validated
    left join repeated_event_ids
        on validated.event_id = repeated_event_ids.event_id
    where
        repeated_event_ids.event_id is null
        or validated.rejection_reason is not null

    union all

    select
        validated.*,
        -- Ordered by every column a row carries, nulls placed explicitly (engines differ),
        -- so only rows identical in everything can tie, and their order changes nothing.
        lag(validated.event_date) over (
            partition by validated.event_id
            order by
                validated.event_at,
                validated.user_id,
                validated.event_name nulls last,
                validated.learning_id nulls last,
                validated.organization_id nulls last,
                validated.learning_type nulls last
        ) as previous_event_date
    from validated
    inner join repeated_event_ids
        on validated.event_id = repeated_event_ids.event_id
    where validated.rejection_reason is null

),

flagged as (

    select
        ordered.*,
        {% if batch_start is not none %}
        -- The first occurrence in this batch follows the latest stored one.
        coalesce(ordered.previous_event_date, earlier_occurrences.latest_earlier_date)
            as previous_occurrence_date
    from ordered
    left join earlier_occurrences
        on ordered.event_id = earlier_occurrences.event_id
        {% else %}
            ordered.previous_event_date as previous_occurrence_date
        from ordered
        {% endif %}

),

final as (

    select
        event_id,
        event_at,
        event_date,
        user_id,
        organization_id,
        event_name,
        action,
        learning_id,
        learning_type,
        case
            when rejection_reason is not null then 'quarantined'
            when previous_occurrence_date >= {{ replay_cutoff }} then 'duplicate'
            else 'valid'
        end as event_status,
        case
            when rejection_reason is null and previous_occurrence_date >= {{ replay_cutoff }}
                then 'duplicate_event_id'
            else rejection_reason
        end as rejection_reason,
        -- Rows without a time are re-read by every run, so they live in the last partition.
        coalesce(event_date, cast('9999-12-31' as date)) as partition_date,
        {% if batch_start is not none %}
        {{ north_star_date_literal(batch_start) }} as batch_start_date,
        first_changed_day.recomputed_from_date
    from flagged
    cross join first_changed_day
        {% else %}
            cast(null as date) as batch_start_date,
            cast(null as date) as recomputed_from_date
        from flagged
        {% endif %}

)

select * from final
{% if batch_start is none -%}
    -- Incremental runs read only recent days of this table: keep it in day order.
    {{ north_star_cluster_by('partition_date') }}
{%- endif %}
