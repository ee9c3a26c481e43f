{#- The first local day the next incremental run of int_events_classified re-reads when
    `classified` (that table) holds what it holds now: its latest day minus the lookback
    (late events). None when it holds no day yet. -#}
{% macro north_star_batch_start_date(classified) -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set latest = north_star_as_date(
        run_query('select max(event_date) from ' ~ classified).columns[0].values()[0]
    ) -%}
    {%- if latest is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(latest - modules.datetime.timedelta(days=north_star_lookback_days() - 1)) }}
{%- endmacro %}
