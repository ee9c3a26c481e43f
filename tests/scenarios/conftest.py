"""Builds the marts once per engine and configuration (each build in a private target
path under pytest's tmp dir, with its own DuckDB file, PostgreSQL schemas or Spark
warehouse: backends.py) and hands them to the tests.

Every test that uses `mart_builds` runs on each engine that `--engine` names
(duckdb, postgres, spark, or all three), its id starting with the engine:
`test_scenario[postgres-s01]`, `test_marts_match_reference_model[spark-default-...]`.
Tests are grouped by engine, DuckDB's first.

The builds that the collected tests need start together as soon as the first test asks
for one, in background threads, a pool per engine: DuckDB's and PostgreSQL's all at
once (each is mostly dbt's start-up and parsing), Spark's two at a time (see
backends.parallel_builds). PostgreSQL builds share one throwaway server for the session
(tooling.engines.start_postgres; stopped at the end, also on failure, Ctrl-C or
SIGTERM), or the server that NORTH_STAR_PG_HOST and its companions name.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tooling.engines import expand_engines  # noqa: E402

from .backends import (PostgresTarget, build_and_read, drop_postgres_schemas,  # noqa: E402
                       parallel_builds)
from .configs import BUILDS  # noqa: E402
from .harness import Marts  # noqa: E402


class MartBuilds:
    """The builds of the session, by (engine, configuration)."""

    def __init__(self, tmp_path_factory, executors: dict[str, ThreadPoolExecutor],
                 postgres: PostgresTarget | None):
        self._factory = tmp_path_factory
        self._executors = executors
        self._postgres = postgres
        self._futures: dict[tuple[str, str], Future] = {}

    def start(self, engine: str, config_name: str) -> None:
        if (engine, config_name) not in self._futures:
            workdir = self._factory.mktemp(f"{engine}_{config_name}")
            self._futures[engine, config_name] = self._executors[engine].submit(
                self._build, engine, config_name, workdir)

    def _build(self, engine: str, config_name: str, workdir: Path) -> Marts:
        config = BUILDS[config_name]
        return build_and_read(engine, config_name, workdir, config.fixture_events(engine),
                              config.dbt_vars, self._postgres)

    def get(self, engine: str, config_name: str) -> Marts:
        self.start(engine, config_name)
        # Re-raises a failed build for each of its tests.
        return self._futures[engine, config_name].result()


class EngineMarts:
    """What a test gets as `mart_builds`: the builds of its engine."""

    def __init__(self, builds: MartBuilds, engine: str):
        self.engine = engine
        self._builds = builds

    def get(self, config_name: str) -> Marts:
        if self.engine not in _engines_of(config_name):
            pytest.skip(f"{config_name} is not built on {self.engine} (configs.py)")
        return self._builds.get(self.engine, config_name)


def pytest_generate_tests(metafunc):
    if "mart_builds" in metafunc.fixturenames:
        # Session scope: pytest then runs the tests grouped by engine.
        engines = expand_engines(metafunc.config.getoption("--engine"))
        metafunc.parametrize("scenario_engine", engines, indirect=True, scope="session")


def _engines_of(config_name: str) -> tuple[str, ...]:
    """The engines a build runs on (configs.py names them)."""
    return BUILDS[config_name].engines()


def _builds_used(items) -> list[tuple[str, str]]:
    used = []
    for item in items:
        if "mart_builds" not in getattr(item, "fixturenames", ()):
            continue
        params = getattr(getattr(item, "callspec", None), "params", {})
        module_config = getattr(getattr(item, "module", None), "CONFIG", None)
        name = params.get("config_name") or (module_config.name if module_config else None)
        engine = params.get("scenario_engine")
        if name and engine and engine in _engines_of(name) and (engine, name) not in used:
            used.append((engine, name))
    return used


@contextlib.contextmanager
def _postgres_target():
    if os.environ.get("NORTH_STAR_PG_HOST"):
        # A server given from outside (e.g. .ci/postgres.sh): schemas of our own, dropped after.
        target = PostgresTarget({"NORTH_STAR_TARGET": "postgres"}, f"_{os.getpid()}")
        try:
            yield target
        finally:
            if target.created:
                drop_postgres_schemas(target.env, target.created)
    else:
        # What tooling.engines.postgres_server does, without its SIGTERM handler (a
        # SystemExit inside a test fails that test and pytest goes on): ours below.
        from tooling.engines import start_postgres, stop_postgres

        env, server_dir = start_postgres()
        try:
            yield PostgresTarget(env)
        finally:
            stop_postgres(server_dir)


@contextlib.contextmanager
def _sigterm_interrupts():
    """SIGTERM ends the session as Ctrl-C does: pytest stops and tears the fixtures down
    (the server is stopped; running builds finish, pending ones are dropped)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _pool(engine: str, workers: int):
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"dbt-{engine}")
    try:
        yield executor
    finally:
        # Builds not started yet (e.g. after `-x`) are dropped; running ones finish.
        executor.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="session")
def scenario_engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def scenario_builds(request, tmp_path_factory):
    used = _builds_used(request.session.items)
    engines = expand_engines(request.config.getoption("--engine"))
    with contextlib.ExitStack() as stack:
        stack.enter_context(_sigterm_interrupts())
        # No server when no collected test runs on PostgreSQL (e.g. `--engine all -k duckdb`).
        wanted = "postgres" in {engine for engine, _ in used}
        postgres = stack.enter_context(_postgres_target()) if wanted else None
        executors = {engine: stack.enter_context(
                         _pool(engine, parallel_builds(engine, len(BUILDS))))
                     for engine in engines}
        builds = MartBuilds(tmp_path_factory, executors, postgres)
        for engine, config_name in used:
            builds.start(engine, config_name)
        yield builds


@pytest.fixture
def mart_builds(scenario_builds, scenario_engine) -> EngineMarts:
    return EngineMarts(scenario_builds, scenario_engine)
