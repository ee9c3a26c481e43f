{#- An organization is activated exactly when its Weekly Learning Users exceed
    var('north_star_activation_threshold') ("more than five").

    Catches, for example, `>=` in place of `>`: an organization with exactly five WLU
    flagged as activated. -#}
{% test north_star_activation_matches_threshold(model, column_name, learning_users_column) %}

select *
from {{ model }}
where
    {{ column_name }} != ({{ learning_users_column }} > {{ var('north_star_activation_threshold') }})

{% endtest %}
