{#- One row per call of a Segment call table (`tracks`, `pages`, `screens`), in the
    columns those tables share: message_id, segment_user_id, anonymous_id, event_name
    (the SQL expression `event_name`), has_event_time, parsed_event_at and
    context_organization_id. The last is the column `organization_column` names, or null
    in a table without it: Segment adds a column only once a value arrives
    (https://www.twilio.com/docs/segment/connections/storage/warehouses/schema). -#}
{% macro north_star_segment_calls(relation, event_name, organization_column) -%}
    {%- set column_types = north_star_column_types(relation) -%}
    select
        {{ north_star_clean_text('id') }} as message_id,
        {{ north_star_clean_text('user_id') }} as segment_user_id,
        {{ north_star_clean_text('anonymous_id') }} as anonymous_id,
        {{ event_name }} as event_name,
        coalesce(calls.timestamp, calls.received_at) is not null as has_event_time,
        {{ north_star_parse_timestamp('coalesce(calls.timestamp, calls.received_at)') }} as parsed_event_at,
        {% if organization_column and column_types and organization_column | lower in column_types -%}
            {{ north_star_clean_text(organization_column) }}
        {%- else -%}
            cast(null as {{ dbt.type_string() }})
        {%- endif %} as context_organization_id
    from {{ relation }} as calls
{%- endmacro %}
