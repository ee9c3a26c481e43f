{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail') }}
{#- Written last: a `completed` row means every table of the run was written, so every
    stored model is upstream (tests/incremental/test_run_manifest_is_last.py checks it). -#}
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
{# This run's `started` row, if its classification wrote one (not on a first build, nor
    when the run did not select the classification). -#}
{%- set started = none -%}
{%- if execute and north_star_run_manifest_relation(check_version=true) is not none -%}
    {%- set latest = north_star_latest_started_run() -%}
    {%- if latest is not none and latest.invocation_id == invocation_id -%}
        {%- set started = latest -%}
    {%- endif -%}
{%- endif -%}
{%- set batch_start = none if started is none else started.batch_start_date -%}
{%- set recompute_from = none if started is none else started.recomputed_from_date -%}

{%- set settled_before = north_star_optional_date_literal(north_star_settled_before_date()) %}

with

run_statuses as (

    {% if not is_incremental() %}
        -- A new manifest records the run's start too: the next run reads it.
        select 'started' as run_status
        union all
    {% endif %}
    select 'completed' as run_status

),

final as (

    {{ north_star_run_manifest_row(
        'run_status',
        batch_start,
        recompute_from,
        "case when run_status = 'completed' then " ~ settled_before ~ " end",
    ) }}
    from run_statuses

)

select * from final
