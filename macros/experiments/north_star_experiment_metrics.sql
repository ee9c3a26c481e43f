{#- The per-unit outcomes of an experiment, each with the metric of the tree it measures:
    (outcome column of fct_north_star_experiment_units, tree metric, unit types it exists
    for). Activation is a property of an organization: it has no per-user outcome. -#}
{% macro north_star_experiment_metrics() -%}
    {{ return([
        ('weekly_learning_user_days', 'weekly_learning_users', ['user', 'organization']),
        ('broadcasted_learnings', 'broadcasted_learnings', ['user', 'organization']),
        ('learning_consumers', 'consumption_of_learnings', ['user', 'organization']),
        ('active_days', 'weekly_active_users', ['user', 'organization']),
        ('activated_days', 'activated_organizations', ['organization']),
    ]) }}
{%- endmacro %}
