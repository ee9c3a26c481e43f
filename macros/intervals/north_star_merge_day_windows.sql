{#- Merges windows of `window_days` days that start on the days of `day_column` into
    disjoint islands per partition: a day e covers [e, e + window_days − 1]. With
    windows of one length the running end is the previous day's, so a lag replaces the
    running maximum of north_star_merge_intervals. Returns the partition columns,
    span_start and span_end.

    The days are made distinct here rather than trusted to be: the lag and the running
    sum must see one total order, which a repeated day would break. -#}
{% macro north_star_merge_day_windows(relation, partition_by, day_column, window_days) -%}
    {%- set partition_list = partition_by | join(', ') -%}
    select
        {{ partition_list }},
        min(window_start) as span_start,
        {{ north_star_add_days(window_days - 1, 'max(window_start)') }} as span_end
    from (
        select
            *,
            sum(starts_island) over (
                partition by {{ partition_list }}
                order by window_start
                rows between unbounded preceding and current row
            ) as island_number
        from (
            select
                *,
                case
                    when lag(window_start) over (
                        partition by {{ partition_list }} order by window_start
                    ) >= {{ north_star_add_days(-window_days, 'window_start') }}
                        then 0
                    else 1
                end as starts_island
            from (
                select distinct
                    {{ partition_list }},
                    {{ day_column }} as window_start
                from {{ relation }}
            ) as distinct_days
        ) as flagged
    ) as numbered
    group by {{ partition_list }}, island_number
{%- endmacro %}
