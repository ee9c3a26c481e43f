{{ config(enabled=north_star_format_enabled('segment')) }}

{%- set tracks_relation = source('north_star_segment', 'tracks') -%}
{%- set groups_table = north_star_format_var('segment', 'north_star_segment_groups_table') -%}
{%- set organization_column = north_star_format_var('segment', 'north_star_segment_organization_column') -%}
{%- set event_tables = north_star_segment_event_tables(tracks_relation) -%}
{%- set event_table_properties = {
    'learning_id': north_star_format_var('segment', 'north_star_learning_id_property'),
    'learning_type': north_star_format_var('segment', 'north_star_learning_type_property'),
} -%}
{%- set tracks_columns = [] -%}
{%- if execute and load_relation(tracks_relation) is not none -%}
    {%- for column in adapter.get_columns_in_relation(tracks_relation) -%}
        {%- do tracks_columns.append(column.name | lower) -%}
    {%- endfor -%}
{%- endif -%}
{%- if organization_column and organization_column | lower in tracks_columns -%}
    {%- set context_organization_id = north_star_clean_text(organization_column) -%}
{%- else -%}
    {%- set context_organization_id = 'cast(null as ' ~ dbt.type_string() ~ ')' -%}
{%- endif -%}

with

tracks as (

    select * from {{ tracks_relation }}

),

group_calls as (

    {{ north_star_segment_group_calls(groups_table) }}

),

-- The learning properties, from the per-event tables (tracks has no properties).
event_table_rows as (

    {{ north_star_segment_event_table_rows(event_tables, event_table_properties) }}

),

-- A replayed message appears in its event table again; keep one row per message id.
numbered_event_properties as (

    select
        message_id,
        learning_id,
        learning_type,
        -- The properties break ties, so which copy is kept never depends on row order.
        row_number() over (
            partition by message_id
            order by received_at, learning_id nulls last, learning_type nulls last
        ) as row_number_in_message
    from event_table_rows
    where message_id is not null

),

event_properties as (

    select
        message_id,
        learning_id,
        learning_type
    from numbered_event_properties
    where row_number_in_message = 1

),

-- Distinct, so (grouped_at, group_id) orders each user's calls totally below.
group_calls_cleaned as (

    select distinct
        {{ north_star_clean_text('user_id') }} as user_id,
        {{ north_star_clean_text('group_id') }} as group_id,
        {{ north_star_parse_timestamp('coalesce(group_calls.timestamp, group_calls.received_at)') }} as grouped_at
    from group_calls

),

-- Each group call makes its group the user's organization until the user's next group
-- call; the first call also covers the user's earlier events.
group_memberships as (

    select
        user_id,
        group_id,
        grouped_at,
        lead(grouped_at) over (partition by user_id order by grouped_at, group_id) as next_grouped_at,
        row_number() over (partition by user_id order by grouped_at, group_id) as call_number
    from group_calls_cleaned
    where
        user_id is not null
        and group_id is not null
        and grouped_at is not null

),

renamed as (

    select
        {{ north_star_clean_text('id') }} as message_id,
        {{ north_star_clean_text('user_id') }} as segment_user_id,
        {{ north_star_clean_text('anonymous_id') }} as anonymous_id,
        coalesce(
            {{ north_star_clean_text('event_text') }}, {{ north_star_clean_text('event') }}
        ) as event_name,
        coalesce(tracks.timestamp, tracks.received_at) is not null as has_event_time,
        {{ north_star_parse_timestamp('coalesce(tracks.timestamp, tracks.received_at)') }} as parsed_event_at,
        {{ context_organization_id }} as context_organization_id
    from tracks

),

joined as (

    select
        renamed.message_id,
        renamed.segment_user_id,
        renamed.anonymous_id,
        renamed.event_name,
        renamed.has_event_time,
        renamed.parsed_event_at,
        event_properties.learning_id,
        event_properties.learning_type,
        coalesce(renamed.context_organization_id, group_memberships.group_id) as organization_id
    from renamed
    left join event_properties
        on renamed.message_id = event_properties.message_id
    left join group_memberships
        on
            renamed.segment_user_id = group_memberships.user_id
            and (group_memberships.call_number = 1 or renamed.parsed_event_at >= group_memberships.grouped_at)
            and (
                group_memberships.next_grouped_at is null
                or renamed.parsed_event_at < group_memberships.next_grouped_at
            )

),

final as (

    select
        {{ north_star_vendor_event_columns(
            event_id="message_id",
            event_at="parsed_event_at",
            user_id="segment_user_id",
            organization_id="organization_id",
            event_name="event_name",
            learning_id="learning_id",
            learning_type="learning_type",
            is_anonymous="segment_user_id is null and anonymous_id is not null",
            has_unparseable_time="has_event_time and parsed_event_at is null"
        ) }}
    from joined

)

select * from final
