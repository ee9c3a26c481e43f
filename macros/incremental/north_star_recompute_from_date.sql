{#- The first local day the current run recomputes: the first day that gained rows in the
    latest batch of int_events_classified (none: every day, as on a first build or with
    --full-refresh). Day-stored models
    replace the days from here on; span models read events from one window before it. -#}
{% macro north_star_recompute_from_date() -%}
    {#- Unit tests compute from their fixtures alone. -#}
    {%- if model.resource_type == 'unit_test' -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set classified = ref('int_events_classified') -%}
    {%- if not execute or flags.FULL_REFRESH or load_relation(classified) is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query(
        'select min(recomputed_from_date) from ' ~ classified
        ~ ' where batch_start_date = (select max(batch_start_date) from ' ~ classified ~ ')'
    ) -%}
    {{ return(north_star_as_date(result.columns[0].values()[0])) }}
{%- endmacro %}

{#- The first day of events the recomputed days depend on: one window before. -#}
{% macro north_star_events_from_date(recompute_from) -%}
    {%- if recompute_from is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(recompute_from - modules.datetime.timedelta(days=north_star_var('north_star_window_days') - 1)) }}
{%- endmacro %}

{#- Days an incremental run re-reads before the last day already loaded: the lookback for
    late events, one window unless north_star_lookback_days says otherwise. -#}
{% macro north_star_lookback_days() -%}
    {%- set lookback = north_star_var('north_star_lookback_days') -%}
    {{ return(north_star_var('north_star_window_days') if lookback is none else lookback) }}
{%- endmacro %}

{#- A value read back from the warehouse as a Python date (drivers return date or text). -#}
{% macro north_star_as_date(value) -%}
    {%- if value is none -%}
        {{ return(none) }}
    {%- elif value is string -%}
        {{ return(modules.datetime.date.fromisoformat(value[:10])) }}
    {%- elif value.date is defined and value.hour is defined -%}
        {{ return(value.date()) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}

{#- A Python date as a SQL date literal. -#}
{% macro north_star_date_literal(value) -%}
    cast('{{ value.isoformat() }}' as date)
{%- endmacro %}

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

{#- The first day an incremental model stored by day recomputes from the valid events
    (none: all days, on its first build or a full refresh). -#}
{% macro north_star_day_recompute_from() -%}
    {%- set recompute_from = north_star_recompute_from_date() -%}
    {{ return(none if recompute_from is none or not is_incremental() else recompute_from) }}
{%- endmacro %}
