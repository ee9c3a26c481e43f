{#- Spans computed for an incremental run are exact only inside the recompute zone:
    a span's start is clipped to the zone's first day. -#}
{% macro north_star_clip_start(start_column, recompute_from) -%}
    {%- if recompute_from is none -%}
        {{ start_column }}
    {%- else -%}
        greatest({{ start_column }}, {{ north_star_date_literal(recompute_from) }})
    {%- endif -%}
{%- endmacro %}
