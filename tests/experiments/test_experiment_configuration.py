"""Experiments the readout cannot compute stop the build with a message naming the
problem, on DuckDB (the checks are Jinja over the relations, the same on every engine):

* an experiments seed with bad rows fails the test north_star_valid_experiments in one
  error naming each bad row (and nothing downstream is built);
* an assignment table the vars name that does not exist, or that lacks a column, stops
  the build with a message naming it.
"""

from __future__ import annotations

import pytest

from tooling.dbt_runner import resolve_mode

from .builds import make_project, run
from .experiment_data import ExperimentData, generate

BAD_EXPERIMENTS = [
    ("twice", "user", "control", 14, "broadcasted_learnings", "Sharing team", None),
    ("twice", "user", "control", 14, "broadcasted_learnings", "Sharing team", None),
    ("by_team", "team", "control", 14, "broadcasted_learnings", None, None),
    ("no_control", "user", None, 14, "broadcasted_learnings", None, None),
    ("no_days", "user", "control", 0, "broadcasted_learnings", None, None),
    ("revenue", "user", "control", 14, "revenue", None, None),
    ("users_activate", "user", "control", 14, "activated_organizations", None, None),
    (None, "organization", "control", None, "weekly_learning_users", None, None),
    ("fine", "Organization", "control", None, "activated_organizations", None, None),
]
EXPECTED_PROBLEMS = [
    "experiments row 'twice': the experiment_id appears more than once",
    "experiments row 'by_team': unit_type 'team' is not user or organization",
    "experiments row 'no_control': missing control_variant",
    "experiments row 'no_days': horizon_days '0' is not a whole number of days from 1 to 366 (blank: 14)",
    "experiments row 'revenue': target_metric_name 'revenue' is not a metric of the tree",
    "experiments row 'users_activate': activated_organizations has no per-user outcome; randomize organizations",
    "experiments row 8: missing experiment_id",
]


@pytest.fixture(scope="module")
def small_data(engine) -> ExperimentData:
    if engine not in ("duckdb", "all"):
        pytest.skip("the configuration checks run on DuckDB")
    data = generate()
    return ExperimentData(data.events[:500], data.assignments[:50])


def _project(tmp_path, data, experiments=None):
    mode = make_project(tmp_path / "project", resolve_mode(quiet=True), data, "duckdb", experiments)
    env = {"NORTH_STAR_TARGET": "duckdb", "NORTH_STAR_DUCKDB_PATH": str(tmp_path / "build.duckdb"),
           "NORTH_STAR_DUCKDB_TEMP_DIR": str(tmp_path / "duckdb_tmp")}
    seeded = run(mode, tmp_path, env, "duckdb", "seed", "--select", "exp_events exp_assignments exp_experiments "
                 "north_star_event_mapping north_star_metric_tree")
    assert seeded.returncode == 0, seeded.stdout[-3000:]
    return mode, env


def test_bad_experiment_rows_are_named_in_one_error(tmp_path, small_data):
    mode, env = _project(tmp_path, small_data, BAD_EXPERIMENTS)
    result = run(mode, tmp_path, env, "duckdb", "build", "--select", "int_experiments+",
                 "--resource-type", "model", "--resource-type", "test")
    assert result.returncode != 0, result.stdout[-3000:]
    output = result.stdout
    missing = [problem for problem in EXPECTED_PROBLEMS if problem not in output]
    assert not missing, f"not reported: {missing}\n{output[-4000:]}"
    assert "'fine'" not in output, "a valid row (unit type in another case, blank horizon) was reported"
    assert "OK created sql table model main.fct_north_star_experiment_units" not in output


@pytest.mark.parametrize("table, message", [
    ("no_such_export", "the experiment assignments table \"build\".\"main\".\"no_such_export\" does not exist"),
    ("exp_experiments", "has no column 'variant'"),
])
def test_an_unusable_assignment_table_stops_the_build(tmp_path, small_data, table, message):
    mode, env = _project(tmp_path, small_data)
    result = run(mode, tmp_path, env, "duckdb", "build", "--select", "stg_experiments__assignments",
                 dbt_vars={"north_star_experiment_assignments_table": table})
    assert result.returncode != 0 and message in result.stdout, result.stdout[-3000:]
