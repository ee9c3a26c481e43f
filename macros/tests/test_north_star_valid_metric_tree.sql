{#- Rejects a bad metric tree (north_star_metric_tree_problems) with one error naming
    each bad row; dbt's own failure message would only count the rows. `metric_tree`
    defaults to the relation the var `north_star_metric_tree` names, so a replaced tree
    is checked too. Passing trees return no rows. -#}
{% test north_star_valid_metric_tree(model, metric_tree=none) %}
{%- set tree = ref(north_star.north_star_var('north_star_metric_tree')) if metric_tree is none else metric_tree -%}
{%- if execute and load_relation(tree) is not none -%}
    {%- set rows = run_query(
        'select metric_name, parent_metric_name, relationship, target_direction from ' ~ tree
    ).rows -%}
    {%- set problems = north_star.north_star_metric_tree_problems(
        rows | map('list') | list, north_star.north_star_tree_metrics()
    ) -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error(
            'The metric tree ' ~ tree ~ ' is invalid:\n  ' ~ problems | join('\n  ')
        ) }}
    {%- endif -%}
{%- endif %}

select metric_name
from {{ tree }}
where 1 = 0

{% endtest %}
