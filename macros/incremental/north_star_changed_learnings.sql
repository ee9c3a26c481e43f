{#- The learnings with ownership events on the recomputed days: the only ones whose
    owner and sharers a run can change. -#}
{% macro north_star_changed_learnings(ownership_events, recompute_from) -%}
    select distinct learning_id
    from {{ ownership_events }}
    where event_date >= {{ north_star_date_literal(recompute_from) }}
{%- endmacro %}
