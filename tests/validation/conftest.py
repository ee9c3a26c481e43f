"""Runs dbt once per case of vars, cases in parallel threads (dbt is mostly start-up and
parsing, so two cores run two cases at once), each with a private DuckDB file, target
path and log path under pytest's tmp dir. Always air-gapped: these suites test the
package's own macros, not dbt_utils / dbt_expectations, and need no package hub."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from unittest import mock

import pytest

from tooling.dbt_runner import resolve_mode, run_dbt

RunCases = Callable[[list[str], dict[str, dict]], dict[str, tuple[subprocess.CompletedProcess, Path]]]


@pytest.fixture(scope="session")
def air_gapped_mode():
    with mock.patch.dict(os.environ, {"NORTH_STAR_AIRGAPPED": "1"}):
        return resolve_mode(quiet=True)


@pytest.fixture(scope="module")
def run_dbt_cases(air_gapped_mode, tmp_path_factory) -> RunCases:
    """run(args, {case: vars}) -> {case: (completed process, target path)}."""
    workspace = tmp_path_factory.mktemp("dbt_cases")

    def run_case(args: list[str], case: str, dbt_vars: dict) -> tuple[subprocess.CompletedProcess, Path]:
        workdir = workspace / case
        result = run_dbt(
            air_gapped_mode, [*args, "--log-path", str(workdir / "logs")], dbt_vars=dbt_vars,
            env={"NORTH_STAR_DUCKDB_PATH": str(workdir / "north_star.duckdb"),
                 "NORTH_STAR_DUCKDB_TEMP_DIR": str(workdir / "tmp")},
            target_path=workdir / "target", capture=True,
        )
        return result, workdir / "target"

    def run(args: list[str], cases: dict[str, dict]) -> dict[str, tuple[subprocess.CompletedProcess, Path]]:
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            futures = {case: pool.submit(run_case, args, case, dbt_vars) for case, dbt_vars in cases.items()}
            return {case: future.result() for case, future in futures.items()}

    return run
