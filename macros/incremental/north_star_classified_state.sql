{#- What `relation` (int_events_classified) holds now: the latest batch's start and
    recompute-from day (none after a full build) and its row count, as a dict; none when
    it does not exist. The run manifest records it when a run completes, and the next
    run compares: a difference means the run that last wrote the table did not finish. -#}
{% macro north_star_classified_state(relation) -%}
    {%- if not execute or relation is none or load_relation(relation) is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query(
        'select max(batch_start_date), min(case when batch_start_date = (select max(batch_start_date) from '
        ~ relation ~ ') then recomputed_from_date end), count(*),'
        ~ " min(case when event_status = 'valid' then event_date end) from " ~ relation
    ) -%}
    {%- set row = result.rows[0] -%}
    {{ return({
        'batch_start_date': north_star_as_date(row[0]),
        'recomputed_from_date': north_star_as_date(row[1]),
        'classified_rows': row[2] | int,
        'first_event_date': north_star_as_date(row[3]),
    }) }}
{%- endmacro %}
