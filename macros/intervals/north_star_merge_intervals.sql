{#- Merges day intervals [start_column, end_column] that overlap or touch into disjoint
    islands, per partition. Returns a select of the partition columns, span_start and
    span_end; `relation` is a CTE or relation name.

    Working with intervals instead of one row per day keeps the cost of a window
    independent of its length. -#}
{% macro north_star_merge_intervals(relation, partition_by, start_column='span_start', end_column='span_end') -%}
    {%- set partition_list = partition_by | join(', ') -%}
    select
        {{ partition_list }},
        min({{ start_column }}) as span_start,
        max({{ end_column }}) as span_end
    from (
        select
            *,
            sum(starts_island) over (
                partition by {{ partition_list }}
                order by {{ start_column }}, {{ end_column }}
                rows between unbounded preceding and current row
            ) as island_number
        from (
            select
                *,
                case
                    when max({{ end_column }}) over (
                        partition by {{ partition_list }}
                        order by {{ start_column }}, {{ end_column }}
                        rows between unbounded preceding and 1 preceding
                    ) >= {{ north_star_add_days(-1, start_column) }}
                        then 0
                    else 1
                end as starts_island
            from {{ relation }}
        ) as flagged
    ) as numbered
    group by {{ partition_list }}, island_number
{%- endmacro %}
