{{ config(
    north_star_replace_from_batch=true,
    pre_hook="{{ north_star.north_star_start_run() }}",
    **north_star_incremental_config('partition_date')
) }}

{#- Incremental runs re-read the new days plus the lookback before them (late events).
    The pre-hook records in the run manifest which days this run recomputes downstream
    (north_star_start_run): it compares the batch with what this table holds before the
    run writes it. -#}
{%- set replay_window_days = north_star_var('north_star_replay_window_days') -%}
{%- set replay_cutoff = north_star_add_days(-replay_window_days, 'event_date') -%}
{%- set batch_start = north_star_batch_start_date(this) if is_incremental() else none -%}

with

validated as (

    {{ north_star_checked_events(batch_start) }}

),

{% if batch_start is not none %}
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
        coalesce(event_date, cast('9999-12-31' as date)) as partition_date
    from flagged

)

select * from final
{% if batch_start is none -%}
    -- Incremental runs read only recent days of this table: keep it in day order.
    {{ north_star_cluster_by('partition_date') }}
{%- endif %}
