{#- Whether north_star_experiment_assignments_table is at its default, the demo seed's name. -#}
{% macro north_star_default_assignments_table() -%}
    {{ return(north_star_var('north_star_experiment_assignments_table') == 'north_star_demo_experiment_assignments') }}
{%- endmacro %}
