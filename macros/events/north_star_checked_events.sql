{#- The raw events of the selected source with their action (from the event mapping),
    local day and rejection reason (null: usable). `batch_start` (a date, or none for all
    days) limits them to the local days an incremental run re-reads, plus the rows
    without a time. The classification and the run's state (which days changed) both
    read the batch through this, so they count the same rows. -#}
{% macro north_star_checked_events(batch_start) -%}
    {%- set latest_plausible_time = north_star_latest_plausible_time() -%}
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
        -- A time in the future has no day yet: it must not extend the data's days, nor
        -- make an incremental run think the data already reaches that day.
        case
            when rejection_reason = 'event_time_in_future' then cast(null as date)
            else event_date
        end as event_date,
        rejection_reason
    from (
        select
            mapped.*,
            case
                when mapped.source_invalid_reason is not null then mapped.source_invalid_reason
                when mapped.event_id is null then 'missing_event_id'
                when mapped.user_id is null then 'missing_user_id'
                when mapped.event_at is null then 'missing_event_time'
                {% if latest_plausible_time is not none -%}
                    when mapped.event_at > {{ latest_plausible_time }} then 'event_time_in_future'
                {% endif -%}
                when mapped.event_at < {{ north_star_earliest_plausible_time() }} then 'event_time_before_min_date'
                when mapped.action != 'other' and mapped.learning_id is null then 'missing_learning_id'
            end as rejection_reason
        from (
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
            from {{ north_star_staged_events() }} as staged_events
            left join (
                select distinct
                    {{ north_star_event_name_key('raw_event_name') }} as event_name_key,
                    action
                from {{ ref(north_star_var('north_star_event_mapping')) }}
                where source_format = {{ north_star_string_literal(north_star_var('north_star_source_format')) }}
            ) as event_mapping
                on {{ north_star_event_name_key('staged_events.event_name') }} = event_mapping.event_name_key
            {% if batch_start is not none %}
            -- A day of margin on the UTC side: local days start up to 14 hours off UTC.
            where
                staged_events.event_at is null
                or staged_events.event_at
                >= {{ north_star_date_literal(batch_start - modules.datetime.timedelta(days=1)) }}
            {% endif %}
        ) as mapped
    ) as checked
    {% if batch_start is not none %}
    where
        event_date is null
        or event_date >= {{ north_star_date_literal(batch_start) }}
    {% endif %}
{%- endmacro %}
