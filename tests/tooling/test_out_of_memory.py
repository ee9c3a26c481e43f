"""When DuckDB runs out of memory, dbt prints DuckDB's own advice (`SET memory_limit`), which
a dbt run cannot follow: the limit is the profile's NORTH_STAR_DUCKDB_MEMORY_LIMIT. The
runner reads run_results.json after a failed command and names the env var in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tooling.dbt_runner import ROOT, out_of_memory_hint, run_results_path

# A seed as dbt-duckdb reports it when memory_limit is too small (dbt 1.11, DuckDB 1.x).
OOM_MESSAGE = ("Runtime Error in seed north_star_demo_events (seeds/demo/north_star_demo_events.csv)\n"
               "  Out of Memory Error: could not allocate block of size 30.5 MiB (4.0 KiB/976.5 KiB used)\n"
               "  \n  Possible solutions:\n"
               "  * Increasing the memory limit (SET memory_limit='...GB')\n")


def write_results(path: Path, *messages: str | None) -> Path:
    results = [{"unique_id": f"node.{index}", "status": "error", "message": message}
               for index, message in enumerate(messages)]
    path.write_text(json.dumps({"metadata": {}, "results": results}))
    return path


def test_an_out_of_memory_result_names_the_env_var(tmp_path):
    results = write_results(tmp_path / "run_results.json", "hook passed", None, OOM_MESSAGE)
    hint = out_of_memory_hint(results, {"NORTH_STAR_DUCKDB_MEMORY_LIMIT": "3GB"})
    assert hint is not None and "\n" not in hint
    assert "NORTH_STAR_DUCKDB_MEMORY_LIMIT=3GB" in hint
    assert "NORTH_STAR_THREADS" in hint


def test_the_profiles_default_limit_is_shown_when_the_env_var_is_unset(tmp_path):
    results = write_results(tmp_path / "run_results.json", OOM_MESSAGE)
    assert "NORTH_STAR_DUCKDB_MEMORY_LIMIT=12GB" in out_of_memory_hint(results, {})


def test_other_failures_and_missing_or_stale_results_give_no_hint(tmp_path):
    other = write_results(tmp_path / "other.json", "Catalog Error: Table with name x does not exist")
    assert out_of_memory_hint(other, {}) is None
    assert out_of_memory_hint(tmp_path / "missing.json", {}) is None
    (tmp_path / "broken.json").write_text("{not json")
    assert out_of_memory_hint(tmp_path / "broken.json", {}) is None
    stale = write_results(tmp_path / "stale.json", OOM_MESSAGE)
    assert out_of_memory_hint(stale, {}, since=time.time() + 60) is None


def test_run_results_are_read_from_the_target_path_dbt_used(tmp_path):
    project = tmp_path / "project"
    assert run_results_path(project, ["build"]) == project / "target" / "run_results.json"
    assert run_results_path(project, ["build"], target_path=tmp_path / "t") == tmp_path / "t" / "run_results.json"
    assert run_results_path(project, ["seed", "--target-path", "out"]) == project / "out" / "run_results.json"
    assert run_results_path(project, ["seed", f"--target-path={tmp_path}/x"]) == tmp_path / "x" / "run_results.json"
    assert run_results_path(project, ["seed"], env={"DBT_TARGET_PATH": "envt"}) \
        == project / "envt" / "run_results.json"


def test_a_real_out_of_memory_through_the_cli(tmp_path):
    # 1MB is far too little to load the demo seed (about 28k rows): a real DuckDB OOM in ~15 s.
    env = dict(os.environ, NORTH_STAR_DUCKDB_PATH=str(tmp_path / "oom.duckdb"),
               NORTH_STAR_DUCKDB_TEMP_DIR=str(tmp_path / "spill"), NORTH_STAR_DUCKDB_MAX_TEMP="1MB",
               NORTH_STAR_DUCKDB_MEMORY_LIMIT="1MB")
    command = [sys.executable, "-m", "tooling.cli", "dbt", "--", "seed", "--select", "north_star_demo_events",
               "--target-path", str(tmp_path / "target")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0, result.stdout[-3000:]
    assert "Out of Memory Error" in result.stdout, result.stdout[-3000:]
    hints = [line for line in result.stdout.splitlines() if line.startswith("north_star: DuckDB ran out of memory")]
    assert len(hints) == 1, result.stdout[-3000:]
    assert "NORTH_STAR_DUCKDB_MEMORY_LIMIT=1MB" in hints[0]
