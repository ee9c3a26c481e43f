{#- The reason a vendor staging model gives for a row it cannot use, in one order of
    precedence for every tool: unreadable JSON, then an unreadable time, then an anonymous
    user, then an organization that cannot be found. Rows missing an id, user or time get
    no reason here: int_events_classified names those. Arguments are SQL expressions. -#}
{% macro north_star_source_invalid_reason(
    event_id, user_id, event_at, organization_id, is_anonymous, has_unparseable_time,
    has_malformed_json='false'
) -%}
    cast(
        case
            when {{ has_malformed_json }} then 'malformed_json'
            when {{ has_unparseable_time }} then 'unparseable_event_time'
            when {{ is_anonymous }} then 'anonymous_user'
            when {{ event_id }} is null or {{ user_id }} is null or {{ event_at }} is null then null
            when {{ organization_id }} is null then 'missing_organization'
        end
        as {{ dbt.type_string() }}
    )
{%- endmacro %}
