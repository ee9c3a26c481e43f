{{ config(**north_star_state_config()) }}

{#- Each run folds in the days that settled since the previous run (a few days), so its
    cost does not grow with the history. When this run recomputed a day already folded in
    (upstream rebuilt, or a longer lookback re-read settled days), the state is rebuilt
    from all days instead. -#}
{%- set settled_before = north_star_settled_before_date() -%}
{%- set previously_settled_before = none -%}
{%- if is_incremental() and execute -%}
    {%- set previously_settled_before = north_star_as_date(
        run_query('select max(settled_before_date) from ' ~ this).columns[0].values()[0]
    ) -%}
{%- endif -%}
{%- set recompute_from = north_star_recompute_from_date() -%}
{%- set extends_state = (
    previously_settled_before is not none
    and settled_before is not none
    and settled_before >= previously_settled_before
    and recompute_from is not none
    and recompute_from >= previously_settled_before
) %}

with

active_days as (

    select * from {{ ref('int_active_days') }}

),

settling_days as (

    select *
    from active_days
    {% if settled_before is none %}
        where 1 = 0
    {% else %}
        where
            event_date < {{ north_star_date_literal(settled_before) }}
            {% if extends_state %}
                and event_date >= {{ north_star_date_literal(previously_settled_before) }}
            {% endif %}
    {% endif %}

),

settling as (

    {{ north_star_user_organization_rollup('settling_days') }}

),

states as (

    {% if extends_state %}
        select
            user_id,
            organization_id,
            first_active_date,
            last_active_date,
            event_count,
            active_day_count
        from {{ this }}

        union all
    {% endif %}

    select * from settling

),

folded as (

    {{ north_star_fold_user_organization_activity('states') }}

),

final as (

    select
        folded.*,
        {% if settled_before is none %}
            cast(null as date) as settled_before_date
        {% else %}
            {{ north_star_date_literal(settled_before) }} as settled_before_date
        {% endif %}
    from folded

)

select * from final
