{{ config(contract={'enforced': true}) }}

with

learnings as (

    select * from {{ ref('int_learnings_owned') }}

),

sharers as (

    select * from {{ ref('int_learning_sharers') }}

),

consumer_spans as (

    select * from {{ ref('int_learning_consumer_spans') }}

),

reach_segments as (

    select * from {{ ref('int_learning_reach_segments') }}

),

sharer_counts as (

    select
        learning_id,
        count(*) as sharer_count
    from sharers
    group by learning_id

),

consumer_counts as (

    select
        learning_id,
        count(distinct consumer_user_id) as consumer_count
    from consumer_spans
    group by learning_id

),

broadcasts as (

    select
        learning_id,
        min(segment_start) as first_broadcast_date,
        max(segment_end) as last_broadcast_date,
        max(consumer_count) as peak_consumer_count
    from reach_segments
    where consumer_count >= {{ var('north_star_min_consumers') }}
    group by learning_id

),

final as (

    select
        cast(learnings.learning_id as {{ dbt.type_string() }}) as learning_id,
        cast(learnings.owner_user_id as {{ dbt.type_string() }}) as owner_user_id,
        cast(learnings.organization_id as {{ dbt.type_string() }}) as organization_id,
        cast(learnings.learning_type as {{ dbt.type_string() }}) as learning_type,
        cast(learnings.ownership_action as {{ dbt.type_string() }}) as ownership_action,
        cast(learnings.owned_at as {{ dbt.type_timestamp() }}) as owned_at,
        learnings.exists_from_date as first_seen_date,
        cast(coalesce(sharer_counts.sharer_count, 0) as {{ dbt.type_bigint() }}) as sharer_count,
        cast(coalesce(consumer_counts.consumer_count, 0) as {{ dbt.type_bigint() }}) as lifetime_consumer_count,
        broadcasts.first_broadcast_date,
        broadcasts.last_broadcast_date,
        cast(coalesce(broadcasts.peak_consumer_count, 0) as {{ dbt.type_bigint() }}) as peak_consumer_count,
        broadcasts.first_broadcast_date is not null as is_ever_broadcast
    from learnings
    left join sharer_counts
        on learnings.learning_id = sharer_counts.learning_id
    left join consumer_counts
        on learnings.learning_id = consumer_counts.learning_id
    left join broadcasts
        on learnings.learning_id = broadcasts.learning_id

)

select * from final
