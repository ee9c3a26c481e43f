{#- The staging model that reads the raw events, chosen by north_star_source_format.
    Every format's staging model produces the same canonical columns, so nothing
    downstream knows which tool the events came from. -#}
{% macro north_star_staged_events() -%}
    {{ return(ref('stg_' ~ north_star_var('north_star_source_format') ~ '__events')) }}
{%- endmacro %}

{#- Staging models other than the selected one are disabled: they would read a table
    of another shape. -#}
{% macro north_star_format_enabled(source_format) -%}
    {{ return(north_star_var('north_star_source_format') == source_format) }}
{%- endmacro %}
