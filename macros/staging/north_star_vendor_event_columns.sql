{#- The canonical staged columns of a vendor staging model, cast to their types, with the
    reason for a row that cannot be used — in one order of precedence for every tool:
    unreadable JSON, then an unreadable time, then an anonymous user, then an organization
    that cannot be found. Rows missing an id, user or time get no reason here:
    int_events_classified names those. Arguments are SQL expressions. -#}
{% macro north_star_vendor_event_columns(
    event_id, event_at, user_id, organization_id, event_name, learning_id, learning_type,
    is_anonymous, has_unparseable_time, has_malformed_json='false'
) -%}
    cast({{ event_id }} as {{ dbt.type_string() }}) as event_id,
    cast({{ event_at }} as {{ dbt.type_timestamp() }}) as event_at,
    cast({{ user_id }} as {{ dbt.type_string() }}) as user_id,
    cast({{ organization_id }} as {{ dbt.type_string() }}) as organization_id,
    cast({{ event_name }} as {{ dbt.type_string() }}) as event_name,
    cast({{ learning_id }} as {{ dbt.type_string() }}) as learning_id,
    cast({{ learning_type }} as {{ dbt.type_string() }}) as learning_type,
    cast(
        case
            when {{ has_malformed_json }} then 'malformed_json'
            when {{ has_unparseable_time }} then 'unparseable_event_time'
            when {{ is_anonymous }} then 'anonymous_user'
            when {{ event_id }} is null or {{ user_id }} is null or {{ event_at }} is null then null
            when {{ organization_id }} is null then 'missing_organization'
        end
        as {{ dbt.type_string() }}
    ) as source_invalid_reason
{%- endmacro %}
