{#- The first day an incremental model stored by day recomputes from the valid events
    (none: all days, on its first build or a full refresh). -#}
{% macro north_star_day_recompute_from() -%}
    {%- set recompute_from = north_star_recompute_from_date() -%}
    {{ return(none if recompute_from is none or not is_incremental() else recompute_from) }}
{%- endmacro %}
