"""One configuration's fixture events loaded, and its marts built and read back, on each
engine of tooling/engines.py. Every build has its own workdir (dbt's target path and
logs) and its own place for the data:

* duckdb: a database file in the workdir (harness.build_marts / read_marts);
* postgres: the session's server (conftest.py), the raw events in schema `raw_<config>`
  and the marts in `scn_<config>` (NORTH_STAR_PG_SCHEMA), so that the configurations'
  builds run side by side;
* spark: a warehouse and Derby metastore of its own under the workdir (spark_env). The
  events are loaded as the parquet table raw_fixtures.events by a pyspark process that
  exits before dbt starts, and the marts are read back by another after dbt has exited
  (spark_io.py says why).

The readers return the drivers' values as they are: for the marts' contract types
(date, bigint, boolean) datetime.date, int and bool on every engine, which the hand
expectations compare with directly.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .harness import (EVENTS_TABLE, MART_QUERIES, RAW_COLUMNS, DbtBuildError, Event, Marts,
                      build_marts, read_marts, run_build, write_events_jsonl)

SPARK_IO = Path(__file__).resolve().with_name("spark_io.py")
SPARK_RAW_SCHEMA = "raw_fixtures"


def parallel_builds(engine: str, configs: int) -> int:
    """How many of an engine's builds run at once. Spark's are CPU-bound JVMs (about 3
    CPU-minutes each here), so two at a time on a small machine; the others are mostly
    dbt's start-up."""
    if engine == "spark":
        return max(1, int(os.environ.get("NORTH_STAR_SCENARIO_SPARK_BUILDS", "2")))
    return configs


# For the JVMs of a Spark build (loader, dbt, reader): the client compiler only and the
# serial collector cut their CPU time by about a third on these short jobs; a build
# compiles code for every query of ~30 models, which once filled the default code cache
# ("Out of space in CodeCache"). A runtime setting of the JVM, not of Spark; a
# JAVA_TOOL_OPTIONS of the caller's wins.
SPARK_JAVA_TOOL_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=512m"
SPARK_DRIVER_MEMORY = "2g"   # the fixtures are small (the profile's default is 4g)
# The fixture tables spread a few rows a day over years of days: partitioned by day, every
# model stored by day would write (and every reader open) a folder per day — most of a
# build's time. These builds are full builds, which are the same without partitions;
# the demo build of `make test` keeps them (the default), and so does every user.
SPARK_BUILD_VARS = {"north_star_spark_day_partitions": False}


@dataclass
class PostgresTarget:
    """The session's server: its env (connection variables), a suffix for the schema
    names (when the server is shared with others) and the schemas created on it."""
    env: dict
    schema_suffix: str = ""
    created: list = field(default_factory=list)


def build_and_read(engine: str, config_name: str, workdir: Path, events: list[Event],
                   dbt_vars: dict, postgres: PostgresTarget | None = None) -> Marts:
    workdir.mkdir(parents=True, exist_ok=True)
    if engine == "duckdb":
        return read_marts(build_marts(workdir, events, dbt_vars))
    if engine == "postgres":
        assert postgres is not None, "postgres builds need the session's server"
        return _postgres(config_name, workdir, events, dbt_vars, postgres)
    if engine == "spark":
        return _spark(workdir, events, dbt_vars)
    raise ValueError(f"unknown engine {engine!r}")


# ----------------------------------------------------------------------- PostgreSQL

def postgres_connect(env: dict):
    import psycopg2

    def setting(name: str, default: str) -> str:
        return env.get(name) or os.environ.get(name) or default

    return psycopg2.connect(
        host=setting("NORTH_STAR_PG_HOST", "127.0.0.1"),
        port=int(setting("NORTH_STAR_PG_PORT", "5432")),
        user=setting("NORTH_STAR_PG_USER", "postgres"),
        password=setting("NORTH_STAR_PG_PASSWORD", ""),
        dbname=setting("NORTH_STAR_PG_DATABASE", "postgres"),
    )


def drop_postgres_schemas(env: dict, schemas) -> None:
    connection = postgres_connect(env)
    try:
        with connection, connection.cursor() as cursor:
            for schema in schemas:
                cursor.execute(f'drop schema if exists "{schema}" cascade')
    finally:
        connection.close()


def _postgres(config_name: str, workdir: Path, events: list[Event], dbt_vars: dict,
              target: PostgresTarget) -> Marts:
    from psycopg2.extras import execute_values

    raw_schema = f"raw_{config_name}{target.schema_suffix}"
    schema = f"scn_{config_name}{target.schema_suffix}"
    target.created += [raw_schema, schema]
    env = target.env
    kinds = {"varchar": "text", "timestamp": "timestamp"}
    connection = postgres_connect(env)
    try:
        with connection, connection.cursor() as cursor:
            for name in (raw_schema, schema):
                cursor.execute(f'drop schema if exists "{name}" cascade')
            cursor.execute(f'create schema "{raw_schema}"')
            columns = ", ".join(f"{name} {kinds[kind]}" for name, kind in RAW_COLUMNS.items())
            cursor.execute(f'create table "{raw_schema}"."{EVENTS_TABLE}" ({columns})')
            execute_values(cursor, f'insert into "{raw_schema}"."{EVENTS_TABLE}" values %s',
                           [event.as_tuple() for event in events], page_size=1000)
            cursor.execute(f'select count(*) from "{raw_schema}"."{EVENTS_TABLE}"')
            assert cursor.fetchone()[0] == len(events)
    finally:
        connection.close()

    run_build(workdir, dbt_vars, engine="postgres", events_schema=raw_schema,
              env={**env, "NORTH_STAR_TARGET": "postgres", "NORTH_STAR_PG_SCHEMA": schema})

    connection = postgres_connect(env)
    try:
        with connection.cursor() as cursor:
            marts = {}
            for attribute, (mart, columns, order) in MART_QUERIES.items():
                cursor.execute(f'select {", ".join(columns)} from "{schema}"."{mart}" '
                               f'order by {order}')
                marts[attribute] = cursor.fetchall()
        return Marts(**marts)
    finally:
        connection.close()


# ---------------------------------------------------------------------------- Spark

def _spark_io(workdir: Path, env: dict, step: str, *args: str) -> None:
    command = [sys.executable, str(SPARK_IO), step, env["NORTH_STAR_SPARK_DIR"], *args]
    completed = subprocess.run(command, env={**os.environ, **env}, cwd=workdir,
                               capture_output=True, text=True)
    (workdir / f"spark_{step}.log").write_text(completed.stdout + completed.stderr)
    if completed.returncode != 0:
        tail = "\n".join((completed.stdout + completed.stderr).splitlines()[-40:])
        raise DbtBuildError(f"spark_io.py {step} failed (exit {completed.returncode}); log in "
                            f"{workdir}:\n{tail}")


def _spark(workdir: Path, events: list[Event], dbt_vars: dict) -> Marts:
    from tooling.engines import spark_env

    env = {**spark_env(workdir),
           "NORTH_STAR_SPARK_DRIVER_MEMORY": os.environ.get("NORTH_STAR_SPARK_DRIVER_MEMORY",
                                                            SPARK_DRIVER_MEMORY),
           "JAVA_TOOL_OPTIONS": os.environ.get("JAVA_TOOL_OPTIONS", SPARK_JAVA_TOOL_OPTIONS)}
    events_jsonl = workdir / "events.jsonl"
    write_events_jsonl(events_jsonl, events)
    _spark_io(workdir, env, "load", str(events_jsonl), f"{SPARK_RAW_SCHEMA}.{EVENTS_TABLE}",
              str(len(events)))

    run_build(workdir, {**dbt_vars, **SPARK_BUILD_VARS}, engine="spark", events_schema=SPARK_RAW_SCHEMA,
              env=env)

    out = workdir / "marts.pickle"
    schema = os.environ.get("NORTH_STAR_SPARK_SCHEMA", "north_star")
    _spark_io(workdir, env, "read", schema, str(out))
    return Marts(**pickle.loads(out.read_bytes()))
