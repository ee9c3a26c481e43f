"""The experiment readout built once per engine that `--engine` names, DuckDB and
PostgreSQL (as tests/scenarios does): every test that uses `experiment_build` runs on each
of them, its id starting with the engine, DuckDB's first. Not on Spark: the experiment
models and statistics macros are the same SQL on every engine (no Spark dispatch), and
the engine comparison of `make test` builds the demo's experiment marts on Spark and
compares them with DuckDB's row by row; a Spark build here cost 3½ minutes of CI. PostgreSQL builds
use a throwaway server of their own (tooling.engines.start_postgres, stopped at the end),
or the server NORTH_STAR_PG_HOST and its companions name (schemas of our own, dropped)."""

from __future__ import annotations

import contextlib
import os

import pytest

from tests.scenarios.backends import PostgresTarget, drop_postgres_schemas
from tooling.engines import expand_engines

from .builds import ExperimentBuild, build_and_read
from .experiment_data import ExperimentData, generate


EXPERIMENT_ENGINES = ("duckdb", "postgres")


def pytest_generate_tests(metafunc):
    if "experiment_build" in metafunc.fixturenames:
        engines = [engine for engine in expand_engines(metafunc.config.getoption("--engine"))
                   if engine in EXPERIMENT_ENGINES]
        metafunc.parametrize("experiment_engine", engines, indirect=True, scope="session")


@pytest.fixture(scope="session")
def experiment_engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def experiment_data() -> ExperimentData:
    return generate()


@contextlib.contextmanager
def _postgres():
    if os.environ.get("NORTH_STAR_PG_HOST"):
        target = PostgresTarget({"NORTH_STAR_TARGET": "postgres"}, f"_{os.getpid()}")
        try:
            yield target
        finally:
            if target.created:
                drop_postgres_schemas(target.env, target.created)
    else:
        from tooling.engines import start_postgres, stop_postgres

        env, server_dir = start_postgres()
        try:
            yield PostgresTarget(env)
        finally:
            stop_postgres(server_dir)


class ExperimentBuilds:
    def __init__(self, tmp_path_factory, data: ExperimentData, stack: contextlib.ExitStack):
        self._factory, self._data, self._stack = tmp_path_factory, data, stack
        self._builds: dict[str, ExperimentBuild | Exception] = {}
        self._postgres = None

    def get(self, engine: str) -> ExperimentBuild:
        """The engine's build, made on first use; a failed build fails each of its tests."""
        if engine not in self._builds:
            try:
                if engine == "postgres" and self._postgres is None:
                    self._postgres = self._stack.enter_context(_postgres())
                self._builds[engine] = build_and_read(engine, self._factory.mktemp(f"experiments_{engine}"),
                                                      self._data, self._postgres)
            except Exception as error:  # noqa: BLE001 - re-raised for every test of the engine
                self._builds[engine] = error
        build = self._builds[engine]
        if isinstance(build, Exception):
            raise build
        return build


@pytest.fixture(scope="session")
def experiment_builds(tmp_path_factory, experiment_data):
    with contextlib.ExitStack() as stack:
        yield ExperimentBuilds(tmp_path_factory, experiment_data, stack)


@pytest.fixture
def experiment_build(experiment_builds, experiment_engine) -> ExperimentBuild:
    return experiment_builds.get(experiment_engine)
