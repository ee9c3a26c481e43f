{#- The stored relation of the model or seed called `name` (in whichever package defines
    it, under the schema and alias dbt gives it), found through the graph; none when no
    single node has that name or its table does not exist yet. For reading a table that
    is not upstream of the caller, where ref() would make a cycle. -#}
{% macro north_star_node_relation(name) -%}
    {%- set nodes = graph.nodes.values() | selectattr('name', 'equalto', name)
        | selectattr('resource_type', 'in', ['seed', 'model']) | list -%}
    {%- if nodes | length != 1 -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(load_relation(api.Relation.create(
        database=nodes[0].database, schema=nodes[0].schema, identifier=nodes[0].alias))) }}
{%- endmacro %}
