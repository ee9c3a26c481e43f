{#- The first local day the current run recomputes: the first day that gained rows in the
    latest batch of int_events_classified (none: every day, as on a first build or with
    --full-refresh). Day-stored models
    replace the days from here on; span models read events from one window before it. -#}
{% macro north_star_recompute_from_date() -%}
    {#- Unit tests compute from their fixtures alone. -#}
    {%- if model.resource_type == 'unit_test' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set classified = ref('int_events_classified') -%}
    {%- if not execute or flags.FULL_REFRESH or load_relation(classified) is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query(
        'select min(recomputed_from_date) from ' ~ classified
        ~ ' where batch_start_date = (select max(batch_start_date) from ' ~ classified ~ ')'
    ) -%}
    {{ return(north_star_as_date(result.columns[0].values()[0])) }}
{%- endmacro %}
