{#- The first day a later incremental run may still recompute: its re-read days start at
    the latest event day loaded so far minus the lookback. Days before are settled. -#}
{% macro north_star_settled_before_date() -%}
    {%- set classified = ref('int_events_classified') -%}
    {%- if not execute or model.resource_type == 'unit_test' or load_relation(classified) is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set latest = north_star_as_date(
        run_query('select max(event_date) from ' ~ classified).columns[0].values()[0]
    ) -%}
    {%- if latest is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(latest - modules.datetime.timedelta(days=north_star_lookback_days() - 1)) }}
{%- endmacro %}
