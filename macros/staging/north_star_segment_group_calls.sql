{#- The Segment group calls (user_id, group_id, timestamp, received_at) from the table
    `north_star_segment_groups_table` names, or no rows when that var is empty (a source
    whose organization always comes from a tracks column). -#}
{% macro north_star_segment_group_calls(groups_table) -%}
    {%- if groups_table -%}
        select
            group_call_rows.user_id,
            group_call_rows.group_id,
            group_call_rows.timestamp,
            group_call_rows.received_at
        from {{ source('north_star_segment', 'groups') }} as group_call_rows
    {%- else -%}
        select
            cast(null as {{ dbt.type_string() }}) as user_id,
            cast(null as {{ dbt.type_string() }}) as group_id,
            cast(null as {{ dbt.type_timestamp() }}) as timestamp,
            cast(null as {{ dbt.type_timestamp() }}) as received_at
        where 1 = 0
    {%- endif -%}
{%- endmacro %}
