{#- The horizon of an experiment whose seed row leaves horizon_days blank: two weeks, so
    that every weekday is measured twice. -#}
{% macro north_star_default_horizon_days() -%}
    {{ return(14) }}
{%- endmacro %}
