{#- Signed daily changes whose running sums (north_star_sweep_segments) are, per partition
    and day d, the growth accounting's counts of members: `current_count` |S(d)|,
    `retained_count` |S(d) ∩ S(d − N)| and `new_count` (members of S(d) whose first day
    ever is in (d − N, d]). The other classes follow from these three.

    `islands`: partition columns, member_id, span_start, span_end — each member's days in
    S as disjoint islands (north_star_merge_intervals). `first_days`: partition columns,
    member_id, first_date. A member is retained on the days of an island i that are also a
    window after a day of an island j of the same member (the days of i ∩ (j + N); those
    of different pairs are disjoint), and new on the days of its islands within
    [first day, first day + N − 1] — a member who lapses and returns inside its first
    window is still new. Intervals, not members × days: the
    cost follows the number of islands. -#}
{% macro north_star_growth_changes(islands, first_days, partition_by, window_days) -%}
    {%- set same_member -%}
        {% for column in partition_by %}current_island.{{ column }} = {{ '{other}' }}.{{ column }} and {% endfor %}current_island.member_id = {{ '{other}' }}.member_id
    {%- endset -%}
    {%- set partition_list = partition_by | join(', ') -%}
    {%- set island_partition = 'current_island.' ~ partition_by | join(', current_island.') -%}
    select
        {{ partition_list }},
        span_start as change_date,
        1 as current_count,
        0 as retained_count,
        0 as new_count
    from {{ islands }}

    union all

    select
        {{ partition_list }},
        {{ north_star_add_days(1, 'span_end') }} as change_date,
        -1 as current_count,
        0 as retained_count,
        0 as new_count
    from {{ islands }}

    {% for sign, day in [
        (1, 'greatest(current_island.span_start, ' ~ north_star_add_days(window_days, 'earlier_island.span_start') ~ ')'),
        (-1, north_star_add_days(1, 'least(current_island.span_end, ' ~ north_star_add_days(window_days, 'earlier_island.span_end') ~ ')')),
    ] %}
    union all

    select
        {{ island_partition }},
        {{ day }} as change_date,
        0 as current_count,
        {{ sign }} as retained_count,
        0 as new_count
    from {{ islands }} as current_island
    inner join {{ islands }} as earlier_island
        on
            {{ same_member | replace('{other}', 'earlier_island') }}
            and current_island.span_start <= {{ north_star_add_days(window_days, 'earlier_island.span_end') }}
            and current_island.span_end >= {{ north_star_add_days(window_days, 'earlier_island.span_start') }}
    {% endfor %}

    {% for sign, day in [
        (1, 'greatest(current_island.span_start, first_day.first_date)'),
        (-1, north_star_add_days(1, 'least(current_island.span_end, ' ~ north_star_add_days(window_days - 1, 'first_day.first_date') ~ ')')),
    ] %}
    union all

    select
        {{ island_partition }},
        {{ day }} as change_date,
        0 as current_count,
        0 as retained_count,
        {{ sign }} as new_count
    from {{ islands }} as current_island
    inner join {{ first_days }} as first_day
        on
            {{ same_member | replace('{other}', 'first_day') }}
            and current_island.span_start <= {{ north_star_add_days(window_days - 1, 'first_day.first_date') }}
            and current_island.span_end >= first_day.first_date
    {% endfor %}
{%- endmacro %}
