{#- The first day of each key in `spans` (a relation or CTE with the key columns,
    span_start and span_end), as `first_date_column`. A first day before the recompute
    zone never changes, so an incremental run only looks for first days inside the zone,
    for the keys that had none before it, and adds them to {{ this }}. -#}
{% macro north_star_first_days(spans, keys, first_date_column, recompute_from) -%}
    {%- set key_list = keys | join(', ') -%}
    select
        {%- for key in keys %}
        zone_first_days.{{ key }},
        {%- endfor %}
        zone_first_days.{{ first_date_column }}
    from (
        select
            {{ key_list }},
            min({{ north_star_clip_start('span_start', recompute_from) }}) as {{ first_date_column }}
        from {{ spans }}
        {%- if recompute_from is not none %}
        where span_end >= {{ north_star_date_literal(recompute_from) }}
        {%- endif %}
        group by {{ key_list }}
    ) as zone_first_days
    {%- if recompute_from is not none %}
    left join {{ this }} as earlier
        on
            {%- for key in keys %}
            zone_first_days.{{ key }} = earlier.{{ key }} and
            {%- endfor %}
            earlier.{{ first_date_column }} < {{ north_star_date_literal(recompute_from) }}
    where earlier.{{ keys[0] }} is null
    {%- endif %}
{%- endmacro %}
