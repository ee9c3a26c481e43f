{#- The Segment per-event tables that hold the properties of learning events.

    Segment's warehouse `tracks` table has the standard columns of every track call but
    none of its properties; each event also gets a table named after the event's slug
    (the `event` column of `tracks`) with one column per property
    (https://www.twilio.com/docs/segment/connections/storage/warehouses/schema). The tables read
    are those of the events that the mapping seed maps to a learning action and that
    exist beside `tracks`. Found when the model runs, so a new event table is read from
    the next run on; returns [] while parsing or before `tracks` and the mapping exist. -#}
{% macro north_star_segment_event_tables(tracks_relation) -%}
    {%- set mapping_relation = ref(north_star_var('north_star_event_mapping')) -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if load_relation(tracks_relation) is none or load_relation(mapping_relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set event_slugs_query -%}
        select distinct tracks.event
        from {{ tracks_relation }} as tracks
        inner join {{ mapping_relation }} as mapping
            on coalesce(tracks.event_text, tracks.event) = mapping.raw_event_name
        where
            mapping.source_format = 'segment'
            and mapping.action in ('learning_created', 'learning_shared', 'learning_viewed')
            and tracks.event is not null
        order by tracks.event
    {%- endset -%}
    {%- set relations = [] -%}
    {%- for event_slug in run_query(event_slugs_query).columns[0].values() -%}
        {%- set relation = adapter.get_relation(
            database=tracks_relation.database,
            schema=tracks_relation.schema,
            identifier=event_slug
        ) -%}
        {%- if relation is not none -%}
            {%- do relations.append(relation) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(relations) }}
{%- endmacro %}
