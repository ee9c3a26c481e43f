{#- Every raw row is accounted for exactly once: rows in `compare_to` (the raw events)
    = valid + quarantined + duplicate rows of `model`, per `column_name` (the status),
    + the rows still waiting in `late_model` (its `late_rows`), when given.

    Catches, for example, a staging filter that silently drops invalid rows, or an
    event-name mapping with a repeated name whose join duplicates events. -#}
{% test north_star_rows_reconcile(model, column_name, compare_to, late_model=none) %}

with

raw_rows as (

    select count(*) as row_count
    from {{ compare_to }}

),

waiting_rows as (

    {% if late_model is not none -%}
    select coalesce(sum(late_rows), 0) as row_count
    from {{ late_model }}
    {%- else -%}
    select 0 as row_count
    {%- endif %}

),

classified_rows as (

    select
        count(*) as row_count,
        sum(case when {{ column_name }} = 'valid' then 1 else 0 end) as valid_rows,
        sum(case when {{ column_name }} = 'quarantined' then 1 else 0 end) as quarantined_rows,
        sum(case when {{ column_name }} = 'duplicate' then 1 else 0 end) as duplicate_rows
    from {{ model }}

)

select
    raw_rows.row_count as raw_rows,
    classified_rows.valid_rows,
    classified_rows.quarantined_rows,
    classified_rows.duplicate_rows,
    waiting_rows.row_count as waiting_rows
from raw_rows
cross join classified_rows
cross join waiting_rows
where
    raw_rows.row_count
    != coalesce(classified_rows.valid_rows, 0)
    + coalesce(classified_rows.quarantined_rows, 0)
    + coalesce(classified_rows.duplicate_rows, 0)
    + waiting_rows.row_count

{% endtest %}
