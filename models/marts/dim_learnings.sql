{{ config(contract={'enforced': true}) }}
{{ config(**north_star_keyed_config('learning_id', 'first_seen_date')) }}
-- depends_on: {{ ref('int_learning_ownership_events') }}

{%- set recompute_from = north_star_day_recompute_from() %}

with

learnings as (

    select * from {{ ref('int_learnings') }}

),

sharers as (

    select * from {{ ref('int_learning_sharers') }}

),

learning_first_broadcasts as (

    select * from {{ ref('int_learning_first_broadcasts') }}

),


{% if recompute_from is not none %}
-- A learning's row changes with its ownership events (owner, sharers) or its first
-- broadcast, and both change only on the recomputed days.
changed_learnings as (

    {{ north_star_changed_learnings(ref('int_learning_ownership_events'), recompute_from) }}

    union

    select learning_id
    from learning_first_broadcasts
    where first_broadcast_date >= {{ north_star_date_literal(recompute_from) }}

    union

    select learning_id
    from {{ this }}
    where first_broadcast_date >= {{ north_star_date_literal(recompute_from) }}

),
{% endif %}

sharer_counts as (

    select
        learning_id,
        count(*) as sharer_count
    from sharers
    {% if recompute_from is not none %}
        where learning_id in (select changed_learnings.learning_id from changed_learnings)
    {% endif %}
    group by learning_id

),

final as (

    select
        cast(learnings.learning_id as {{ north_star_type_text() }}) as learning_id,
        cast(learnings.owner_user_id as {{ north_star_type_text() }}) as owner_user_id,
        cast(learnings.organization_id as {{ north_star_type_text() }}) as organization_id,
        cast(learnings.learning_type as {{ north_star_type_text() }}) as learning_type,
        cast(learnings.ownership_action as {{ north_star_type_text() }}) as ownership_action,
        cast(learnings.owned_at as {{ dbt.type_timestamp() }}) as owned_at,
        learnings.exists_from_date as first_seen_date,
        cast(coalesce(sharer_counts.sharer_count, 0) as {{ dbt.type_bigint() }}) as sharer_count,
        learning_first_broadcasts.first_broadcast_date,
        learning_first_broadcasts.first_broadcast_date is not null as is_ever_broadcast
    from learnings
    left join sharer_counts
        on learnings.learning_id = sharer_counts.learning_id
    left join learning_first_broadcasts
        on learnings.learning_id = learning_first_broadcasts.learning_id
    {% if recompute_from is not none %}
        where learnings.learning_id in (select changed_learnings.learning_id from changed_learnings)
    {% endif %}

)

select * from final
