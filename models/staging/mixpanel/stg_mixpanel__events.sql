{{ config(enabled=north_star_format_enabled('mixpanel')) }}

{%- set organization_property = north_star_format_var('mixpanel', 'north_star_organization_property') -%}
{%- set learning_id_property = north_star_format_var('mixpanel', 'north_star_learning_id_property') -%}
{%- set learning_type_property = north_star_format_var('mixpanel', 'north_star_learning_type_property') -%}
{%- set project_timezone = north_star_format_var('mixpanel', 'north_star_mixpanel_project_timezone') -%}

with

source as (

    select * from {{ source('north_star_mixpanel', 'events') }}

),

renamed as (

    select
        {{ north_star_clean_text('event') }} as event_name,
        {{ north_star_clean_text('properties') }} as event_properties
    from source

),

extracted as (

    select
        event_name,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', ['time'])) }} as event_time_text,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', ['distinct_id'])) }}
            as distinct_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', ['$user_id'])) }}
            as mixpanel_user_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', ['$device_id'])) }} as device_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', ['$insert_id'])) }} as mixpanel_insert_id,
        -- A group key holds one group id, or a list of them for users in several groups.
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [organization_property, 0])) }}
            as first_group_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [organization_property])) }}
            as group_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [learning_id_property])) }}
            as learning_id,
        {{ north_star_clean_text(north_star_json_extract_text('event_properties', [learning_type_property])) }}
            as learning_type,
        coalesce(
            event_properties is not null and not {{ north_star_json_is_valid('event_properties') }},
            false
        ) as has_malformed_json
    from renamed

),

timed as (

    select
        *,
        -- Exported `time` is epoch seconds of the project's wall clock (UTC for projects
        -- created from 2023); imports may hold milliseconds.
        {{ north_star_convert_timezone_to_utc(
            north_star_epoch_to_timestamp('event_time_text', 'auto'), project_timezone
        ) }} as parsed_event_at
    from extracted

),

identified as (

    select
        *,
        -- Mixpanel deduplicates on event name, distinct_id, time and $insert_id together.
        {{ dbt.hash(dbt.concat([
            "coalesce(event_name, '')", "'|'",
            "coalesce(distinct_id, '')", "'|'",
            "coalesce(event_time_text, '')", "'|'",
            "coalesce(mixpanel_insert_id, '')"
        ])) }} as event_id,
        -- $user_id is set by identify(); without it the distinct_id is anonymous when it is
        -- a device id ('$device:' prefix of Simplified ID Merge, or equal to $device_id).
        coalesce(
            mixpanel_user_id,
            case
                when distinct_id not like '$device:%' and distinct_id != coalesce(device_id, '')
                    then distinct_id
            end
        ) as user_id,
        coalesce(
            first_group_id,
            case when group_id not like '[%' then group_id end
        ) as organization_id
    from timed

),

final as (

    select
        {{ north_star_vendor_event_columns(
            event_id="event_id",
            event_at="parsed_event_at",
            user_id="user_id",
            organization_id="organization_id",
            event_name="event_name",
            learning_id="learning_id",
            learning_type="learning_type",
            is_anonymous="user_id is null and distinct_id is not null",
            has_unparseable_time="event_time_text is not null and parsed_event_at is null",
            has_malformed_json="has_malformed_json"
        ) }}
    from identified

)

select * from final
