{#- The first local day the current run recomputes, from the run manifest's latest
    `started` row (written by int_events_classified's pre-hook; none: every day, as on a
    first build or with --full-refresh). Day-stored models replace the days from here on;
    span models read events from one window before it. -#}
{% macro north_star_recompute_from_date() -%}
    {#- Unit tests compute from their fixtures alone. -#}
    {%- if model.resource_type == 'unit_test' -%}
        {{ return(none) }}
    {%- endif -%}
    {#- The ref makes every caller run after the classification, whose pre-hook writes
        this run's row. -#}
    {%- set classified = ref('int_events_classified') -%}
    {%- if not execute or flags.FULL_REFRESH -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set latest = north_star_latest_started_run() -%}
    {{ return(none if latest is none else latest.recomputed_from_date) }}
{%- endmacro %}
