{#- The server's version number (160002 for 16.2) when the target is Postgres and dbt is
    executing; 0 otherwise (while parsing, or on another adapter). Chooses SQL that only
    newer versions accept. -#}
{% macro north_star_postgres_version_num() -%}
    {%- if execute and target.type == 'postgres' -%}
        {{ return(run_query('show server_version_num').columns[0].values()[0] | int) }}
    {%- endif -%}
    {{ return(0) }}
{%- endmacro %}
