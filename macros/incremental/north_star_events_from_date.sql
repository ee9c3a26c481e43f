{#- The first day of events the recomputed days depend on: one window before. -#}
{% macro north_star_events_from_date(recompute_from) -%}
    {%- if recompute_from is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(recompute_from - modules.datetime.timedelta(days=north_star_var('north_star_window_days') - 1)) }}
{%- endmacro %}
