{{ config(**north_star_incremental_config('first_weekly_learning_user_date')) }}

with

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans_this_run') }}

),

organization_learning_user_spans as (

    select
        organization_id,
        user_id,
        span_start,
        span_end
    from weekly_learning_user_spans
    where organization_id is not null

),

final as (

    {{ north_star_first_days('organization_learning_user_spans', ['organization_id', 'user_id'], 'first_weekly_learning_user_date', north_star_mart_recompute_from()) }}

)

select * from final
