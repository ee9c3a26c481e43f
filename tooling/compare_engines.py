"""Builds the demo data on DuckDB, PostgreSQL and Spark and compares the marts row by row.

Each engine gets its own target path (target/<engine>: dbt's artifacts, and the DuckDB
file or the Spark warehouse and metastore), emptied first unless --reuse, and a
`dbt build` (seeds, models, data tests, unit tests — not on Spark, BUILD_ARGS), then an incremental `dbt run` over the
same events, which must change no mart. The marts are then read back through each engine (the duckdb module; psycopg2
against the throwaway PostgreSQL; a pyspark session over the parquet tables) and
compared with the first engine's as sorted lists of normalised rows. Any difference
fails.

    python -m tooling.compare_engines                      # all three engines
    python -m tooling.compare_engines --engines duckdb postgres
    python -m tooling.compare_engines --verbose            # stream dbt's output

Exit status: 0 identical, 1 a mart differs, 2 a build or read failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tooling.dbt_runner import ROOT, DbtMode, resolve_mode, run_dbt  # noqa: E402
from tooling.engines import ENGINES, engine_env, spark_session_conf  # noqa: E402

MARTS = (
    "fct_north_star_daily",
    "fct_north_star_weekly",
    "fct_organization_north_star_daily",
    "dim_learnings",
    "dim_users",
    "dim_organizations",
    "fct_north_star_metrics_daily",
    "fct_north_star_growth_accounting",
    "fct_organization_growth_accounting",
    "fct_north_star_experiment_units",
    "fct_north_star_experiment_results",
)
SHOWN_DIFFERENCES = 5
# Spark's build runs the data tests but not the unit tests: each of those is a Spark query
# of its own over inline fixtures (6 s apiece, 160 s a build, the longest step of CI),
# and they check the same SQL that DuckDB's and PostgreSQL's builds run them on, and that
# the Spark scenario builds and this comparison check on real data.
BUILD_ARGS = {"spark": ["--exclude-resource-type", "unit_test"]}


class EngineFailure(Exception):
    pass


# ---------------------------------------------------------------- normalised values

def normalise(value):
    """One representation per value whatever the engine's driver returned: text,
    integers, booleans, ISO dates and microsecond timestamps (timestamps are UTC and
    without zone in every mart)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else format(value.normalize(), "f")
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 9)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sort_key(row: tuple) -> tuple:
    return tuple((value is not None, type(value).__name__, value) for value in row)


def normalise_table(columns: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    normalised = [tuple(normalise(value) for value in row) for row in rows]
    return [column.lower() for column in columns], sorted(normalised, key=_sort_key)


# ------------------------------------------------------------- reading each engine

def read_duckdb(env: dict, tables) -> dict:
    import duckdb

    connection = duckdb.connect(env["NORTH_STAR_DUCKDB_PATH"], read_only=True)
    try:
        result = {}
        for table in tables:
            cursor = connection.execute(f'select * from main."{table}"')
            columns = [description[0] for description in cursor.description]
            result[table] = normalise_table(columns, cursor.fetchall())
        return result
    finally:
        connection.close()


def read_postgres(env: dict, tables) -> dict:
    import psycopg2

    def setting(name, default):
        return env.get(name) or os.environ.get(name) or default

    connection = psycopg2.connect(
        host=setting("NORTH_STAR_PG_HOST", "127.0.0.1"),
        port=int(setting("NORTH_STAR_PG_PORT", "5432")),
        user=setting("NORTH_STAR_PG_USER", "postgres"),
        password=setting("NORTH_STAR_PG_PASSWORD", ""),
        dbname=setting("NORTH_STAR_PG_DATABASE", "postgres"),
    )
    schema = setting("NORTH_STAR_PG_SCHEMA", "north_star")
    try:
        result = {}
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f'select * from "{schema}"."{table}"')
                columns = [description[0] for description in cursor.description]
                result[table] = normalise_table(columns, cursor.fetchall())
        return result
    finally:
        connection.close()


def read_spark(env: dict, tables, target_path: Path) -> dict:
    """Reads the tables through a local pyspark session on the build's own metastore
    (the dbt process has ended, so the embedded Derby database is free)."""
    for name in ("SPARK_LOCAL_IP", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON"):
        if name in env:
            os.environ.setdefault(name, env[name])
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import TimestampType

    schema = env.get("NORTH_STAR_SPARK_SCHEMA") or os.environ.get("NORTH_STAR_SPARK_SCHEMA", "north_star")
    builder = SparkSession.builder.appName("north_star_compare").enableHiveSupport()
    for key, value in spark_session_conf(Path(env["NORTH_STAR_SPARK_DIR"])).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        result = {}
        for table in tables:
            frame = spark.table(f"{schema}.{table}")
            # Python converts Spark timestamps in the process's local zone: render them
            # as text in the session's zone (UTC) instead, and parse that.
            stamps = [position for position, field in enumerate(frame.schema.fields)
                      if isinstance(field.dataType, TimestampType)]
            frame = frame.select([
                F.date_format(F.col(field.name), "yyyy-MM-dd HH:mm:ss.SSSSSS").alias(field.name)
                if position in stamps else F.col(field.name)
                for position, field in enumerate(frame.schema.fields)
            ])
            rows = [_parse_stamps(tuple(row), stamps) for row in frame.collect()]
            result[table] = normalise_table(frame.columns, rows)
        return result
    finally:
        spark.stop()


def _parse_stamps(row: tuple, positions: list[int]) -> tuple:
    values = list(row)
    for position in positions:
        if values[position] is not None:
            values[position] = dt.datetime.fromisoformat(values[position])
    return tuple(values)


def read_engine(engine: str, env: dict, target_path: Path, tables=MARTS) -> dict:
    if engine == "duckdb":
        return read_duckdb(env, tables)
    if engine == "postgres":
        return read_postgres(env, tables)
    if engine == "spark":
        return read_spark(env, tables, target_path)
    raise ValueError(engine)


# ------------------------------------------------------------------ build and read

def build_and_read(engine: str, mode: DbtMode, target_path: Path, dbt_args: list[str],
                   verbose: bool = False) -> tuple[dict, float]:
    """Runs `dbt build` for engine (inside its server's lifetime) and reads the marts
    back; returns them and the build's duration in seconds."""
    with engine_env(engine, target_path) as env:
        started = time.monotonic()
        completed = run_dbt(mode, ["build", *dbt_args], env=env, target_path=target_path,
                            capture=not verbose)
        duration = time.monotonic() - started
        if not verbose:
            (target_path / "dbt_build.log").write_text(completed.stdout + completed.stderr)
        if completed.returncode != 0:
            tail = "" if verbose else "\n".join(completed.stdout.splitlines()[-40:])
            raise EngineFailure(f"dbt build failed on {engine} (exit {completed.returncode}) "
                                f"after {duration:.0f} s\n{tail}")
        # Spark's reader holds the embedded metastore until this process ends: read it last.
        built = None if engine == "spark" else read_marts(engine, env, target_path)
        # A second, incremental run over the same events runs each incremental strategy
        # on this engine; it must leave every mart as the build left it (and so, on
        # Spark, as the other engines built them).
        completed = run_dbt(mode, ["run"], env=env, target_path=target_path, capture=not verbose)
        if completed.returncode != 0:
            tail = "" if verbose else "\n".join(completed.stdout.splitlines()[-40:])
            raise EngineFailure(f"the incremental dbt run failed on {engine} (exit {completed.returncode})\n{tail}")
        rerun = read_marts(engine, env, target_path)
        changed = [table for table in MARTS if built is not None and built[table] != rerun[table]]
        if changed:
            raise EngineFailure(f"an incremental run with no new events changed {', '.join(changed)} on {engine}")
        return rerun, duration


def read_marts(engine: str, env: dict, target_path: Path) -> dict:
    try:
        return read_engine(engine, env, target_path)
    except Exception as error:  # noqa: BLE001 - reported with the engine's name
        raise EngineFailure(f"reading the marts back from {engine} failed: {error!r}") from error


# ------------------------------------------------------------------------ compare

def compare_tables(table: str, base_engine: str, base, engine: str, other) -> list[str]:
    """The differences between two normalised tables, as printable lines (none: same)."""
    base_columns, base_rows = base
    other_columns, other_rows = other
    if sorted(base_columns) != sorted(other_columns):
        return [f"{table}: columns differ\n  {base_engine}: {base_columns}\n  {engine}: {other_columns}"]
    if other_columns != base_columns:
        # Column order is not compared: Spark puts partition columns last.
        order = [other_columns.index(column) for column in base_columns]
        other_rows = sorted((tuple(row[position] for position in order) for row in other_rows),
                            key=_sort_key)
    if base_rows == other_rows:
        return []
    lines = [f"{table}: {base_engine} has {len(base_rows)} rows, {engine} has {len(other_rows)}"]
    shown = 0
    for position in range(max(len(base_rows), len(other_rows))):
        left = base_rows[position] if position < len(base_rows) else None
        right = other_rows[position] if position < len(other_rows) else None
        if left == right:
            continue
        lines.append(f"  first difference at sorted row {position}:" if shown == 0 else
                     f"  sorted row {position}:")
        lines.append(f"    {base_engine:>8}: {_describe(base_columns, left)}")
        lines.append(f"    {engine:>8}: {_describe(base_columns, right)}")
        if left is not None and right is not None:
            changed = [column for column, a, b in zip(base_columns, left, right) if a != b]
            lines.append(f"    columns: {', '.join(changed)}")
        shown += 1
        if shown == SHOWN_DIFFERENCES:
            break
    only_base = set(base_rows) - set(other_rows)
    only_other = set(other_rows) - set(base_rows)
    lines.append(f"  rows only in {base_engine}: {len(only_base)}, only in {engine}: {len(only_other)}")
    return lines


def _describe(columns: list[str], row) -> str:
    if row is None:
        return "(no row)"
    return ", ".join(f"{column}={value!r}" for column, value in zip(columns, row))


def compare(results: dict[str, dict]) -> list[str]:
    engines = list(results)
    base_engine = engines[0]
    differences = []
    for engine in engines[1:]:
        for table in MARTS:
            differences += compare_tables(table, base_engine, results[base_engine][table],
                                          engine, results[engine][table])
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tooling.compare_engines", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES),
                        help="engines to build and compare (the first is the reference)")
    parser.add_argument("--target-root", type=Path, default=ROOT / "target",
                        help="each engine builds into TARGET_ROOT/<engine> (default: target)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep TARGET_ROOT/<engine> from an earlier run (DuckDB file, Spark "
                             "warehouse): dbt then builds incrementally on it; by default each "
                             "engine starts empty")
    parser.add_argument("--verbose", action="store_true", help="stream dbt's output")
    args = parser.parse_args(argv)
    if len(args.engines) < 2:
        parser.error("--engines: give at least two engines to compare")

    mode = resolve_mode()

    def build_one(engine: str) -> tuple[dict, float]:
        target_path = (args.target_root / engine).resolve()
        if not args.reuse:
            shutil.rmtree(target_path, ignore_errors=True)
        print(f"north_star: building the demo data on {engine} (target path {target_path})...",
              flush=True)
        marts, duration = build_and_read(engine, mode, target_path, BUILD_ARGS.get(engine, []), args.verbose)
        counts = ", ".join(f"{table} {len(marts[table][1])}" for table in MARTS)
        print(f"north_star: {engine}: dbt build passed in {duration:.0f} s; rows: {counts}", flush=True)
        return marts, duration

    # The engines build side by side (Spark's build is mostly waiting on its JVM);
    # PostgreSQL's in this thread, as its server's SIGTERM handler needs the main thread.
    outcomes: dict[str, tuple[dict, float] | EngineFailure] = {}
    with ThreadPoolExecutor(max_workers=len(args.engines)) as pool:
        futures = {engine: pool.submit(build_one, engine) for engine in args.engines if engine != "postgres"}
        if "postgres" in args.engines:
            try:
                outcomes["postgres"] = build_one("postgres")
            except EngineFailure as failure:
                outcomes["postgres"] = failure
        for engine, future in futures.items():
            try:
                outcomes[engine] = future.result()
            except EngineFailure as failure:
                outcomes[engine] = failure
    failures = [outcome for outcome in outcomes.values() if isinstance(outcome, EngineFailure)]
    for failure in failures:
        print(f"north_star: {failure}", file=sys.stderr)
    if failures:
        return 2
    results = {engine: outcomes[engine][0] for engine in args.engines}

    differences = compare(results)
    if differences:
        print("north_star: the marts differ between engines:", file=sys.stderr)
        print("\n".join(differences), file=sys.stderr)
        return 1
    print(f"north_star: the {len(MARTS)} marts are identical on {', '.join(results)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
