{#- The valid events: the classified rows whose status is `valid`, with the columns every
    metric reads. `int_events_valid` shows them; the models that aggregate them call this
    instead of reading that view, so the view is not one more step between the raw events
    and the North Star (each step is a model dbt schedules and a node of the lineage). -#}
{% macro north_star_valid_events() -%}
    select
        event_id,
        event_at,
        event_date,
        user_id,
        organization_id,
        event_name,
        action,
        learning_id,
        learning_type
    from {{ ref('int_events_classified') }}
    where event_status = 'valid'
{%- endmacro %}
