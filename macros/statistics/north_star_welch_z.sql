{#- Welch's statistic for the difference of two means, (m − c) / √(s²/n + s²_c/n_c), from
    the groups' means, sample variances and sizes (column names or expressions); null when
    the standard error is 0 or undefined (a group with fewer than two units). -#}
{% macro north_star_welch_z(mean, variance, units, control_mean, control_variance, control_units) -%}
    ({{ mean }} - {{ control_mean }})
    / nullif(sqrt({{ variance }} / nullif({{ units }}, 0) + {{ control_variance }} / nullif({{ control_units }}, 0)), 0)
{%- endmacro %}
