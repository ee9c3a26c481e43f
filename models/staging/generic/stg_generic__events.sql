{{ config(enabled=north_star_format_enabled('generic')) }}
{% if north_star_demo_events_in_use() %}
-- depends_on: {{ ref('north_star_demo_events') }}
{% endif %}
{%- set source_relation = source('north_star', 'events') -%}
{%- set raw_columns = north_star_column_types(source_relation) -%}
{%- set required_columns = ['event_id', 'event_time', 'user_id', 'event_name', 'learning_id'] -%}
{%- for column in required_columns if raw_columns and column not in raw_columns -%}
    {{ exceptions.raise_compiler_error(
        "north_star: the raw events table " ~ source_relation ~ " has no column '" ~ column
        ~ "'. It needs " ~ required_columns | join(', ') ~ " (org_id and learning_type are optional)."
    ) }}
{%- endfor -%}
{%- set event_time_type = raw_columns.get('event_time') -%}
{%- set is_time_parsed = event_time_type not in ('timestamp', 'timestamp without time zone') -%}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        {{ north_star_clean_text('event_id') }} as event_id,
        {{ north_star_event_time_to_utc('event_time', event_time_type) }} as event_at,
        {% if is_time_parsed -%}
            {{ north_star_clean_text('event_time') }} is not null as has_event_time,
        {% endif -%}
        {{ north_star_clean_text('user_id') }} as user_id,
        {{ north_star_optional_text('org_id', raw_columns) }} as organization_id,
        {{ north_star_clean_text('event_name') }} as event_name,
        {{ north_star_clean_text('learning_id') }} as learning_id,
        {{ north_star_optional_text('learning_type', raw_columns) }} as learning_type
    from source

),

final as (

    select
        event_id,
        event_at,
        user_id,
        organization_id,
        event_name,
        learning_id,
        learning_type,
        cast(
            {% if is_time_parsed -%}
                case when has_event_time and event_at is null then 'unparseable_event_time' end
            {%- else -%}
                null
            {%- endif %}
            as {{ dbt.type_string() }}
        ) as source_invalid_reason
    from renamed

)

select * from final
