{#- One measure of each unit of `units` over its horizon and its pre-period at once, from
    the day-level `facts` joined `on` the unit: `outcome` aggregates `value` over the facts
    dated on the assignment day to the horizon's end, `pre_period_outcome` over those dated
    in the pre-period (days before the assignment day, from pre_period_start_date). With
    `distinct`, the distinct non-null values are counted (days, learnings, consumers);
    otherwise `value` is summed. Units without any fact get no row (a zero). -#}
{% macro north_star_experiment_outcome(units, facts, on, day_column, value, distinct=true) -%}
    {%- set day = facts ~ '.' ~ day_column -%}
    {%- set aggregate = 'count(distinct ' if distinct else 'sum(' -%}
    select
        {{ units }}.experiment_id,
        {{ units }}.unit_id,
        {{ aggregate }}case when {{ day }} >= {{ units }}.assigned_date then {{ value }} end) as outcome,
        {{ aggregate }}case when {{ day }} < {{ units }}.assigned_date then {{ value }} end) as pre_period_outcome
    from {{ units }}
    inner join {{ facts }}
        on
            {{ on }}
            and {{ day }} >= {{ units }}.pre_period_start_date
            and {{ day }} <= {{ units }}.horizon_end_date
    group by {{ units }}.experiment_id, {{ units }}.unit_id
{%- endmacro %}
