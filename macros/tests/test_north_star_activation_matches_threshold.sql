{#- An organization is activated exactly when its Weekly Learning Users exceed
    north_star_activation_threshold ("more than five").

    Catches, for example, `>=` in place of `>`: an organization with exactly five WLU
    flagged as activated. `activation_threshold` defaults to the var, which only
    north_star's own nodes can see; a value given is checked by the var's rule, as it is
    pasted into the query. -#}
{% test north_star_activation_matches_threshold(model, column_name, learning_users_column, activation_threshold=none) %}
{%- set activation_threshold = north_star.north_star_var('north_star_activation_threshold') if activation_threshold is none
    else north_star.north_star_check_value(
        'activation_threshold', activation_threshold, north_star.north_star_var_rules()['north_star_activation_threshold']
    ) %}

select *
from {{ model }}
where
    {{ column_name }} != ({{ learning_users_column }} > {{ activation_threshold }})

{% endtest %}
