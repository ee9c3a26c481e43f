"""dbt commands forked from the preloaded forkserver behave as `dbt` in a subprocess:
flags given on the command line reach the project, the DuckDB file holds everything the
command wrote once it ends, exit codes and output come back, and a kill is a real one."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import duckdb
import pytest

from tooling import preloaded_dbt
from tooling.dbt_runner import dbt_env


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "models").mkdir()
    (tmp_path / "dbt_project.yml").write_text(
        "name: probe\nversion: '1.0'\nconfig-version: 2\nprofile: probe\nmodel-paths: [models]\n")
    (tmp_path / "profiles.yml").write_text(
        "probe:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
        f"      path: {tmp_path / 'probe.duckdb'}\n")
    (tmp_path / "models" / "flags_seen.sql").write_text(
        "{{ config(materialized='table') }}\nselect '{{ flags.FULL_REFRESH }}' as full_refresh\n")
    return tmp_path


def dbt(project: Path, *args: str, **options):
    return preloaded_dbt.run([*args, "--project-dir", str(project), "--profiles-dir", str(project)],
                             project, dbt_env(), capture=True, **options)


def test_flags_reach_the_project_and_the_database_file_holds_the_writes(project, tmp_path):
    result = dbt(project, "build", "--full-refresh")
    assert result.returncode == 0, result.stdout[-2000:]
    # The file alone, as the incremental tests copy it: no write-ahead log beside it.
    copy = tmp_path / "copy.duckdb"
    shutil.copy(project / "probe.duckdb", copy)
    with duckdb.connect(str(copy), read_only=True) as connection:
        assert connection.execute("select full_refresh from main.flags_seen").fetchall() == [("True",)]


def test_a_failing_command_returns_its_exit_code_and_output(project):
    (project / "models" / "broken.sql").write_text("select * from a_table_that_does_not_exist\n")
    result = dbt(project, "run", "--select", "broken")
    assert result.returncode == 1
    assert "a_table_that_does_not_exist" in result.stdout


def test_a_command_killed_on_a_log_line_ends_by_sigkill(project):
    result = dbt(project, "run", on_line=lambda line: "Running with dbt" in line)
    assert result.returncode == -signal.SIGKILL
    assert "Completed successfully" not in result.stdout
