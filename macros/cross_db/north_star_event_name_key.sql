{#- The form event names are matched to the mapping in: lower case, without leading or
    trailing whitespace of any kind (tabs and newlines too), so `Chart_Viewed`,
    `CHART_VIEWED` and `chart_viewed<tab>` all map like `chart_viewed`. -#}
{% macro north_star_event_name_key(name) -%}
    {{ return(adapter.dispatch('north_star_event_name_key', 'north_star')(name)) }}
{%- endmacro %}

{% macro default__north_star_event_name_key(name) -%}
    lower(regexp_replace({{ name }}, '^\s+|\s+$', '', 'g'))
{%- endmacro %}

{#- Spark reads backslashes in string literals as escapes, and replaces every match. -#}
{% macro spark__north_star_event_name_key(name) -%}
    lower(regexp_replace({{ name }}, '^\\s+|\\s+$', ''))
{%- endmacro %}
