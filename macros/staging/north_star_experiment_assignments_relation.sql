{#- The experiment assignments table, or none when there is none to read: a project that
    installs north_star and leaves north_star_experiment_assignments_table at its default
    (the demo seed, which only the root project loads) runs no experiments, so an absent
    table then means "no assignments". A table the vars name must exist: its absence
    stops the build with a message naming the vars, rather than an empty readout. The
    source is referenced in every case, so it shows in the lineage. -#}
{% macro north_star_experiment_assignments_relation() -%}
    {%- set relation = source('experiments', 'assignments') -%}
    {%- if not execute or north_star_demo_assignments_in_use() or load_relation(relation) is not none -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- if north_star_default_assignments_table() and project_name != 'north_star' -%}
        {{ return(none) }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error(
        "north_star: the experiment assignments table " ~ relation ~ " does not exist. Point the vars "
        ~ "north_star_experiment_assignments_database / _schema / _table at your assignment export."
    ) }}
{%- endmacro %}
