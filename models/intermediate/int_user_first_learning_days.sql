{{ config(**north_star_incremental_config('first_weekly_learning_user_date')) }}

{#- A first day before the recompute zone never changes, so an incremental run only
    looks for first days inside the zone, for the users that had none before it. -#}
{%- set recompute_from = north_star_mart_recompute_from() %}

with

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans') }}

),

learning_user_starts as (

    select
        user_id,
        {{ north_star_clip_start('span_start', recompute_from) }} as learning_user_start
    from weekly_learning_user_spans
    {% if recompute_from is not none %}
        where span_end >= {{ north_star_date_literal(recompute_from) }}
    {% endif %}

),

first_learning_user_days as (

    select
        user_id,
        min(learning_user_start) as first_weekly_learning_user_date
    from learning_user_starts
    group by user_id

),

final as (

    select first_learning_user_days.*
    from first_learning_user_days
    {% if recompute_from is not none %}
    left join {{ this }} as earlier
        on
            first_learning_user_days.user_id = earlier.user_id
            and earlier.first_weekly_learning_user_date < {{ north_star_date_literal(recompute_from) }}
    where earlier.user_id is null
    {% endif %}

)

select * from final
