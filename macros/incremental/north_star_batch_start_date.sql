{#- The first local day an incremental run of int_events_classified re-reads: the latest
    day it holds minus the lookback (late events). None when it holds no day yet. Called
    as that model compiles and by its pre-hook, before the run writes it: both see the
    same stored days. -#}
{% macro north_star_batch_start_date() -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set latest = north_star_as_date(
        run_query('select max(event_date) from ' ~ this).columns[0].values()[0]
    ) -%}
    {%- if latest is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(latest - modules.datetime.timedelta(days=north_star_lookback_days() - 1)) }}
{%- endmacro %}
