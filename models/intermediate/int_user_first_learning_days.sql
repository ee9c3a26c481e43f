{{ config(**north_star_incremental_config('first_weekly_learning_user_date')) }}

with

weekly_learning_user_spans as (

    select * from {{ ref('int_weekly_learning_user_spans_this_run') }}

),

final as (

    {{ north_star_first_days('weekly_learning_user_spans', ['user_id'], 'first_weekly_learning_user_date', north_star_mart_recompute_from()) }}

)

select * from final
