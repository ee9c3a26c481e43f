"""The warehouses the incremental tests build in, one per engine: a DuckDB file, or a
database of its own on the session's throwaway PostgreSQL server. Each holds raw events in
`raw.events`, experiment assignments in `raw.assignments` and the package's tables in
schema `main`; a copy is a new file or a new
database made from the old one as a template (the same tables, rows and run manifest)."""

from __future__ import annotations

import itertools
import shutil
import threading
from pathlib import Path

import duckdb

from tooling.dbt_runner import resolve_mode, run_dbt

RAW_COLUMNS = ("event_id varchar, event_time timestamp, user_id varchar, org_id varchar,"
               " event_name varchar, learning_id varchar, learning_type varchar")
ASSIGNMENT_COLUMNS = "experiment_id varchar, variant varchar, unit_id varchar, assigned_at timestamp"
EVENT_VARS = {"north_star_events_schema": "raw", "north_star_events_table": "events",
              "north_star_experiment_assignments_schema": "raw",
              "north_star_experiment_assignments_table": "assignments"}


class Warehouse:
    engine = ""

    def __init__(self, folder: Path, dbt_vars: dict):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.target = folder / "target"
        self.vars = {**EVENT_VARS, **dbt_vars}
        self.mode = resolve_mode(quiet=True)

    def env(self) -> dict:
        raise NotImplementedError

    def query(self, sql: str) -> list[tuple]:
        raise NotImplementedError

    def execute(self, sql: str, rows: list[tuple] | None = None) -> None:
        raise NotImplementedError

    def copy(self, folder: Path) -> Warehouse:
        raise NotImplementedError

    def load(self, rows: list[tuple], assignments: list[tuple] = ()) -> None:
        self.execute("create schema if not exists raw")
        self.execute(f"create table if not exists raw.events ({RAW_COLUMNS})")
        self.execute(f"create table if not exists raw.assignments ({ASSIGNMENT_COLUMNS})")
        if rows:
            self.execute("insert into raw.events values (?, ?, ?, ?, ?, ?, ?)", rows)
        if assignments:
            self.execute("insert into raw.assignments values (?, ?, ?, ?)", list(assignments))

    def read_marts(self, marts: list[str]) -> dict[str, list[tuple]]:
        return {mart: sorted(self.query(f"select * from main.{mart}"), key=_sort_key) for mart in marts}

    def run(self, *args: str):
        return run_dbt(self.mode, list(args), dbt_vars=self.vars, capture=True, env=self.env(),
                       target_path=self.target)

    def dbt(self, *args: str) -> None:
        result = self.run(*args)
        assert result.returncode == 0, result.stdout[-3000:]

    def build_from_scratch(self) -> None:
        """The event mapping seed and every model, from scratch, in one dbt call."""
        self.dbt("build", "--full-refresh", "--resource-type", "seed", "--resource-type", "model",
                 "--exclude", "north_star_demo_events", "north_star_demo_experiment_assignments")


def _sort_key(row: tuple) -> tuple:
    """Rows in a total order whatever their nulls: (is null, value) per column."""
    return tuple((value is None, value if value is not None else 0) for value in row)


class DuckDBWarehouse(Warehouse):
    engine = "duckdb"

    def __init__(self, folder: Path, dbt_vars: dict):
        super().__init__(folder, dbt_vars)
        self.database = folder / "warehouse.duckdb"

    def env(self) -> dict:
        return {"NORTH_STAR_DUCKDB_PATH": str(self.database)}

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.database), read_only=True) as connection:
            return connection.execute(sql).fetchall()

    def execute(self, sql: str, rows: list[tuple] | None = None) -> None:
        with duckdb.connect(str(self.database)) as connection:
            if rows is None:
                connection.execute(sql)
            else:
                connection.executemany(sql, rows)

    def copy(self, folder: Path) -> Warehouse:
        copied = DuckDBWarehouse(folder, {key: value for key, value in self.vars.items()
                                          if key not in EVENT_VARS})
        shutil.copy(self.database, copied.database)
        return copied


class PostgresWarehouse(Warehouse):
    engine = "postgres"
    _numbers = itertools.count()
    # A template must have no other session while a database is made from it.
    _creating = threading.Lock()

    def __init__(self, folder: Path, dbt_vars: dict, server_env: dict, template: str | None = None):
        super().__init__(folder, dbt_vars)
        self.server_env = server_env
        self.database = f"incremental_{next(self._numbers)}_{folder.name}".lower()[:63]
        template_clause = f' template "{template}"' if template else ""
        with self._creating:
            self._on("postgres", f'create database "{self.database}"{template_clause}', autocommit=True)
        self.execute("create schema if not exists main")

    def env(self) -> dict:
        return {**self.server_env, "NORTH_STAR_TARGET": "postgres",
                "NORTH_STAR_PG_DATABASE": self.database, "NORTH_STAR_PG_SCHEMA": "main"}

    def _on(self, database: str, sql: str, rows: list[tuple] | None = None, autocommit: bool = False,
            fetch: bool = False):
        import psycopg2

        connection = psycopg2.connect(
            host=self.server_env["NORTH_STAR_PG_HOST"], port=int(self.server_env["NORTH_STAR_PG_PORT"]),
            user=self.server_env["NORTH_STAR_PG_USER"], password=self.server_env["NORTH_STAR_PG_PASSWORD"],
            dbname=database)
        connection.autocommit = autocommit
        try:
            with connection.cursor() as cursor:
                sql = sql.replace("?", "%s")
                if rows is None:
                    cursor.execute(sql)
                else:
                    cursor.executemany(sql, rows)
                result = cursor.fetchall() if fetch else None
            connection.commit()
            return result
        finally:
            connection.close()

    def query(self, sql: str) -> list[tuple]:
        return self._on(self.database, sql, fetch=True)

    def execute(self, sql: str, rows: list[tuple] | None = None) -> None:
        self._on(self.database, sql, rows)

    def copy(self, folder: Path) -> Warehouse:
        return PostgresWarehouse(folder, {key: value for key, value in self.vars.items()
                                          if key not in EVENT_VARS}, self.server_env, template=self.database)
