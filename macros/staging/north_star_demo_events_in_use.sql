{#- Whether the raw-event source is the demo seed: north_star is the root project and
    the location vars are at their defaults. Staging then depends on the seed as well,
    so `dbt build` loads the seed before reading it. -#}
{% macro north_star_demo_events_in_use() -%}
    {{ return(
        project_name == 'north_star'
        and north_star_var('north_star_source_format') == 'generic'
        and north_star_var('north_star_events_database') is none
        and north_star_var('north_star_events_schema') is none
        and north_star_var('north_star_events_table') == 'north_star_demo_events'
    ) }}
{%- endmacro %}
