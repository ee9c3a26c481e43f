{#- Per organization, the number of its Weekly Learning Users as segments of days (a sweep
    over the organization × user spans of `spans`, which are disjoint per organization and
    user). Both daily marts read activation from it: an organization is activated on the
    days its count exceeds north_star_activation_threshold. -#}
{% macro north_star_organization_learning_user_levels(spans) -%}
    {%- set changes = north_star_span_changes(
        spans, 'span_start', 'span_end', {'weekly_learning_users': 1},
        partition_by=['organization_id'], where='organization_id is not null'
    ) -%}
    {{ north_star_sweep_segments(
        '(' ~ changes ~ ') as learning_user_changes', ['organization_id'], ['weekly_learning_users']
    ) }}
{%- endmacro %}
