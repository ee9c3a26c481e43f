{#- The latest event time taken as real: the build's start plus
    north_star_max_future_hours, as a UTC timestamp literal; none when the var is
    null (no limit, e.g. for fixtures dated ahead). Later times are quarantined: one event
    dated 2099 would add decades of empty days. -#}
{% macro north_star_latest_plausible_time() -%}
    {%- set hours = north_star_var('north_star_max_future_hours') -%}
    {%- if hours is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set latest = run_started_at + modules.datetime.timedelta(hours=hours) -%}
    {{ return("cast('" ~ latest.strftime("%Y-%m-%d %H:%M:%S") ~ "' as " ~ dbt.type_timestamp() ~ ")") }}
{%- endmacro %}
