{#- The stored run manifest (none before the first build completes). One written by an
    earlier version of the package (no `run_status`) cannot say what the stored tables
    hold: the run stops and asks for the full refresh the upgrade needs (which replaces
    it, so it counts as none then). Checked by the hooks, which run before any model. -#}
{% macro north_star_run_manifest_relation(check_version=false) -%}
    {%- set manifest = north_star_node_relation('int_north_star__run_manifest') -%}
    {%- if manifest is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if not check_version -%}
        {{ return(manifest) }}
    {%- endif -%}
    {%- set columns = adapter.get_columns_in_relation(manifest) | map(attribute='name') | map('lower') | list -%}
    {%- if 'run_status' not in columns -%}
        {%- if flags.FULL_REFRESH -%}
            {{ return(none) }}
        {%- endif -%}
        {{ exceptions.raise_compiler_error(
            "north_star: " ~ manifest ~ " was written by an earlier version of the package. "
            ~ "Rebuild the stored tables once with `dbt build --full-refresh`."
        ) }}
    {%- endif -%}
    {{ return(manifest) }}
{%- endmacro %}
