{#- int_events_classified's pre-hook: records this run in the run manifest (a `started`
    row) before the classification is written, with the state every later model of the
    run reads — the batch's first day and the first day the run recomputes (none: all
    days). The recompute day is the earliest of: the first day whose row count the batch
    changes, the first day of a learning whose ownership a new creation moves, the zone of
    a run that started but did not complete (all days if that was a full build) — and no
    later than the day after the latest day loaded before, so days without events before
    the first new day (a quiet weekend) get their daily rows. The first build writes no
    row here (there is no manifest yet): it recomputes all days anyway. -#}
{% macro north_star_start_run() -%}
    {%- if not execute or flags.WHICH not in ('run', 'build') -%}
        {{ return('') }}
    {%- endif -%}
    {%- set manifest = north_star_run_manifest_relation(check_version=true) -%}
    {%- if manifest is none -%}
        {{ return('') }}
    {%- endif -%}
    {#- A `dbt build` has just loaded the mapping seed: a changed mapping shows only now. -#}
    {%- do north_star_check_definitions_unchanged() -%}
    {%- set batch_start = north_star_batch_start_date(this) if is_incremental() else none -%}
    {%- set recompute_from = none -%}
    {%- if batch_start is not none -%}
        {%- set previous = north_star_latest_started_run() -%}
        {%- set redo_all = previous is none or (not previous.is_completed and previous.batch_start_date is none) -%}
        {%- if not redo_all -%}
            {%- set interrupted_from = none if previous.is_completed else previous.recomputed_from_date -%}
            {%- set recompute_from = north_star_as_date(
                run_query(north_star_recompute_from_query(batch_start, interrupted_from)).columns[0].values()[0]
            ) -%}
        {%- endif -%}
    {%- endif -%}
    insert into {{ manifest }}
    {{ north_star_run_manifest_row("'started'", batch_start, recompute_from, 'cast(null as date)') }}
{%- endmacro %}
