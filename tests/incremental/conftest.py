"""The engines the incremental tests run on: DuckDB always, PostgreSQL as well with
`--engine postgres` or `--engine all` (on a throwaway server per pytest process, or the
one NORTH_STAR_PG_HOST names). Spark has no delete: its stored models are rebuilt from
all days every run, so there is no incremental protocol to test there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tooling.engines import expand_engines

from .warehouses import DuckDBWarehouse, PostgresWarehouse

HERE = Path(__file__).resolve().parent
SERVER_DEFAULTS = {"NORTH_STAR_PG_HOST": "127.0.0.1", "NORTH_STAR_PG_PORT": "5432",
                   "NORTH_STAR_PG_USER": "postgres", "NORTH_STAR_PG_PASSWORD": ""}


def pytest_generate_tests(metafunc):
    if "warehouse_engine" in metafunc.fixturenames:
        engines = ["duckdb"]
        if "postgres" in expand_engines(metafunc.config.getoption("--engine")):
            engines.append("postgres")
        metafunc.parametrize("warehouse_engine", engines, scope="module")


def pytest_collection_modifyitems(items):
    """Each module's tests of one engine next to each other: pytest's own order interleaved
    them, and every switch of engine tore down the module's warehouses (full builds, the
    killed runs) and built them again."""
    slots = [position for position, item in enumerate(items) if Path(item.path).parent == HERE]
    ordered = sorted((items[position] for position in slots),
                     key=lambda item: (str(item.path), _engine_of(item)))
    for position, item in zip(slots, ordered):
        items[position] = item


def _engine_of(item) -> int:
    params = getattr(getattr(item, "callspec", None), "params", {})
    return ["duckdb", "postgres"].index(params.get("warehouse_engine", "duckdb"))


@pytest.fixture(scope="session")
def incremental_postgres_server():
    if os.environ.get("NORTH_STAR_PG_HOST"):
        yield {name: os.environ.get(name, default) for name, default in SERVER_DEFAULTS.items()}
        return
    from tooling.engines import start_postgres, stop_postgres

    env, server_dir = start_postgres()
    try:
        yield env
    finally:
        stop_postgres(server_dir)


@pytest.fixture(scope="module")
def make_warehouse(request, warehouse_engine):
    """A function (folder, dbt vars) -> an empty warehouse of the engine under test."""
    if warehouse_engine == "duckdb":
        return DuckDBWarehouse
    server = request.getfixturevalue("incremental_postgres_server")
    return lambda folder, dbt_vars: PostgresWarehouse(folder, dbt_vars, server)
