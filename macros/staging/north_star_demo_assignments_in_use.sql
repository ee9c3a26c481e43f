{#- Whether the experiment assignments are the demo seed: north_star is the root project
    and the assignment location vars are at their defaults. Staging then depends on the
    seed, so `dbt build` loads it first. -#}
{% macro north_star_demo_assignments_in_use() -%}
    {{ return(
        project_name == 'north_star'
        and north_star_var('north_star_experiment_assignments_database') is none
        and north_star_var('north_star_experiment_assignments_schema') is none
        and north_star_default_assignments_table()
    ) }}
{%- endmacro %}
