{#- The delta method's standard error of the ratio of two independent means m / c:
    √(s²/(n c²) + m² s²_c/(n_c c⁴)), from the groups' means, sample variances and sizes;
    null when c is 0 or a variance is undefined. -#}
{% macro north_star_delta_method_standard_error(mean, variance, units, control_mean, control_variance, control_units) -%}
    sqrt(
        {{ variance }} / nullif({{ units }} * {{ control_mean }} * {{ control_mean }}, 0)
        + {{ mean }} * {{ mean }} * {{ control_variance }}
        / nullif({{ control_units }} * {{ control_mean }} * {{ control_mean }} * {{ control_mean }} * {{ control_mean }}, 0)
    )
{%- endmacro %}
