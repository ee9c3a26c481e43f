{#- The run manifest's relation beside `relation` (same database and schema as the other
    intermediate models), none when it does not exist yet. Read without ref: the models
    that consult it run before it in every build. -#}
{% macro north_star_run_manifest_relation(relation) -%}
    {{ return(adapter.get_relation(relation.database, relation.schema, 'int_north_star__run_manifest')) }}
{%- endmacro %}
