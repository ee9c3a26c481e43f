{#- Fails on each combination of `columns` held by more than one row: the model's grain.
    dbt-core alone, so the grain is checked also where dbt_utils is not installed. -#}
{% test north_star_unique_key(model, columns) %}

select
    {{ columns | join(', ') }},
    count(*) as row_count
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
