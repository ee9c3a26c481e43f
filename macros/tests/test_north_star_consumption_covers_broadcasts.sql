{#- Consumption of Learnings sums the consumer counts of broadcasted learnings, each of
    which has at least north_star_min_consumers consumers, so on every row
    CoL >= min_consumers * BL, and CoL is zero exactly when BL is.

    Catches, for example, consumption summed over every viewed learning instead of the
    broadcasted ones (CoL > 0 on a day without broadcasts), or broadcasts counted with an
    off-by-one threshold (a learning with one consumer makes CoL < 2 * BL).
    `min_consumers` defaults to the var, which only north_star's own nodes can see; a
    value given is checked by the var's rule, as it is pasted into the query. -#}
{% test north_star_consumption_covers_broadcasts(model, column_name, broadcasts_column, min_consumers=none) %}
{%- set min_consumers = north_star.north_star_var('north_star_min_consumers') if min_consumers is none
    else north_star.north_star_check_value('min_consumers', min_consumers, north_star.north_star_var_rules()['north_star_min_consumers']) %}

select *
from {{ model }}
where
    {{ column_name }} < {{ min_consumers }} * {{ broadcasts_column }}
    or ({{ column_name }} > 0 and {{ broadcasts_column }} = 0)

{% endtest %}
