{#- MetricFlow's daily time spine: the days of the daily mart, which has no gaps from the
    first to the last day with data (the range every metric of the semantic layer has). -#}
{{ config(contract={'enforced': true}) }}

with

daily as (

    select * from {{ ref('fct_north_star_daily') }}

),

final as (

    select cast(date_day as date) as date_day
    from daily

)

select * from final
