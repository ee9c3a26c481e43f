{#- A date plus a whole number of days, still typed as a date (dbt.dateadd returns a
    timestamp on some adapters). -#}
{% macro north_star_add_days(days, date_expression) -%}
    cast({{ dbt.dateadd('day', days, date_expression) }} as date)
{%- endmacro %}
