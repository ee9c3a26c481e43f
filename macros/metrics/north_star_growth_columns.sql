{#- The growth accounting's counts, typed as both marts' contracts declare them, and its
    two ratios, null where their denominator is zero. -#}
{% macro north_star_growth_columns() -%}
    {%- for count in ['current_count', 'previous_count', 'new_count', 'retained_count', 'resurrected_count', 'churned_count'] %}
    cast({{ count }} as {{ dbt.type_bigint() }}) as {{ count }},
    {%- endfor %}
    cast(new_count + resurrected_count as {{ north_star_type_double() }})
    / nullif(churned_count, 0) as quick_ratio,
    cast(retained_count as {{ north_star_type_double() }})
    / nullif(previous_count, 0) as retention_rate
{%- endmacro %}
