{{ config(enabled=north_star_format_enabled('generic')) }}
{% if north_star_demo_events_in_use() %}
-- depends_on: {{ ref('north_star_demo_events') }}
{% endif %}

with

source as (

    select * from {{ source('north_star', 'events') }}

),

final as (

    select
        {{ north_star_clean_text('event_id') }} as event_id,
        cast(event_time as {{ dbt.type_timestamp() }}) as event_at,
        {{ north_star_clean_text('user_id') }} as user_id,
        {{ north_star_clean_text('org_id') }} as organization_id,
        {{ north_star_clean_text('event_name') }} as event_name,
        {{ north_star_clean_text('learning_id') }} as learning_id,
        {{ north_star_clean_text('learning_type') }} as learning_type,
        cast(null as {{ dbt.type_string() }}) as source_invalid_reason
    from source

)

select * from final
