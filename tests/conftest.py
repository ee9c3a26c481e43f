"""Shared pytest setup: the repository root is importable, `--engine` picks the warehouse,
tests are grouped for pytest-xdist's `--dist loadgroup`: the scenario suites share
their builds (one group), so do the experiment suites (another), other modules keep their
module-scoped builds (a group per file), and modules whose tests share nothing are spread
test by test; and dbt commands are forked from a process that has imported dbt once
(tooling.preloaded_dbt), which saves each of the suite's hundred-odd commands about two
seconds of CPU."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tooling.dbt_runner import resolve_mode, run_dbt, use_preloaded_dbt  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--engine", default="duckdb", choices=["duckdb", "postgres", "spark", "all"],
                     help="warehouse(s) the scenario suites run on")


def pytest_configure(config):
    use_preloaded_dbt()


@pytest.fixture(scope="session")
def engine(request) -> str:
    return request.config.getoption("--engine")


@pytest.fixture(scope="session")
def parsed_manifest(tmp_path_factory) -> dict:
    """The project's manifest.json after `dbt parse`, for tests of its structure."""
    target = tmp_path_factory.mktemp("parse") / "target"
    result = run_dbt(resolve_mode(quiet=True), ["parse"], target_path=target, capture=True,
                     env={"NORTH_STAR_DUCKDB_PATH": str(target.parent / "parse.duckdb")})
    assert result.returncode == 0, result.stdout[-3000:]
    return json.loads((target / "manifest.json").read_text())


INDEPENDENT_TESTS = {"incremental/test_incremental_equivalence.py"}
# Folders whose modules share session builds: one group (one worker) each.
SHARED_BUILDS = {"scenarios", "experiments"}


# Before xdist's own hook, which reads the groups into the test ids.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        parts = item.path.relative_to(ROOT / "tests").parts
        module = "/".join(parts)
        if module not in INDEPENDENT_TESTS:
            item.add_marker(pytest.mark.xdist_group(parts[0] if parts[0] in SHARED_BUILDS else module))
