{#- Merges day intervals [start_column, end_column] that overlap or touch into disjoint
    islands, per partition. Returns a select of the partition columns, span_start and
    span_end; `relation` is a CTE or relation name.

    Identical intervals are collapsed first, so (start, end) orders each partition
    totally: both window passes below then see the rows in the same order. With ties
    left in, a tied row could be flagged by one pass and numbered by the other into the
    previous island, filling the gap between two islands.

    Working with intervals instead of one row per day keeps the cost of a window
    independent of its length. -#}
{% macro north_star_merge_intervals(relation, partition_by, start_column='span_start', end_column='span_end') -%}
    {%- set partition_list = partition_by | join(', ') -%}
    select
        {{ partition_list }},
        min(interval_start) as span_start,
        max(interval_end) as span_end
    from (
        select
            *,
            sum(starts_island) over (
                partition by {{ partition_list }}
                order by interval_start, interval_end
                rows between unbounded preceding and current row
            ) as island_number
        from (
            select
                *,
                case
                    when max(interval_end) over (
                        partition by {{ partition_list }}
                        order by interval_start, interval_end
                        rows between unbounded preceding and 1 preceding
                    ) >= {{ north_star_add_days(-1, 'interval_start') }}
                        then 0
                    else 1
                end as starts_island
            from (
                select distinct
                    {{ partition_list }},
                    {{ start_column }} as interval_start,
                    {{ end_column }} as interval_end
                from {{ relation }}
            ) as distinct_intervals
        ) as flagged
    ) as numbered
    group by {{ partition_list }}, island_number
{%- endmacro %}
