{#- The first day a later incremental run may still recompute: the first day its batch
    re-reads. Days before are settled. -#}
{% macro north_star_settled_before_date() -%}
    {%- set classified = ref('int_events_classified') -%}
    {%- if not execute or model.resource_type == 'unit_test' or load_relation(classified) is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(north_star_batch_start_date(classified)) }}
{%- endmacro %}
