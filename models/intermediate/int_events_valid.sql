{{ config(materialized='view') }}

with

final as (

    {{ north_star_valid_events() }}

)

select * from final
