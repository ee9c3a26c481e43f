"""The experiment readout against independent computations, on every engine `--engine`
names, over the generated experiments of experiment_data (a real effect, none, a
sample-ratio mismatch, organization units with three variants):

* every unit of fct_north_star_experiment_units — which units are kept, their variant,
  assignment day, completeness and each outcome over the horizon and the pre-period —
  equals the reference model's (tests/scenarios/reference_model.py: Python sets, day by
  day, no spans);
* every statistic of fct_north_star_experiment_results is recomputed from the units
  mart with numpy and scipy and agrees to 1e-6 (relative; p-values relative too, so a
  tiny p-value must have its digits). p-values follow the documented normal
  approximation of Welch's t, so the reference is scipy.stats.norm on the Welch statistic
  — which is checked to be scipy.stats.ttest_ind(equal_var=False)'s statistic;
* the experiments read as they were generated (the lift is found, the null experiment
  and the organizations' are not significant, the mismatch is flagged);
* excluded rows are audited with their reason and every row reconciles;
* on DuckDB, each wrong variant of the marts (mutants.py) is told apart by the same
  comparisons.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import numpy as np
import pytest
from scipy import stats

from .experiment_data import EXPERIMENTS, OUTCOMES, reference_outcomes, used_units
from .mutants import MUTANTS, RESULTS

ALPHA = 0.05          # north_star_experiment_alpha's default, which the builds keep
SRM_ALPHA = 0.001
TOLERANCE = 1e-6
UNIT_METRICS = {"user": OUTCOMES[:4], "organization": OUTCOMES}
TREE_METRICS = dict(zip(OUTCOMES, ("weekly_learning_users", "broadcasted_learnings",
                                   "consumption_of_learnings", "weekly_active_users",
                                   "activated_organizations")))
STATISTICS = ("units", "control_units", "mean", "control_mean", "absolute_lift", "relative_lift",
              "relative_lift_ci_lower", "relative_lift_ci_upper", "p_value", "cuped_theta",
              "cuped_relative_lift", "cuped_relative_lift_ci_lower", "cuped_relative_lift_ci_upper",
              "cuped_p_value", "srm_p_value", "is_significant", "tree_metric_name", "is_target_metric",
              "unit_type", "control_variant", "owner_team")


# ------------------------------------------------------------------- units

def unit_problems(units: list[dict], expected: dict) -> list[str]:
    actual = {(row["experiment_id"], row["unit_id"]): row for row in units}
    problems = [f"unit {key} missing" for key in sorted(set(expected) - set(actual))]
    problems += [f"unit {key} should not be there" for key in sorted(set(actual) - set(expected))]
    if len(actual) != len(units):
        problems.append(f"{len(units) - len(actual)} duplicate units")
    for key in sorted(set(actual) & set(expected)):
        row = actual[key]
        variant, assigned, complete, outcome, pre_period = expected[key]
        got = (row["variant"], row["assigned_date"], row["is_horizon_complete"],
               tuple(row[name] for name in OUTCOMES), tuple(row[f"{name}_pre_period"] for name in OUTCOMES))
        want = (variant, assigned, complete, outcome, pre_period)
        if got != want:
            problems.append(f"unit {key}: reference {want} != mart {got}")
    return problems


@pytest.fixture(scope="module")
def expected_units(experiment_data) -> dict:
    return reference_outcomes(experiment_data)


def test_units_match_the_reference_model(experiment_build, expected_units):
    problems = unit_problems(experiment_build.units, expected_units)
    assert expected_units and not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:15])
    assert any(not complete for _, _, complete, _, _ in expected_units.values()), "no incomplete horizon"
    assert all(row["is_control"] == (row["variant"] == dict((e[0], e[2]) for e in EXPERIMENTS)[row["experiment_id"]])
               for row in experiment_build.units)


# --------------------------------------------------------------- statistics

def _moments(y: np.ndarray) -> tuple[int, float, float]:
    return len(y), (y.mean() if len(y) else math.nan), (y.var(ddof=1) if len(y) > 1 else math.nan)


def _welch_and_delta(y_t: np.ndarray, y_c: np.ndarray) -> tuple[float, float, float, float, float]:
    """(mean, control mean, relative lift, its 95 % delta-method half width, two-sided p)."""
    (n_t, m_t, v_t), (n_c, m_c, v_c) = _moments(y_t), _moments(y_c)
    se = math.sqrt(v_t / n_t + v_c / n_c) if n_c else math.nan
    z = (m_t - m_c) / se if se > 0 else math.nan
    if n_t > 1 and n_c > 1 and se > 0:
        welch = stats.ttest_ind(y_t, y_c, equal_var=False)
        assert math.isclose(z, welch.statistic, rel_tol=1e-9), (z, welch.statistic)
    # The documented normal approximation of Student's t, computed by scipy.stats.norm.
    p = 2 * stats.norm.sf(abs(z)) if not math.isnan(z) else math.nan
    relative = m_t / m_c - 1 if n_c and m_c else math.nan
    variance = v_t / (n_t * m_c ** 2) + m_t ** 2 * v_c / (n_c * m_c ** 4) if n_c and m_c else math.nan
    return m_t, m_c, relative, stats.norm.ppf(0.975) * math.sqrt(variance), p


def expected_results(units: list[dict], alpha: float = ALPHA) -> dict[tuple, dict]:
    """Every row of fct_north_star_experiment_results, recomputed from the units mart."""
    experiments = {row[0]: row for row in EXPERIMENTS}
    complete = defaultdict(list)
    for row in units:
        if row["is_horizon_complete"]:
            complete[row["experiment_id"], row["variant"]].append(row)
    expected = {}
    for experiment_id, (_, unit_type, control, _, target, owner, _) in experiments.items():
        counts = {variant: len(rows) for (experiment, variant), rows in complete.items()
                  if experiment == experiment_id}
        srm = stats.chisquare(list(counts.values())).pvalue if len(counts) > 1 else math.nan
        for variant in sorted(set(counts) - {control}):
            treatment, control_rows = complete[experiment_id, variant], complete[experiment_id, control]
            for metric in UNIT_METRICS[unit_type]:
                def values(rows, name):
                    return np.array([row[name] for row in rows], dtype=float)
                y_t, y_c = values(treatment, metric), values(control_rows, metric)
                x_t, x_c = values(treatment, f"{metric}_pre_period"), values(control_rows, f"{metric}_pre_period")
                m_t, m_c, relative, half, p = _welch_and_delta(y_t, y_c)
                x, y = np.concatenate([x_t, x_c]), np.concatenate([y_t, y_c])
                theta = np.cov(y, x, ddof=1)[0, 1] / x.var(ddof=1) if x.var(ddof=1) > 0 else 0.0
                _, _, cuped_relative, cuped_half, cuped_p = _welch_and_delta(
                    y_t - theta * (x_t - x.mean()), y_c - theta * (x_c - x.mean()))
                expected[experiment_id, metric, variant] = {
                    "unit_type": unit_type, "control_variant": control, "owner_team": owner,
                    "tree_metric_name": TREE_METRICS[metric], "is_target_metric": TREE_METRICS[metric] == target,
                    "units": len(y_t), "control_units": len(y_c), "mean": m_t, "control_mean": m_c,
                    "absolute_lift": m_t - m_c, "relative_lift": relative,
                    "relative_lift_ci_lower": relative - half, "relative_lift_ci_upper": relative + half,
                    "p_value": p, "cuped_theta": theta, "cuped_relative_lift": cuped_relative,
                    "cuped_relative_lift_ci_lower": cuped_relative - cuped_half,
                    "cuped_relative_lift_ci_upper": cuped_relative + cuped_half,
                    "cuped_p_value": cuped_p, "srm_p_value": srm,
                    "is_significant": bool(p < alpha and srm >= SRM_ALPHA),
                }
    return expected


def agrees(actual, expected) -> bool:
    """Equal, or both missing, or within 1e-6 of the expected value, relatively (with a
    floor of 1e-12 in absolute terms, for values that should be 0)."""
    if isinstance(expected, float) and math.isnan(expected):
        return actual is None or (isinstance(actual, float) and math.isnan(actual))
    if isinstance(expected, (bool, str)) or actual is None:
        return actual == expected
    return abs(float(actual) - expected) <= TOLERANCE * abs(expected) + 1e-12


def result_problems(results: list[dict], expected: dict) -> list[str]:
    actual = {(row["experiment_id"], row["metric_name"], row["variant"]): row for row in results}
    problems = [f"row {key} missing" for key in sorted(set(expected) - set(actual))]
    problems += [f"row {key} should not be there" for key in sorted(set(actual) - set(expected))]
    for key in sorted(set(actual) & set(expected)):
        for column in STATISTICS:
            if not agrees(actual[key][column], expected[key][column]):
                problems.append(f"{key} {column}: numpy/scipy {expected[key][column]!r} != mart {actual[key][column]!r}")
    return problems


def test_every_statistic_agrees_with_numpy_and_scipy(experiment_build):
    expected = expected_results(experiment_build.units)
    problems = result_problems(experiment_build.results, expected)
    assert len(expected) == 4 + 4 + 4 + 2 * 5
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:20])


def test_the_experiments_read_as_they_were_generated(experiment_build):
    rows = {(row["experiment_id"], row["metric_name"], row["variant"]): row for row in experiment_build.results}
    lift = rows["exp_lift", "broadcasted_learnings", "treatment"]
    assert lift["is_target_metric"] and lift["is_significant"] and lift["relative_lift_ci_lower"] > 0, lift
    assert lift["cuped_p_value"] < lift["p_value"], "CUPED should sharpen a real effect here"
    null = rows["exp_null", "weekly_learning_user_days", "1"]
    assert null["is_target_metric"] and not null["is_significant"], null
    srm = [row for key, row in rows.items() if key[0] == "exp_srm"]
    assert srm and all(row["srm_p_value"] < SRM_ALPHA and not row["is_significant"] for row in srm)
    assert any(row["p_value"] < ALPHA for row in srm), "the biased comparison should look significant"
    organizations = [row for key, row in rows.items() if key[0] == "exp_org"]
    assert {row["variant"] for row in organizations} == {"digest", "banner"}
    assert all(row["srm_p_value"] >= SRM_ALPHA and row["unit_type"] == "organization" for row in organizations)
    assert not rows["exp_org", "activated_days", "digest"]["is_significant"]


# ------------------------------------------------------- exclusions and rows

def test_exclusions_are_audited_and_rows_reconcile(experiment_build, experiment_data):
    _, reasons = used_units(experiment_data)
    assert Counter(row["exclusion_reason"] for row in experiment_build.excluded) == reasons
    assert {"multiple_variants", "missing_unit_id", "missing_variant", "experiment_not_configured"} <= set(reasons)
    raw = Counter(row[0] for row in experiment_data.assignments)
    by_experiment = {row["experiment_id"]: row for row in experiment_build.reconciliation}
    assert {key: row["raw_rows"] for key, row in by_experiment.items()} == dict(raw)
    for row in by_experiment.values():
        assert row["raw_rows"] == row["used_rows"] + row["excluded_rows"] and row["unaccounted_rows"] == 0, row
        assert row["is_reconciled"] and row["used_rows"] == row["units"] + row["repeated_assignment_rows"], row
    units = Counter(row["experiment_id"] for row in experiment_build.units)
    assert {key: row["units"] for key, row in by_experiment.items() if row["units"]} == dict(units)
    assert by_experiment["exp_lift"]["repeated_assignment_rows"] > 0


# -------------------------------------------------------------- wrong variants

@pytest.mark.parametrize("mutant", list(MUTANTS))
def test_each_wrong_variant_is_caught(experiment_build, expected_units, mutant):
    if experiment_build.engine != "duckdb":
        pytest.skip("the wrong variants are built on DuckDB only")
    rows = experiment_build.mutants[mutant]
    if MUTANTS[mutant].model == RESULTS:
        problems = result_problems(rows, expected_results(experiment_build.units))
    else:
        problems = unit_problems(rows, expected_units)
    assert problems, f"the wrong variant {mutant} gives the same readout: the comparison cannot see it"
