{#- The signed changes of spans, for north_star_sweep_segments: each row of `relation`
    adds its `measures` from `start_column` on and takes them away the day after
    `end_column`. `measures` maps each output column to a column of the row or a
    number (0 for the columns this relation does not move); a leading minus negates it. -#}
{% macro north_star_span_changes(relation, start_column, end_column, measures, partition_by=[], where=none) -%}
    {%- for sign, day in [('', start_column), ('-', north_star_add_days(1, end_column))] %}
    select
        {%- for column in partition_by %}
        {{ column }},
        {%- endfor %}
        {{ day }} as change_date,
        {%- for column, expression in measures.items() %}
        {{ sign if expression != 0 }}{{ expression }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ relation }}
    {%- if where is not none %}
    where {{ where }}
    {%- endif %}
    {%- if loop.first %}

    union all
    {% endif %}
    {%- endfor %}
{%- endmacro %}
