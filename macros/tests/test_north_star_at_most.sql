{#- Fails on rows where `column_name` exceeds `upper_bound_column`.

    Catches, for example, Weekly Learning Users counted without requiring the user to be
    active in the window: an owner whose learning is still broadcast after their last
    event would be a WLU without being a WAU, so WLU > WAU. -#}
{% test north_star_at_most(model, column_name, upper_bound_column) %}

select *
from {{ model }}
where {{ column_name }} > {{ upper_bound_column }}

{% endtest %}
