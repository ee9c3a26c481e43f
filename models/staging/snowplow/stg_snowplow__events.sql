{{ config(enabled=north_star_format_enabled('snowplow')) }}

{%- set events_relation = source('north_star_snowplow', 'events') -%}
{%- set column_types = north_star_column_types(events_relation) -%}
{%- set unstruct_event_columns = north_star_format_var('snowplow', 'north_star_snowplow_unstruct_event_column') -%}
{%- set organization_property = north_star_format_var('snowplow', 'north_star_organization_property') -%}
{%- set learning_id_property = north_star_format_var('snowplow', 'north_star_learning_id_property') -%}
{%- set learning_type_property = north_star_format_var('snowplow', 'north_star_learning_type_property') -%}
{%- set context_entity = north_star_format_var('snowplow', 'north_star_snowplow_context_entity') -%}
{%- set context_organization_property = north_star_format_var('snowplow', 'north_star_snowplow_context_organization_property') -%}
{%- set context_columns = north_star_snowplow_context_entity_columns(context_entity, column_types) if context_entity else [] -%}
{%- set structured_organization_column = north_star_format_var('snowplow', 'north_star_snowplow_structured_organization_column') -%}
{%- set structured_learning_id_column = north_star_format_var('snowplow', 'north_star_snowplow_structured_learning_id_column') -%}
{%- set structured_learning_type_column = north_star_format_var('snowplow', 'north_star_snowplow_structured_learning_type_column') -%}
{%- set null_text = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}

with

source as (

    select * from {{ events_relation }}

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
        {{ north_star_clean_text('se_action') }} as se_action,
        {{ north_star_clean_text(structured_organization_column) if structured_organization_column else null_text }}
            as structured_organization_id,
        {{ north_star_clean_text(structured_learning_id_column) if structured_learning_id_column else null_text }}
            as structured_learning_id,
        {{ north_star_clean_text(structured_learning_type_column) if structured_learning_type_column else null_text }}
            as structured_learning_type,
        {{ north_star_snowplow_unstruct_event_json(unstruct_event_columns, column_types) }} as unstruct_event_json,
        {{ north_star_snowplow_context_entity_data(context_entity, context_columns) }} as context_entity_json,
        {{ north_star_snowplow_context_json_malformed(context_columns) }} as has_malformed_context_json
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
        -- The entity's keys are read as written: Snowflake keeps the schema's names, the
        -- BigQuery and Databricks loaders snake_case them.
        {{ north_star_clean_text(north_star_json_extract_text('context_entity_json', [context_organization_property])) }}
            as context_organization_id,
        {{ north_star_clean_text(north_star_json_extract_text('context_entity_json', [learning_id_property])) }}
            as context_learning_id,
        {{ north_star_clean_text(north_star_json_extract_text('context_entity_json', [learning_type_property])) }}
            as context_learning_type,
        coalesce(
            unstruct_event_json is not null and not {{ north_star_json_is_valid('unstruct_event_json') }},
            false
        )
        or has_malformed_context_json as has_malformed_json
    from renamed

),

-- Structured events are named by se_action and carry the learning and organization in
-- the columns the north_star_snowplow_structured_* vars name (se_label, se_category,
-- se_property by default). Any event may also carry them in the context entity; the
-- event's own values come first.
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
        coalesce(
            case when event_type = 'struct' then structured_learning_id else unstruct_learning_id end,
            context_learning_id
        ) as learning_id,
        coalesce(
            case when event_type = 'struct' then structured_learning_type else unstruct_learning_type end,
            context_learning_type
        ) as learning_type,
        coalesce(
            case when event_type = 'struct' then structured_organization_id else unstruct_organization_id end,
            context_organization_id
        ) as organization_id
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
