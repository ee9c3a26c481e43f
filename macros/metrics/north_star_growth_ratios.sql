{#- The growth accounting's two ratios, null where their denominator is zero. -#}
{% macro north_star_growth_ratios() -%}
    cast(new_count + resurrected_count as {{ north_star_type_double() }})
    / nullif(churned_count, 0) as quick_ratio,
    cast(retained_count as {{ north_star_type_double() }})
    / nullif(previous_count, 0) as retention_rate
{%- endmacro %}
