{#- The first day an incremental model over the `_this_run` tables recomputes (none: all
    days). Built from scratch (a first build, a full refresh, a dropped table) it reads
    every day of those tables, which hold all days only when this invocation rebuilt them
    (north_star_zone_events_from) or the last run recomputed all days: otherwise it stops
    and says what to select. -#}
{% macro north_star_mart_recompute_from() -%}
    {%- set recompute_from = north_star_recompute_from_date() -%}
    {%- if is_incremental() -%}
        {{ return(recompute_from) }}
    {%- endif -%}
    {%- if execute and model.resource_type != 'unit_test' -%}
        {%- set not_rebuilt = north_star_upstream_this_run_models(model.unique_id)
            | reject('in', selected_resources) | list -%}
        {%- set latest = north_star_latest_started_run() if not_rebuilt else none -%}
        {%- if latest is not none and latest.recomputed_from_date is not none -%}
            {{ exceptions.raise_compiler_error(
                this.identifier ~ " is built from scratch, but "
                ~ not_rebuilt | map('replace', 'model.' ~ model.package_name ~ '.', '') | join(', ')
                ~ " hold only the days the last run recomputed: build them in the same run "
                ~ "(`dbt build --select +" ~ this.identifier ~ "`)."
            ) }}
        {%- endif -%}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}
