{#- The first and last day a daily mart reports, from the active days: the recomputed
    days in an incremental run (`recompute_from` on), else the first event day on. -#}
{% macro north_star_reporting_bounds(active_days, recompute_from) -%}
    select
        {% if recompute_from is not none -%}
        {{ north_star_date_literal(recompute_from) }} as first_date,
        {%- else -%}
        min(event_date) as first_date,
        {%- endif %}
        max(event_date) as last_date
    from {{ active_days }}
{%- endmacro %}
