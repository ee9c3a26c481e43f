{#- Adds up activity rows of the same user and organization taken over disjoint ranges of
    days (a settled state and the days after it): first and last day, events, active days. -#}
{% macro north_star_fold_user_organization_activity(relation) -%}
    select
        user_id,
        organization_id,
        min(first_active_date) as first_active_date,
        max(last_active_date) as last_active_date,
        sum(event_count) as event_count,
        sum(active_day_count) as active_day_count
    from {{ relation }}
    group by user_id, organization_id
{%- endmacro %}
