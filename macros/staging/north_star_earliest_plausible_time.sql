{#- The earliest event time taken as real: midnight UTC of north_star_min_event_date (a
    date, checked by its rule), as a timestamp literal. Earlier times are quarantined: a
    clock reset to 1970 would add decades of empty days. -#}
{% macro north_star_earliest_plausible_time() -%}
    cast('{{ north_star_var('north_star_min_event_date').isoformat() }} 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}
