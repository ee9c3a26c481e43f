{#- The first day the span models are exact on after an incremental run: one window
    before the recompute day (see north_star_events_from_date). -#}
{% macro north_star_spans_exact_from_date(recompute_from) -%}
    {%- if recompute_from is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(recompute_from - modules.datetime.timedelta(days=north_star_var('north_star_window_days'))) }}
{%- endmacro %}
