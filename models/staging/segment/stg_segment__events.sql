{{ config(enabled=north_star_format_enabled('segment')) }}

{%- set tracks_relation = source('north_star_segment', 'tracks') -%}
{%- set pages_relation = north_star_segment_optional_table('pages', 'north_star_segment_pages_table') -%}
{%- set screens_relation = north_star_segment_optional_table('screens', 'north_star_segment_screens_table') -%}
{%- set groups_table = north_star_format_var('segment', 'north_star_segment_groups_table') -%}
{%- set organization_column = north_star_format_var('segment', 'north_star_segment_organization_column') -%}
{%- set event_tables = north_star_segment_event_tables(tracks_relation) -%}
{%- set event_table_properties = {
    'learning_id': north_star_format_var('segment', 'north_star_learning_id_property'),
    'learning_type': north_star_format_var('segment', 'north_star_learning_type_property'),
} -%}
{#- Page and screen calls have no event name; one name each lets the mapping seed map them. -#}
{%- set call_event_names = {
    'tracks': 'coalesce(' ~ north_star_clean_text('event_text') ~ ', ' ~ north_star_clean_text('event') ~ ')',
    'pages': "'Page Viewed'",
    'screens': "'Screen Viewed'",
} -%}

with

-- Track calls, and page and screen calls (activity too: a user who only views pages is
-- active), each kind from its own table.
calls as (

    {{ north_star_segment_calls(tracks_relation, call_event_names['tracks'], organization_column) }}
    {%- if pages_relation is not none %}
        union all
        {{ north_star_segment_calls(pages_relation, call_event_names['pages'], organization_column) }}
    {%- endif %}
    {%- if screens_relation is not none %}
        union all
        {{ north_star_segment_calls(screens_relation, call_event_names['screens'], organization_column) }}
    {%- endif %}

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
            order by received_at nulls last, learning_id nulls last, learning_type nulls last
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

joined as (

    select
        calls.message_id,
        calls.segment_user_id,
        calls.anonymous_id,
        calls.event_name,
        calls.has_event_time,
        calls.parsed_event_at,
        event_properties.learning_id,
        event_properties.learning_type,
        coalesce(calls.context_organization_id, group_memberships.group_id) as organization_id
    from calls
    left join event_properties
        on calls.message_id = event_properties.message_id
    left join group_memberships
        on
            calls.segment_user_id = group_memberships.user_id
            and (group_memberships.call_number = 1 or calls.parsed_event_at >= group_memberships.grouped_at)
            and (
                group_memberships.next_grouped_at is null
                or calls.parsed_event_at < group_memberships.next_grouped_at
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
