{#- Activity per user and organization over the rows of `relation` (int_active_days
    columns). A user active in two organizations on one day has one active day: it is
    counted on the first organization, so active_day_count adds up per user across
    organizations and across disjoint ranges of days. -#}
{% macro north_star_user_organization_rollup(relation) -%}
    select
        user_id,
        organization_id,
        min(event_date) as first_active_date,
        max(event_date) as last_active_date,
        sum(event_count) as event_count,
        sum(is_user_day_counted) as active_day_count
    from (
        select
            user_id,
            organization_id,
            event_date,
            event_count,
            case
                when row_number() over (
                    partition by user_id, event_date order by organization_id nulls last
                ) = 1 then 1
                else 0
            end as is_user_day_counted
        from {{ relation }}
    ) as user_organization_days
    group by user_id, organization_id
{%- endmacro %}
