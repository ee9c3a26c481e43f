"""Shared pytest setup: the repository root is importable, `--engine` picks the warehouse,
tests are grouped for pytest-xdist's `--dist loadgroup`: the scenario suites share
their builds (one group), so do the experiment suites (another), the dashboard and
semantic-layer tests share the demo build (`demo_build`, one group), other modules keep
their module-scoped builds (a group per file), and modules whose tests share nothing are
spread test by test; and dbt commands are forked from a process that has imported dbt once
(tooling.preloaded_dbt), which saves each of the suite's hundred-odd commands about two
seconds of CPU."""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tooling.dbt_runner import DbtMode, resolve_mode, run_dbt, use_preloaded_dbt  # noqa: E402


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
# Folders whose modules share one xdist group: the scenarios' builds, the experiments'
# builds, the demo build.
SHARED_GROUPS = {"scenarios": "scenarios", "experiments": "experiments",
                 "dashboard": "demo_build", "semantic": "demo_build"}
# Modules of those folders with a build of their own.
OWN_GROUPS = {"dashboard/test_dashboard_postgres.py"}


# Before xdist's own hook, which reads the groups into the test ids.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        parts = item.path.relative_to(ROOT / "tests").parts
        module = "/".join(parts)
        if module in OWN_GROUPS:
            item.add_marker(pytest.mark.xdist_group(module))
        elif module not in INDEPENDENT_TESTS:
            item.add_marker(pytest.mark.xdist_group(SHARED_GROUPS.get(parts[0], module)))


@dataclass
class DemoBuild:
    """The demo built on DuckDB, with its docs site: `project_dir` is a private view of the
    dbt project (links to its files) whose target/ holds this build's artifacts — the
    manifests, the semantic manifest that MetricFlow reads and the generated docs site."""
    project_dir: Path
    duckdb_path: Path
    env: dict

    @property
    def target_path(self) -> Path:
        return self.project_dir / "target"

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.duckdb_path), read_only=True) as connection:
            return connection.execute(sql).fetchall()


def private_project(project_dir: Path, mode: DbtMode) -> DbtMode:
    """`mode`'s dbt project seen through a folder of links, with a target/ and logs/ of its
    own: MetricFlow reads the semantic manifest from <project>/target only."""
    project_dir.mkdir(parents=True)
    for entry in mode.project_dir.iterdir():
        if entry.name not in ("target", "logs"):
            (project_dir / entry.name).symlink_to(entry.resolve())
    return DbtMode(project_dir, mode.air_gapped, mode.base_vars)


@pytest.fixture(scope="session")
def linked_project():
    """private_project, for tests that build elsewhere than on the demo build's DuckDB."""
    return private_project


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> DemoBuild:
    """`make demo`'s build (dbt build --full-refresh of the demo data) and `dbt docs
    generate`, once for the tests that read it."""
    workdir = tmp_path_factory.mktemp("demo_build")
    mode = private_project(workdir / "project", resolve_mode(quiet=True))
    env = {"NORTH_STAR_TARGET": "duckdb", "NORTH_STAR_DUCKDB_PATH": str(workdir / "demo.duckdb"),
           "NORTH_STAR_DUCKDB_TEMP_DIR": str(workdir / "duckdb_tmp")}
    for command in (["build", "--full-refresh"], ["docs", "generate"]):
        result = run_dbt(mode, [*command, "--log-path", str(workdir / "logs")], env=env, capture=True)
        assert result.returncode == 0, f"dbt {' '.join(command)} failed:\n{result.stdout[-5000:]}"
    return DemoBuild(mode.project_dir, workdir / "demo.duckdb", env)
