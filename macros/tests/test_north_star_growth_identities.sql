{#- The growth accounting's identities on every row: current = new + retained +
    resurrected, and current − previous = new + resurrected − churned; no class is
    negative.

    Catches, for example, "new" counted from a member's first day in the data instead of
    in S (resurrected goes negative), or churn taken from the wrong day. -#}
{% test north_star_growth_identities(model) %}

select *
from {{ model }}
where
    current_count != new_count + retained_count + resurrected_count
    or current_count - previous_count != new_count + resurrected_count - churned_count
    or new_count < 0
    or retained_count < 0
    or resurrected_count < 0
    or churned_count < 0

{% endtest %}
