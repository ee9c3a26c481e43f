{#- The first day an incremental mart recomputes (none: all days). The span models it
    reads hold only the recompute zone after an incremental run, so building the mart
    from scratch then would leave its early days empty: that needs --full-refresh. -#}
{% macro north_star_mart_recompute_from() -%}
    {%- set recompute_from = north_star_recompute_from_date() -%}
    {%- if is_incremental() or recompute_from is none -%}
        {{ return(recompute_from) }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error(
        this.identifier ~ " has to be built from scratch while its upstream models were last "
        ~ "built incrementally: run `dbt build --full-refresh` (with the upstream models selected)."
    ) }}
{%- endmacro %}
