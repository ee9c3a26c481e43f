{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail') }}
{#- Written last: a row here means every table of the run was written, so every stored
    model is upstream (tests/incremental/test_run_manifest_is_last.py checks it). -#}
-- depends_on: {{ ref('fct_north_star_daily') }}
-- depends_on: {{ ref('fct_north_star_weekly') }}
-- depends_on: {{ ref('fct_organization_north_star_daily') }}
-- depends_on: {{ ref('dim_learnings') }}
-- depends_on: {{ ref('dim_users') }}
-- depends_on: {{ ref('dim_organizations') }}
-- depends_on: {{ ref('int_user_organization_activity_settled') }}
-- depends_on: {{ ref('fct_north_star_metrics_daily') }}
-- depends_on: {{ ref('fct_north_star_growth_accounting') }}
-- depends_on: {{ ref('fct_organization_growth_accounting') }}
-- depends_on: {{ ref('int_weekly_learning_user_days') }}
-- depends_on: {{ ref('int_learning_broadcast_days') }}
-- depends_on: {{ ref('int_experiment_assignments_classified') }}
-- depends_on: {{ ref('fct_north_star_experiment_units') }}
-- depends_on: {{ ref('fct_north_star_experiment_results') }}
{% set state = north_star_classified_state(ref('int_events_classified')) or {} %}

with

final as (

    select
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }}) as run_started_at,
        {{ north_star_optional_date_literal(state.get('batch_start_date')) }} as batch_start_date,
        {{ north_star_optional_date_literal(state.get('recomputed_from_date')) }} as recomputed_from_date,
        cast({{ state.get('classified_rows', 0) }} as {{ dbt.type_bigint() }}) as classified_rows,
        {{ north_star_string_literal(tojson(north_star_definition_vars(), sort_keys=true)) }} as definition_vars

)

select * from final
