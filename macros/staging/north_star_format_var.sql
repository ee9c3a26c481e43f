{#- var(name) for a setting that only the given source format reads. The var is required
    (no default) when that format is selected, and not looked up otherwise: dbt renders
    disabled models while parsing, and a project on another format need not define it. -#}
{% macro north_star_format_var(source_format, name) -%}
    {%- if north_star_format_enabled(source_format) -%}
        {{ return(var(name)) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}
