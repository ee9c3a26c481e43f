{{ config(contract={'enforced': true}) }}

{#- The readout: per experiment, metric and treatment variant, the treatment's units
    against the control's, over the units whose horizon is complete. A table rebuilt every
    run from fct_north_star_experiment_units (a few rows per experiment).

    Welch's test with the normal approximation of Student's t: p = 2 Φ(−|z|),
    z = (ȳ_t − ȳ_c) / √(s²_t / n_t + s²_c / n_c), sample variances. The interval of the
    relative lift ȳ_t / ȳ_c − 1 is the delta method's: the lift ∓ Φ⁻¹(0.975) times
    √(s²_t / (n_t ȳ_c²) + ȳ_t² s²_c / (n_c ȳ_c⁴)). CUPED
    replaces Y by Y − θ (X − x̄), X the pre-period value, θ = cov(Y, X) / var(X) and x̄
    pooled over both groups of the comparison. DECISIONLOG.md says why for each. -#}
{%- set alpha = north_star_var('north_star_experiment_alpha') %}
{%- set srm_alpha = 0.001 %}
{#- Φ⁻¹(0.975), for the 95 % intervals. #}
{%- set z_975 = 1.959963984540054 %}
{%- set double = north_star_type_double() %}

with

units as (

    select * from {{ ref('fct_north_star_experiment_units') }}

),

experiments as (

    select * from {{ ref('int_experiments') }}

),

complete_units as (

    select * from units
    where is_horizon_complete

),

-- One row per complete unit and metric: the outcome Y and its pre-period value X.
outcomes as (

    {% for metric, tree_metric, unit_types in north_star_experiment_metrics() %}
        select
            experiment_id,
            variant,
            '{{ metric }}' as metric_name,
            '{{ tree_metric }}' as tree_metric_name,
            cast({{ metric }} as {{ double }}) as outcome,
            cast({{ metric }}_pre_period as {{ double }}) as covariate
        from complete_units
        where unit_type in ('{{ unit_types | join("', '") }}')
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

variant_units as (

    select
        experiment_id,
        variant,
        count(*) as units
    from complete_units
    group by experiment_id, variant

),

-- Chi-square of the variants' unit counts against equal allocation: Σ (n_i − N / k)² /
-- (N / k) = k Σ n_i² / N − N, with k − 1 degrees of freedom.
sample_ratios as (

    select
        experiment_id,
        count(*) - 1 as degrees_of_freedom,
        count(*) * sum(cast(units as {{ double }}) * units) / sum(units) - sum(units) as chi_square
    from variant_units
    group by experiment_id

),

sample_ratio_tests as (

    select
        experiment_id,
        {{ north_star_chi_square_sf('chi_square', 'degrees_of_freedom') }} as srm_p_value
    from sample_ratios

),

comparisons as (

    select
        variant_units.experiment_id,
        variant_units.variant,
        experiments.control_variant,
        experiments.unit_type,
        experiments.target_metric_name,
        experiments.owner_team
    from variant_units
    inner join experiments
        on variant_units.experiment_id = experiments.experiment_id
    where variant_units.variant != experiments.control_variant

),

compared_outcomes as (

    select
        comparisons.experiment_id,
        comparisons.variant,
        outcomes.metric_name,
        outcomes.tree_metric_name,
        outcomes.outcome,
        outcomes.covariate,
        outcomes.variant = comparisons.variant as is_treatment
    from comparisons
    inner join outcomes
        on
            comparisons.experiment_id = outcomes.experiment_id
            and outcomes.variant in (comparisons.variant, comparisons.control_variant)

),

-- θ and x̄ pooled over the treatment's and the control's units; θ = 0 (no adjustment)
-- when the pre-period value does not vary.
cuped_adjustments as (

    select
        experiment_id,
        variant,
        metric_name,
        avg(covariate) as covariate_mean,
        coalesce(covar_samp(outcome, covariate) / nullif(var_samp(covariate), 0), 0) as theta
    from compared_outcomes
    group by experiment_id, variant, metric_name

),

group_moments as (

    select
        compared_outcomes.experiment_id,
        compared_outcomes.variant,
        compared_outcomes.metric_name,
        compared_outcomes.tree_metric_name,
        compared_outcomes.is_treatment,
        cuped_adjustments.theta,
        count(*) as units,
        avg(compared_outcomes.outcome) as mean,
        var_samp(compared_outcomes.outcome) as variance,
        avg(
            compared_outcomes.outcome
            - cuped_adjustments.theta * (compared_outcomes.covariate - cuped_adjustments.covariate_mean)
        ) as cuped_mean,
        var_samp(compared_outcomes.outcome - cuped_adjustments.theta * compared_outcomes.covariate)
            as cuped_variance
    from compared_outcomes
    inner join cuped_adjustments
        on
            compared_outcomes.experiment_id = cuped_adjustments.experiment_id
            and compared_outcomes.variant = cuped_adjustments.variant
            and compared_outcomes.metric_name = cuped_adjustments.metric_name
    group by
        compared_outcomes.experiment_id,
        compared_outcomes.variant,
        compared_outcomes.metric_name,
        compared_outcomes.tree_metric_name,
        compared_outcomes.is_treatment,
        cuped_adjustments.theta

),

paired as (

    select
        experiment_id,
        variant,
        metric_name,
        tree_metric_name,
        max(theta) as cuped_theta,
        sum(case when is_treatment then units else 0 end) as units,
        sum(case when is_treatment then 0 else units end) as control_units,
        max(case when is_treatment then mean end) as mean,
        max(case when not is_treatment then mean end) as control_mean,
        max(case when is_treatment then variance end) as variance,
        max(case when not is_treatment then variance end) as control_variance,
        max(case when is_treatment then cuped_mean end) as cuped_mean,
        max(case when not is_treatment then cuped_mean end) as cuped_control_mean,
        max(case when is_treatment then cuped_variance end) as cuped_variance,
        max(case when not is_treatment then cuped_variance end) as cuped_control_variance
    from group_moments
    group by experiment_id, variant, metric_name, tree_metric_name

),

-- The z statistic and the delta method's standard error of the relative lift, plain and
-- CUPED-adjusted.
estimates as (

    select
        *,
        (mean - control_mean) / nullif(control_mean, 0) as relative_lift,
        {{ north_star_welch_z('mean', 'variance', 'units', 'control_mean', 'control_variance', 'control_units') }}
            as welch_z,
        {{ north_star_delta_method_standard_error(
            'mean', 'variance', 'units', 'control_mean', 'control_variance', 'control_units'
        ) }} as relative_lift_standard_error,
        (cuped_mean - cuped_control_mean) / nullif(cuped_control_mean, 0) as cuped_relative_lift,
        {{ north_star_welch_z(
            'cuped_mean', 'cuped_variance', 'units', 'cuped_control_mean', 'cuped_control_variance', 'control_units'
        ) }} as cuped_welch_z,
        {{ north_star_delta_method_standard_error(
            'cuped_mean', 'cuped_variance', 'units', 'cuped_control_mean', 'cuped_control_variance', 'control_units'
        ) }} as cuped_relative_lift_standard_error
    from paired

),

tested as (

    select
        estimates.*,
        sample_ratio_tests.srm_p_value,
        2 * {{ north_star_normal_cdf('-abs(estimates.welch_z)') }} as p_value,
        estimates.relative_lift - {{ z_975 }} * estimates.relative_lift_standard_error as relative_lift_ci_lower,
        estimates.relative_lift + {{ z_975 }} * estimates.relative_lift_standard_error as relative_lift_ci_upper,
        2 * {{ north_star_normal_cdf('-abs(estimates.cuped_welch_z)') }} as cuped_p_value,
        estimates.cuped_relative_lift - {{ z_975 }} * estimates.cuped_relative_lift_standard_error
            as cuped_relative_lift_ci_lower,
        estimates.cuped_relative_lift + {{ z_975 }} * estimates.cuped_relative_lift_standard_error
            as cuped_relative_lift_ci_upper
    from estimates
    inner join sample_ratio_tests
        on estimates.experiment_id = sample_ratio_tests.experiment_id

),

final as (

    select
        cast(tested.experiment_id as {{ north_star_type_text() }}) as experiment_id,
        cast(comparisons.unit_type as {{ north_star_type_text() }}) as unit_type,
        cast(tested.metric_name as {{ north_star_type_text() }}) as metric_name,
        cast(tested.tree_metric_name as {{ north_star_type_text() }}) as tree_metric_name,
        coalesce(tested.tree_metric_name = comparisons.target_metric_name, false) as is_target_metric,
        cast(tested.variant as {{ north_star_type_text() }}) as variant,
        cast(comparisons.control_variant as {{ north_star_type_text() }}) as control_variant,
        cast(comparisons.owner_team as {{ north_star_type_text() }}) as owner_team,
        cast(tested.units as {{ dbt.type_bigint() }}) as units,
        cast(tested.control_units as {{ dbt.type_bigint() }}) as control_units,
        cast(tested.mean as {{ double }}) as mean,
        cast(tested.control_mean as {{ double }}) as control_mean,
        cast(tested.mean - tested.control_mean as {{ double }}) as absolute_lift,
        cast(tested.relative_lift as {{ double }}) as relative_lift,
        cast(tested.relative_lift_ci_lower as {{ double }}) as relative_lift_ci_lower,
        cast(tested.relative_lift_ci_upper as {{ double }}) as relative_lift_ci_upper,
        cast(tested.p_value as {{ double }}) as p_value,
        cast(tested.cuped_theta as {{ double }}) as cuped_theta,
        cast(tested.cuped_relative_lift as {{ double }}) as cuped_relative_lift,
        cast(tested.cuped_relative_lift_ci_lower as {{ double }}) as cuped_relative_lift_ci_lower,
        cast(tested.cuped_relative_lift_ci_upper as {{ double }}) as cuped_relative_lift_ci_upper,
        cast(tested.cuped_p_value as {{ double }}) as cuped_p_value,
        cast(tested.srm_p_value as {{ double }}) as srm_p_value,
        coalesce(tested.p_value < {{ alpha }} and tested.srm_p_value >= {{ srm_alpha }}, false) as is_significant
    from tested
    inner join comparisons
        on
            tested.experiment_id = comparisons.experiment_id
            and tested.variant = comparisons.variant

)

select * from final
