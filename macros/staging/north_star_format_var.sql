{#- north_star_var(name) for a setting that only the given source format reads; none for
    the other formats, whose disabled models dbt still renders while parsing. (The
    on-run-start hook checks every format's settings all the same: each has a default.) -#}
{% macro north_star_format_var(source_format, name) -%}
    {%- if north_star_format_enabled(source_format) -%}
        {{ return(north_star_var(name)) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}
