{{ config(enabled=north_star_format_enabled('snowplow')) }}

{%- set unstruct_event_column = north_star_format_var('snowplow', 'north_star_snowplow_unstruct_event_column') -%}
{%- set organization_property = north_star_format_var('snowplow', 'north_star_organization_property') -%}
{%- set learning_id_property = north_star_format_var('snowplow', 'north_star_learning_id_property') -%}
{%- set learning_type_property = north_star_format_var('snowplow', 'north_star_learning_type_property') -%}

with

source as (

    select * from {{ source('north_star_snowplow', 'events') }}

),

renamed as (

    select
        {{ north_star_clean_text('event_id') }} as event_id,
        {{ north_star_clean_text('event') }} as event_type,
        {{ north_star_clean_text('event_name') }} as schema_event_name,
        {{ north_star_clean_text('user_id') }} as snowplow_user_id,
        coalesce(
            {{ north_star_clean_text('domain_userid') }}, {{ north_star_clean_text('network_userid') }}
        ) as cookie_user_id,
        coalesce(derived_tstamp, collector_tstamp) is not null as has_event_time,
        {{ north_star_parse_timestamp('coalesce(derived_tstamp, collector_tstamp)') }} as parsed_event_at,
        {{ north_star_clean_text('se_category') }} as se_category,
        {{ north_star_clean_text('se_action') }} as se_action,
        {{ north_star_clean_text('se_label') }} as se_label,
        {{ north_star_clean_text('se_property') }} as se_property,
        {{ north_star_clean_text(unstruct_event_column) }} as unstruct_event_json
    from source

),

-- A self-describing event's data sits under data.data in the enriched unstruct_event
-- envelope, or at the top level of a per-schema column (Snowflake, BigQuery).
extracted as (

    select
        *,
        coalesce(
            {{ north_star_clean_text(north_star_json_extract_text('unstruct_event_json', ['data', 'data', organization_property])) }},
            {{ north_star_clean_text(north_star_json_extract_text('unstruct_event_json', [organization_property])) }}
        ) as unstruct_organization_id,
        coalesce(
            {{ north_star_clean_text(north_star_json_extract_text('unstruct_event_json', ['data', 'data', learning_id_property])) }},
            {{ north_star_clean_text(north_star_json_extract_text('unstruct_event_json', [learning_id_property])) }}
        ) as unstruct_learning_id,
        coalesce(
            {{ north_star_clean_text(north_star_json_extract_text('unstruct_event_json', ['data', 'data', learning_type_property])) }},
            {{ north_star_clean_text(north_star_json_extract_text('unstruct_event_json', [learning_type_property])) }}
        ) as unstruct_learning_type,
        coalesce(
            unstruct_event_json is not null and not {{ north_star_json_is_valid('unstruct_event_json') }},
            false
        ) as has_malformed_json
    from renamed

),

-- Structured events: se_action names the event, se_label the learning acted on,
-- se_category its type and se_property the organization.
interpreted as (

    select
        event_id,
        snowplow_user_id,
        cookie_user_id,
        has_event_time,
        parsed_event_at,
        has_malformed_json,
        case when event_type = 'struct' then se_action else coalesce(schema_event_name, event_type) end
            as event_name,
        case when event_type = 'struct' then se_label else unstruct_learning_id end as learning_id,
        case when event_type = 'struct' then se_category else unstruct_learning_type end as learning_type,
        case when event_type = 'struct' then se_property else unstruct_organization_id end as organization_id
    from extracted

),

final as (

    select
        {{ north_star_vendor_event_columns(
            event_id="event_id",
            event_at="parsed_event_at",
            user_id="snowplow_user_id",
            organization_id="organization_id",
            event_name="event_name",
            learning_id="learning_id",
            learning_type="learning_type",
            is_anonymous="snowplow_user_id is null and cookie_user_id is not null",
            has_unparseable_time="has_event_time and parsed_event_at is null",
            has_malformed_json="has_malformed_json"
        ) }}
    from interpreted

)

select * from final
