"""Every north_star_* var is checked before any SQL runs, and reaches SQL only as a
checked literal.

Each bad value below used to compile (and build wrong numbers: window 0 gave WLU = WAU = 0
with every test green, window −3 a negative WAU), crash with a Python error, or paste
text into a query. Now `dbt compile` stops with exit code 2 and one line naming the var,
the value and what is allowed. Most values are refused while parsing the first model
that reads them; the lookback is read only by incremental runs, so the on-run-start hook
(which dbt renders while parsing) refuses it — also when north_star is installed as a
package. The cases run in parallel threads; each is one parse.
"""

from __future__ import annotations

import re

import pytest

from tooling.dbt_runner import ROOT, dbt_command, dbt_env
COMPILE = ["compile", "--select", "fct_north_star_daily"]

BAD_VALUES = {
    "window_zero": ("north_star_window_days", 0),
    "window_negative": ("north_star_window_days", -3),
    "window_too_long": ("north_star_window_days", 10000),
    "window_not_a_number": ("north_star_window_days", "abc"),
    "min_consumers_zero": ("north_star_min_consumers", 0),
    "min_consumers_injection": ("north_star_min_consumers", "0 or 1=1"),
    "activation_threshold_negative": ("north_star_activation_threshold", -1),
    "replay_window_negative": ("north_star_replay_window_days", -1),
    "timezone_injection": ("north_star_timezone", "UTC'; select 1; --"),
    "source_format_unknown": ("north_star_source_format", "csv"),
    "events_table_injection": ("north_star_events_table", "events; drop table users"),
    "anomaly_training_weeks_too_few": ("north_star_anomaly_training_weeks", 3),
    "anomaly_z_threshold_zero": ("north_star_anomaly_z_threshold", 0),
    "alert_severity_unknown": ("north_star_alert_severity", "fatal"),
    "experiment_alpha_too_large": ("north_star_experiment_alpha", 0.9),
    "experiment_alpha_zero": ("north_star_experiment_alpha", 0),
    "experiment_assignments_table_injection": ("north_star_experiment_assignments_table", "a; drop table b"),
    "experiments_not_a_name": ("north_star_experiments", "my experiments"),
    "semantic_layer_not_a_boolean": ("north_star_semantic_layer", "maybe"),
}
# Definitions other than every default, all at once: each is accepted and reaches SQL.
VALID_NON_DEFAULTS = {
    "north_star_window_days": 28,
    "north_star_min_consumers": "3",  # text, as env_var() renders it
    "north_star_activation_threshold": 0,
    "north_star_timezone": "America/Los_Angeles",
    "north_star_week_start": "Sunday",
    "north_star_replay_window_days": 0,
    "north_star_lookback_days": 14,
    "north_star_anomaly_z_threshold": "2.5",  # text, as env_var() renders it
    "north_star_anomaly_min_change": 0,
    "north_star_alert_severity": "ERROR",
    "north_star_experiment_alpha": "0.01",  # text, as env_var() renders it
    "north_star_semantic_layer": False,
}


@pytest.fixture(scope="module")
def compiles(run_dbt_cases):
    cases = {case: {name: value} for case, (name, value) in BAD_VALUES.items()}
    return run_dbt_cases(COMPILE, {**cases, "valid_non_defaults": VALID_NON_DEFAULTS})


def refusals(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines() if re.search(r"\bInvalid north_star_\w+:", line)]


@pytest.mark.parametrize("case", BAD_VALUES)
def test_bad_value_is_refused_in_one_line_naming_the_var(compiles, case):
    name, value = BAD_VALUES[case]
    result, _ = compiles[case]
    assert result.returncode != 0, result.stdout[-3000:]
    lines = refusals(result.stdout)
    assert len(lines) == 1, result.stdout[-3000:]
    assert f"Invalid {name}: {value!r} is not allowed; expected " in lines[0]


def test_valid_non_default_values_are_accepted_and_reach_sql(compiles):
    result, target = compiles["valid_non_defaults"]
    assert result.returncode == 0, result.stdout[-3000:]
    compiled = (target / "compiled" / "north_star" / "models" / "marts" / "fct_north_star_daily.sql").read_text()
    assert "consumer_count >= 3\n" in compiled


def test_installed_package_refuses_a_bad_var_of_the_installing_project(tmp_path):
    """The package's on-run-start hook checks the vars the installing project sets."""
    project = tmp_path / "analytics"
    (project / "dbt_packages").mkdir(parents=True)
    (project / "dbt_packages" / "north_star").symlink_to(ROOT)
    (project / "dbt_project.yml").write_text(
        "name: analytics\nversion: '1.0'\nconfig-version: 2\nprofile: analytics\n"
        "vars:\n  north_star_package_tests: false\n  north_star_lookback_days: 0\n"
    )
    (project / "profiles.yml").write_text(
        "analytics:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
        f"      path: {project / 'analytics.duckdb'}\n"
    )
    result = dbt_command(["parse", "--project-dir", str(project), "--profiles-dir", str(project)],
                         project, dbt_env(), capture=True)
    assert result.returncode != 0, result.stdout[-3000:]
    assert refusals(result.stdout) == [
        "Invalid north_star_lookback_days: 0 is not allowed; expected an integer from 1 to 366 or null."
    ], result.stdout[-3000:]
