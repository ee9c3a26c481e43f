{#- The first day of events a `_this_run` model reads: after an incremental run these
    tables hold only what the recomputed days depend on (north_star_events_from_date).
    All days instead when some incremental model of the package has no table yet (a
    dropped mart, a model new in this version): it is built from scratch in this run and
    needs the whole history. -#}
{% macro north_star_zone_events_from() -%}
    {%- set recompute_from = north_star_recompute_from_date() -%}
    {%- if recompute_from is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.package_name == model.package_name
        and node.config.materialized == 'incremental' and node.config.enabled -%}
        {%- if north_star_node_relation(node.name) is none -%}
            {{ return(none) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(north_star_events_from_date(recompute_from)) }}
{%- endmacro %}
