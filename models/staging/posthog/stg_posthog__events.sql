{{ config(enabled=north_star_format_enabled('posthog')) }}

{%- set group_type = north_star_format_var('posthog', 'north_star_organization_group_type') -%}
{%- set organization_property = north_star_format_var('posthog', 'north_star_organization_property') -%}
{%- set learning_id_property = north_star_format_var('posthog', 'north_star_learning_id_property') -%}
{%- set learning_type_property = north_star_format_var('posthog', 'north_star_learning_type_property') -%}

with

source as (

    select * from {{ source('north_star_posthog', 'events') }}

),

renamed as (

    select
        {{ north_star_clean_text('uuid') }} as event_uuid,
        {{ north_star_clean_text('event') }} as event_name,
        {{ north_star_clean_text('distinct_id') }} as distinct_id,
        {{ north_star_clean_text('source.timestamp') }} as event_time_text,
        {{ north_star_clean_text('properties') }} as event_properties
    from source

),

extracted as (

    select
        event_uuid,
        event_name,
        distinct_id,
        event_time_text,
        {{ north_star_parse_timestamp('event_time_text') }} as parsed_event_at,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', ['$groups', group_type])) }}
            as group_key,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [organization_property])) }}
            as property_organization_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [learning_id_property])) }}
            as learning_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [learning_type_property])) }}
            as learning_type,
        lower({{ north_star_clean_text(north_star_json_extract_text('event_properties', ['$process_person_profile'])) }})
            as process_person_profile,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', ['$device_id'])) }} as device_id,
        coalesce(
            event_properties is not null and not {{ north_star_json_is_valid('event_properties') }},
            false
        ) as has_malformed_json
    from renamed

),

identified as (

    select
        *,
        -- Anonymous events carry no person profile, and before identify() the browser
        -- SDKs use the device id as the distinct_id.
        coalesce(process_person_profile = 'false' or distinct_id = device_id, false) as is_anonymous,
        coalesce(group_key, property_organization_id) as organization_id
    from extracted

),

final as (

    select
        {{ north_star_vendor_event_columns(
            event_id="event_uuid",
            event_at="parsed_event_at",
            user_id="case when not is_anonymous then distinct_id end",
            organization_id="organization_id",
            event_name="event_name",
            learning_id="learning_id",
            learning_type="learning_type",
            is_anonymous="is_anonymous and distinct_id is not null",
            has_unparseable_time="event_time_text is not null and parsed_event_at is null",
            has_malformed_json="has_malformed_json"
        ) }}
    from identified

)

select * from final
