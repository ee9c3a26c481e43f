{#- An MD5 of the event mapping rows of the configured source format, in a fixed order:
    a changed mapping reclassifies every stored event, as a changed var does. None when
    it cannot be read yet (a first build, before the seed loads) or outside execution. -#}
{% macro north_star_event_mapping_fingerprint() -%}
    {%- if not execute or (model is mapping and model.get('resource_type') == 'unit_test') -%}
        {{ return(none) }}
    {%- endif -%}
    {#- Found through the graph, not ref(): the callers (the hook, the run manifest) do
        not depend on the mapping, and the var may name a seed of the installing project. -#}
    {%- set mapping = north_star_node_relation(north_star_var('north_star_event_mapping')) -%}
    {%- if mapping is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query(
        'select raw_event_name, action from ' ~ mapping ~ ' where source_format = '
        ~ north_star_string_literal(north_star_var('north_star_source_format'))
    ) -%}
    {%- set rows = [] -%}
    {%- for row in result.rows -%}
        {%- do rows.append(row[0] ~ '\t' ~ row[1]) -%}
    {%- endfor -%}
    {{ return(local_md5(rows | sort | join('\n'))) }}
{%- endmacro %}
