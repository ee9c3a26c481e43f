{#- The first day of events the span models read: spans are then exact from one window
    before the recompute day, as the growth accounting of a recomputed day d compares the
    members on d with those on d − N. The metrics of day t need the events of W(t), so
    that is 2N − 1 days before the recompute day. -#}
{% macro north_star_events_from_date(recompute_from) -%}
    {%- if recompute_from is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(recompute_from - modules.datetime.timedelta(days=2 * north_star_var('north_star_window_days') - 1)) }}
{%- endmacro %}
