{#- The metrics a tree may name: the columns of fct_north_star_daily. -#}
{% macro north_star_tree_metrics() -%}
    {{ return([
        'weekly_learning_users',
        'weekly_active_users',
        'broadcasted_learnings',
        'consumption_of_learnings',
        'activated_organizations',
    ]) }}
{%- endmacro %}
