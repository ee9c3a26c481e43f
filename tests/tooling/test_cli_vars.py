"""The user's `--vars` reach dbt: `python -m tooling.cli dbt -- ... --vars X` merges them
with the mode's own vars into the single `--vars` dbt keeps (it ignores all but the last)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

import pytest

from tooling.dbt_runner import ROOT, DbtVarsError, merge_vars_args

BASE = {"north_star_package_tests": False}


def test_vars_are_taken_out_of_the_arguments_and_merged_over_the_base():
    rest, merged = merge_vars_args(["build", "--vars", '{"a": 1}', "--select", "m"], BASE)
    assert rest == ["build", "--select", "m"]
    assert merged == {"north_star_package_tests": False, "a": 1}


def test_both_forms_merge_left_to_right_and_later_keys_win():
    args = ["build", "--vars", '{"a": 1, "b": 1}', "--vars={b: 2, c: 2}", "--vars", "{c: 3}"]
    rest, merged = merge_vars_args(args, BASE)
    assert rest == ["build"]
    assert merged == {"north_star_package_tests": False, "a": 1, "b": 2, "c": 3}


def test_the_users_value_wins_over_the_modes():
    _, merged = merge_vars_args(["build", "--vars", "north_star_package_tests: true"], BASE)
    assert merged == {"north_star_package_tests": True}


def test_yaml_values_keep_their_type():
    _, merged = merge_vars_args(["build", "--vars", "{start: 2026-01-01}"], {})
    assert merged == {"start": datetime.date(2026, 1, 1)}


def test_arguments_without_vars_are_left_alone():
    args = ["compile", "--inline", "select '--vars' as x"]
    assert merge_vars_args(args, BASE) == (args, BASE)


@pytest.mark.parametrize("args", [
    ["build", "--vars", "[1, 2]"],
    ["build", "--vars=just a string"],
    ["build", "--vars", ""],
    ["build", "--vars", "{a: [1"],
    ["build", "--vars"],
])
def test_a_value_that_is_not_a_dictionary_is_refused(args):
    with pytest.raises(DbtVarsError):
        merge_vars_args(args, BASE)


def _cli_dbt(tmp_path, *dbt_args: str) -> subprocess.CompletedProcess:
    """The CLI in air-gapped mode (base var north_star_package_tests: false), with its
    database, target and logs in tmp_path so that it leaves the checkout alone."""
    env = {**os.environ, "NORTH_STAR_AIRGAPPED": "1",
           "NORTH_STAR_DUCKDB_PATH": str(tmp_path / "north_star.duckdb"),
           "NORTH_STAR_DUCKDB_TEMP_DIR": str(tmp_path / "duckdb_tmp")}
    command = [sys.executable, "-m", "tooling.cli", "dbt", "--", *dbt_args,
               "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


def test_cli_passes_the_users_vars_to_dbt(tmp_path):
    inline = ("select '{{ var(\"north_star_package_tests\") }}"
              "|{{ var(\"north_star_events_table\") }}' as probe")
    result = _cli_dbt(tmp_path, "compile", "--inline", inline,
                      "--vars", '{"north_star_events_table": "zzz_users_events"}')
    assert result.returncode == 0, result.stdout + result.stderr
    # The user's var and the air-gapped mode's own both took effect.
    assert "select 'False|zzz_users_events' as probe" in result.stdout, result.stdout


def test_cli_refuses_vars_that_are_not_a_dictionary_in_one_line(tmp_path):
    result = _cli_dbt(tmp_path, "compile", "--inline", "select 1 as x", "--vars", "[1, 2]")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "north_star: --vars must be a dictionary such as '{\"key\": \"value\"}', "
        "not list: '[1, 2]'"]
