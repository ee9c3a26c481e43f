"""PostgreSQL for tooling.benchmark: a throwaway server holding the benchmark's raw events.

`postgres_warehouse(database, schema, tables)` starts a server with
tooling.engines.postgres_server (start_postgres, and stop_postgres in a `finally`, also on
SIGTERM), copies the given tables of the benchmark's DuckDB file into it with the same
columns and types, and yields a PostgresWarehouse. The rows travel as CSV: a child process
runs DuckDB's `COPY ... TO '/dev/stdout'` and psycopg2's copy_expert reads its output, so
no table is ever held in memory or on disk in between (DuckDB's postgres extension would
do it in one statement, but it is downloaded on first use). DuckDB's progress bar is
switched off in that process: it writes to the same stdout, and after two seconds (at 10M
events) its carriage returns landed in the rows PostgreSQL read. DuckDB's CSV writes NULL
as an empty field and an empty string as `""`, which is how PostgreSQL's CSV format tells
them apart, so blank ids stay blank and missing ones stay NULL.

The server's memory is the peak of the summed proportional set size (PSS) of its
processes, sampled every SAMPLE_SECONDS: every backend maps the shared buffers, so a sum
of RSS would count them once per backend; PSS charges each shared page to its processes
in equal parts. A peak shorter than a sample interval can be missed.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import duckdb
import psycopg2

from tooling.engines import postgres_server

SAMPLE_SECONDS = 0.1
# The only types the event generator writes; any other stops the copy instead of guessing.
POSTGRES_TYPES = {"VARCHAR": "text", "TIMESTAMP": "timestamp"}
COPY_CHUNK_BYTES = 1 << 20
# Run in a child process: DuckDB writes the table as CSV to the pipe psycopg2 reads.
DUCKDB_CSV_OUT = (
    "import duckdb, sys\n"
    "connection = duckdb.connect(sys.argv[1], read_only=True)\n"
    "connection.execute('set enable_progress_bar = false')\n"
    "connection.execute(f\"copy (select * from {sys.argv[2]}) to '/dev/stdout' (format csv, header false)\")\n"
)


class ServerMemory:
    """While the block runs, samples the summed PSS of a server's processes (the postmaster
    and its children); `peak_bytes` is the largest sum, None when /proc could not be read."""

    def __init__(self, postmaster_pid: int):
        self.postmaster_pid = postmaster_pid
        self.peak_bytes: int | None = 0
        self._stop = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> ServerMemory:
        self._sampler.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._sampler.join()

    def _sample(self) -> None:
        while True:
            try:
                self.peak_bytes = max(self.peak_bytes, process_tree_pss_bytes(self.postmaster_pid))
            except PermissionError:
                self.peak_bytes = None
                return
            if self._stop.wait(SAMPLE_SECONDS):
                return


def process_tree_pss_bytes(pid: int) -> int:
    """PSS of a process and its children; a child that ends while being read counts 0."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0
    for process in [pid, *map(int, children)]:
        try:
            rollup = Path(f"/proc/{process}/smaps_rollup").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")) * 1024
    return total


class PostgresWarehouse:
    """A running server holding the raw tables; `env` is the postgres target's."""

    engine = "postgres"

    def __init__(self, env: dict[str, str]):
        self.env = env
        data_directory = self.query("select setting from pg_settings where name = 'data_directory'")[0][0]
        self.postmaster_pid = int((Path(data_directory) / "postmaster.pid").read_text().split()[0])

    def dbt_env(self) -> dict[str, str]:
        return self.env

    def connect(self):
        return psycopg2.connect(host=self.env["NORTH_STAR_PG_HOST"], port=int(self.env["NORTH_STAR_PG_PORT"]),
                                user=self.env["NORTH_STAR_PG_USER"], password=self.env["NORTH_STAR_PG_PASSWORD"],
                                dbname=self.env["NORTH_STAR_PG_DATABASE"])

    def query(self, sql: str) -> list[tuple]:
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()
        finally:
            connection.close()

    def execute(self, sql: str) -> None:
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
            connection.commit()
        finally:
            connection.close()

    def server_settings(self) -> dict:
        """What decides the server's speed, for results.json."""
        settings = {"version": self.query("show server_version")[0][0]}
        for name in ("shared_buffers", "work_mem", "max_parallel_workers_per_gather", "jit"):
            settings[name] = self.query(f"show {name}")[0][0]
        return settings

    def memory(self) -> ServerMemory:
        return ServerMemory(self.postmaster_pid)

    def load(self, database: Path, schema: str, tables: dict[str, int]) -> None:
        """Copies each `schema.table` of the DuckDB file (its expected row count in
        `tables`) into a new table of the same name and columns, then analyzes them."""
        self.execute(f"create schema {schema}")
        for table, expected_rows in tables.items():
            columns = duckdb_columns(database, schema, table)
            self.execute(f"create table {schema}.{table} ("
                         + ", ".join(f"{name} {POSTGRES_TYPES[kind]}" for name, kind in columns) + ")")
            copied = self.copy_from_duckdb(database, f"{schema}.{table}")
            if copied != expected_rows:
                raise RuntimeError(f"copied {copied:,} rows of {schema}.{table}, expected {expected_rows:,}")
        self.execute("analyze " + ", ".join(f"{schema}.{table}" for table in tables))

    def copy_from_duckdb(self, database: Path, relation: str) -> int:
        """Streams `relation` from the DuckDB file into the same relation here; rows copied."""
        exporter = subprocess.Popen([sys.executable, "-c", DUCKDB_CSV_OUT, str(database), relation],
                                    stdout=subprocess.PIPE)
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.copy_expert(f"copy {relation} from stdin with (format csv)", exporter.stdout,
                                   size=COPY_CHUNK_BYTES)
                copied = cursor.rowcount
            connection.commit()
        finally:
            connection.close()
            # After a failed COPY this makes DuckDB's next write fail, so it exits.
            exporter.stdout.close()
            exit_code = exporter.wait()
        if exit_code != 0:
            raise RuntimeError(f"DuckDB's CSV export of {relation} failed (exit {exit_code})")
        return copied

    def lower_bound(self, select: str) -> tuple[float, int | None]:
        """`select` materialized as a table in a connection of its own: (seconds, the
        server's peak memory meanwhile)."""
        self.execute("drop table if exists public.bench_lower_bound")
        connection = self.connect()
        try:
            with connection.cursor() as cursor, self.memory() as memory:
                began = time.perf_counter()
                cursor.execute(f"create table public.bench_lower_bound as {select}")
                connection.commit()
                seconds = time.perf_counter() - began
        finally:
            connection.close()
        return seconds, memory.peak_bytes


def duckdb_columns(database: Path, schema: str, table: str) -> list[tuple[str, str]]:
    connection = duckdb.connect(str(database), read_only=True)
    try:
        return connection.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position", [schema, table]).fetchall()
    finally:
        connection.close()


@contextlib.contextmanager
def postgres_warehouse(database: Path, schema: str, tables: dict[str, int]) -> Iterator[PostgresWarehouse]:
    """A throwaway server holding `schema`'s `tables` (name -> expected rows) of the DuckDB
    file, for the block; stopped and removed after it."""
    with postgres_server() as env:
        warehouse = PostgresWarehouse(env)
        warehouse.load(database, schema, tables)
        yield warehouse
