"""Shared pytest setup: the repository root is importable, `--engine` picks the warehouse,
tests are grouped for pytest-xdist's `--dist loadgroup`: the scenario suites share
their builds (one group), so do the experiment suites (another), other modules keep their
module-scoped builds (a group per file), and modules whose tests share nothing are spread
test by test; and dbt commands are forked from a process that has imported dbt once
(tooling.preloaded_dbt), which saves each of the suite's hundred-odd commands about two
seconds of CPU."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tooling.dbt_runner import use_preloaded_dbt  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--engine", default="duckdb", choices=["duckdb", "postgres", "spark", "all"],
                     help="warehouse(s) the scenario suites run on")


def pytest_configure(config):
    use_preloaded_dbt()


@pytest.fixture(scope="session")
def engine(request) -> str:
    return request.config.getoption("--engine")


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
