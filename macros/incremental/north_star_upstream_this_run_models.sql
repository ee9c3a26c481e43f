{#- The unique ids of the `_this_run` models upstream of the node `unique_id`, through
    any number of models. -#}
{% macro north_star_upstream_this_run_models(unique_id) -%}
    {%- set found = [] -%}
    {%- set frontier = [unique_id] -%}
    {%- for _ in range(graph.nodes | length) if frontier -%}
        {%- set parents = [] -%}
        {%- for child in frontier -%}
            {%- for parent in graph.nodes[child].depends_on.nodes
                if parent in graph.nodes and graph.nodes[parent].resource_type == 'model'
                and parent not in parents -%}
                {%- do parents.append(parent) -%}
                {%- if parent.endswith('_this_run') and parent not in found -%}
                    {%- do found.append(parent) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- do frontier.clear() -%}
        {%- do frontier.extend(parents) -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}
