{#- Turns signed changes into piecewise-constant segments (a sweep line).

    `relation` has the partition columns, a `change_date` and the `value_columns`,
    each holding a signed change that applies from change_date on. The result has one
    row per partition and distinct change date: segment_start, segment_end (the day
    before the next change; null on the last segment) and each value column as the
    running total in force over the segment. -#}
{% macro north_star_sweep_segments(relation, partition_by, value_columns) -%}
    {%- set partition_clause = ('partition by ' ~ (partition_by | join(', '))) if partition_by else '' -%}
    select
        {% for column in partition_by -%}
        {{ column }},
        {% endfor -%}
        change_date as segment_start,
        {{ north_star_add_days(-1, 'lead(change_date) over (' ~ partition_clause ~ ' order by change_date)') }}
            as segment_end,
        {% for column in value_columns -%}
        sum({{ column }}) over (
            {{ partition_clause }}
            order by change_date
            rows between unbounded preceding and current row
        ) as {{ column }}{{ ',' if not loop.last }}
        {% endfor %}
    from (
        select
            {% for column in partition_by -%}
            {{ column }},
            {% endfor -%}
            change_date,
            {% for column in value_columns -%}
            sum({{ column }}) as {{ column }}{{ ',' if not loop.last }}
            {% endfor %}
        from {{ relation }}
        group by {% for column in partition_by %}{{ column }}, {% endfor %}change_date
    ) as changes_per_day
{%- endmacro %}
