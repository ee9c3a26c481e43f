{{ config(enabled=north_star_format_enabled('amplitude')) }}

{%- set group_type = north_star_format_var('amplitude', 'north_star_organization_group_type') -%}
{%- set organization_property = north_star_format_var('amplitude', 'north_star_organization_property') -%}
{%- set learning_id_property = north_star_format_var('amplitude', 'north_star_learning_id_property') -%}
{%- set learning_type_property = north_star_format_var('amplitude', 'north_star_learning_type_property') -%}

with

source as (

    select * from {{ source('north_star_amplitude', 'events') }}

),

renamed as (

    select
        {{ north_star_clean_text(adapter.quote('$insert_id')) }} as amplitude_insert_id,
        {{ north_star_clean_text('uuid') }} as event_uuid,
        {{ north_star_clean_text('event_type') }} as event_type,
        {{ north_star_clean_text('user_id') }} as amplitude_user_id,
        {{ north_star_clean_text('device_id') }} as device_id,
        {{ north_star_clean_text('event_time') }} as event_time_text,
        {{ north_star_clean_text('event_properties') }} as event_properties,
        {{ north_star_clean_text('groups') }} as event_groups
    from source

),

extracted as (

    select
        amplitude_insert_id,
        event_uuid,
        event_type,
        amplitude_user_id,
        device_id,
        event_time_text,
        {{ north_star_parse_timestamp('event_time_text') }} as parsed_event_at,
        -- A group value is a string or, for users in several groups, an array of strings.
        {{ north_star_clean_text(north_star_json_extract_text('event_groups', [group_type, 0])) }}
            as first_group_name,
        {{ north_star_clean_text(north_star_json_extract_text('event_groups', [group_type])) }} as group_name,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [organization_property])) }}
            as property_organization_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [learning_id_property])) }}
            as learning_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [learning_type_property])) }}
            as learning_type,
        coalesce(
            (event_properties is not null and not {{ north_star_json_is_valid('event_properties') }})
            or (event_groups is not null and not {{ north_star_json_is_valid('event_groups') }}),
            false
        ) as has_malformed_json
    from renamed

),

identified as (

    select
        *,
        -- Amplitude drops repeated events that share an insert_id; uuid identifies one
        -- stored event, so an export delivered twice repeats it.
        coalesce(amplitude_insert_id, event_uuid) as event_id,
        coalesce(
            first_group_name,
            case when group_name not like '[%' then group_name end,
            property_organization_id
        ) as organization_id
    from extracted

),

final as (

    select
        {{ north_star_vendor_event_columns(
            event_id="event_id",
            event_at="parsed_event_at",
            user_id="amplitude_user_id",
            organization_id="organization_id",
            event_name="event_type",
            learning_id="learning_id",
            learning_type="learning_type",
            is_anonymous="amplitude_user_id is null and device_id is not null",
            has_unparseable_time="event_time_text is not null and parsed_event_at is null",
            has_malformed_json="has_malformed_json"
        ) }}
    from identified

)

select * from final
