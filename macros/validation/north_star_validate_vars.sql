{#- Checks every north_star_* var at once and renders nothing, for the on-run-start hook:
    values no model SQL reads while parsing — the lookback, another format's settings, the
    vars only YAML reads (source location, package tests), which cannot call macros — are
    refused as well, before anything is built. dbt renders the hook while parsing too, so
    `dbt parse` and `dbt compile` refuse them without a run. -#}
{% macro north_star_validate_vars() -%}
    {%- for name in north_star_var_rules() -%}
        {%- do north_star_var(name) -%}
    {%- endfor -%}
{%- endmacro %}
