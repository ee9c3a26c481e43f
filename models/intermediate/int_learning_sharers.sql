{{ config(**north_star_keyed_config('learning_id', 'sharer_from_date')) }}

{%- set recompute_from = north_star_day_recompute_from() %}

with

ownership_events as (

    select * from {{ ref('int_learning_ownership_events') }}

),

{% if recompute_from is not none %}
-- Only learnings with ownership events on the recomputed days can change sharers.
changed_learnings as (

    {{ north_star_changed_learnings('ownership_events', recompute_from) }}

),
{% endif %}

learnings as (

    select learnings_owned.*
    from {{ ref('int_learnings') }} as learnings_owned
    {% if recompute_from is not none %}
        where learnings_owned.learning_id in (select changed_learnings.learning_id from changed_learnings)
    {% endif %}

),

first_shares as (

    select
        learning_id,
        user_id,
        min(event_date) as first_shared_date
    from ownership_events
    where
        action = 'learning_shared'
    {% if recompute_from is not none %}
        and learning_id in (select changed_learnings.learning_id from changed_learnings)
        {% endif %}
    group by learning_id, user_id

),

sharer_candidates as (

    select
        learning_id,
        owner_user_id as sharer_user_id,
        exists_from_date as sharer_from_date
    from learnings

    union all

    -- A share dated before the learning exists only takes effect once it exists.
    select
        first_shares.learning_id,
        first_shares.user_id as sharer_user_id,
        greatest(first_shares.first_shared_date, learnings.exists_from_date) as sharer_from_date
    from first_shares
    inner join learnings
        on first_shares.learning_id = learnings.learning_id

),

final as (

    select
        sharer_candidates.learning_id,
        sharer_candidates.sharer_user_id,
        min(sharer_candidates.sharer_from_date) as sharer_from_date,
        max(case when sharer_candidates.sharer_user_id = learnings.owner_user_id then 1 else 0 end) = 1
            as is_owner
    from sharer_candidates
    inner join learnings
        on sharer_candidates.learning_id = learnings.learning_id
    group by sharer_candidates.learning_id, sharer_candidates.sharer_user_id

)

select * from final
