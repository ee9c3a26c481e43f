{#- Days an incremental run re-reads before the last day already loaded: the lookback for
    late events, one window unless north_star_lookback_days says otherwise. -#}
{% macro north_star_lookback_days() -%}
    {%- set lookback = north_star_var('north_star_lookback_days') -%}
    {{ return(north_star_var('north_star_window_days') if lookback is none else lookback) }}
{%- endmacro %}
