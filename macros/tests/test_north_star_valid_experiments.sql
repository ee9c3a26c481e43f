{#- Rejects experiments the readout cannot compute (north_star_experiment_problems) with
    one error naming each bad row; dbt's own failure message would only count the rows.
    `experiments` and `metric_tree` default to the relations the vars
    `north_star_experiments` and `north_star_metric_tree` name, so replaced ones are
    checked too. The raw relation is read, not the view the test is attached to: a value
    that view cannot cast is named here rather than failing a query. -#}
{% test north_star_valid_experiments(model, experiments=none, metric_tree=none) %}
{%- set experiments = ref(north_star.north_star_var('north_star_experiments')) if experiments is none else experiments -%}
{%- set tree = ref(north_star.north_star_var('north_star_metric_tree')) if metric_tree is none else metric_tree -%}
{%- set columns = ['experiment_id', 'unit_type', 'control_variant', 'horizon_days', 'target_metric_name',
                   'owner_team', 'hypothesis'] -%}
{%- if execute and load_relation(experiments) is not none and load_relation(tree) is not none -%}
    {%- set present = adapter.get_columns_in_relation(experiments) | map(attribute='name') | map('lower') | list -%}
    {%- set missing = columns | reject('in', present) | list -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error(
            'The experiments ' ~ experiments ~ ' have no column ' ~ missing | join(', ')
            ~ ' (expected: ' ~ columns | join(', ') ~ ').'
        ) }}
    {%- endif -%}
    {%- set rows = run_query('select ' ~ columns[:5] | join(', ') ~ ' from ' ~ experiments).rows -%}
    {%- set tree_metrics = run_query('select metric_name from ' ~ tree).columns[0].values() | list -%}
    {%- set problems = north_star.north_star_experiment_problems(rows | map('list') | list, tree_metrics) -%}
    {%- if problems -%}
        {{ exceptions.raise_compiler_error(
            'The experiments ' ~ experiments ~ ' are invalid:\n  ' ~ problems | join('\n  ')
        ) }}
    {%- endif -%}
{%- endif %}

select experiment_id
from {{ experiments }}
where 1 = 0

{% endtest %}
