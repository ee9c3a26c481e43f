{{ config(**north_star_keyed_config('learning_id', 'exists_from_date')) }}

{%- set recompute_from = north_star_day_recompute_from() %}

with

ownership_events as (

    select * from {{ ref('int_learning_ownership_events') }}

),

{% if recompute_from is not none %}
-- Only learnings with ownership events on the recomputed days can change owner.
changed_learnings as (

    {{ north_star_changed_learnings('ownership_events', recompute_from) }}

),
{% endif %}

ownership_candidates as (

    select
        learning_id,
        user_id,
        organization_id,
        learning_type,
        event_at,
        event_date,
        action,
        row_number() over (
            partition by learning_id
            -- A creation outranks any share; among equals the earliest wins.
            order by
                case when action = 'learning_created' then 0 else 1 end,
                event_at,
                event_id
        ) as candidate_rank
    from ownership_events
    {% if recompute_from is not none %}
        where learning_id in (select changed_learnings.learning_id from changed_learnings)
    {% endif %}

),

final as (

    select
        learning_id,
        user_id as owner_user_id,
        organization_id,
        learning_type,
        action as ownership_action,
        event_at as owned_at,
        event_date as exists_from_date
    from ownership_candidates
    where candidate_rank = 1

)

select * from final
