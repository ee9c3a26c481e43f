"""Where the dashboard reads the marts: the warehouse that dbt built them in.

The settings are the dbt profile's own environment variables (profiles.yml), so the
dashboard reads what `make demo` or `tooling.cli dbt -- build` wrote with the same
environment:

    NORTH_STAR_TARGET            duckdb (default) or postgres
    NORTH_STAR_DUCKDB_PATH       the DuckDB file (default target/north_star.duckdb; a
                                 relative path is read from the repository's root)
    NORTH_STAR_PG_HOST, _PORT, _USER, _PASSWORD, _DATABASE, _SCHEMA
                                 the PostgreSQL connection (defaults as in profiles.yml)
    NORTH_STAR_DASHBOARD_SCHEMA  the schema of the marts, when not the target's (DuckDB:
                                 main; PostgreSQL: NORTH_STAR_PG_SCHEMA)

Every read opens a connection and closes it again: a DuckDB file is locked by its writer,
and a dashboard holding it open would stop the next `dbt build`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ("duckdb", "postgres")
IDENTIFIER_CHARACTERS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")


class WarehouseError(Exception):
    """The marts cannot be read: no build yet, a build holding the file, a bad setting."""


@dataclass(frozen=True)
class Warehouse:
    target: str
    schema: str
    duckdb_path: str = ""
    pg_host: str = ""
    pg_port: int = 0
    pg_user: str = ""
    pg_password: str = ""
    pg_database: str = ""

    @classmethod
    def from_env(cls, env=None) -> Warehouse:
        env = os.environ if env is None else env
        target = env.get("NORTH_STAR_TARGET", "duckdb")
        if target not in TARGETS:
            raise WarehouseError(f"NORTH_STAR_TARGET={target!r}: the dashboard reads "
                                 f"{' or '.join(TARGETS)}")
        if target == "duckdb":
            path = Path(env.get("NORTH_STAR_DUCKDB_PATH") or "target/north_star.duckdb")
            warehouse = cls(target, env.get("NORTH_STAR_DASHBOARD_SCHEMA") or "main",
                            duckdb_path=str(path if path.is_absolute() else ROOT / path))
        else:
            port = env.get("NORTH_STAR_PG_PORT") or "5432"
            if not port.isdigit():
                raise WarehouseError(f"NORTH_STAR_PG_PORT={port!r} is not a port number")
            warehouse = cls(
                target,
                env.get("NORTH_STAR_DASHBOARD_SCHEMA") or env.get("NORTH_STAR_PG_SCHEMA") or "north_star",
                pg_host=env.get("NORTH_STAR_PG_HOST") or "127.0.0.1",
                pg_port=int(port),
                pg_user=env.get("NORTH_STAR_PG_USER") or "postgres",
                pg_password=env.get("NORTH_STAR_PG_PASSWORD") or "",
                pg_database=env.get("NORTH_STAR_PG_DATABASE") or "postgres",
            )
        if not warehouse.schema or not set(warehouse.schema) <= IDENTIFIER_CHARACTERS:
            raise WarehouseError(f"schema {warehouse.schema!r} is not a plain identifier")
        return warehouse

    def describe(self) -> str:
        """Where the data comes from, for the page (never the password)."""
        if self.target == "duckdb":
            path = Path(self.duckdb_path)
            return f"DuckDB file {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
        return (f"PostgreSQL {self.pg_user}@{self.pg_host}:{self.pg_port}/{self.pg_database}, "
                f"schema {self.schema}")

    def relation(self, name: str) -> str:
        return f"{self.schema}.{name}"

    def query(self, sql: str) -> pd.DataFrame:
        """`sql` with `{schema}` replaced by the marts' schema, as a DataFrame."""
        sql = sql.replace("{schema}", self.schema)
        try:
            if self.target == "duckdb":
                return self._duckdb_query(sql)
            return self._postgres_query(sql)
        except WarehouseError:
            raise
        except Exception as error:  # each driver has its own error classes
            raise WarehouseError(f"{type(error).__name__}: {error}") from error

    def relation_exists(self, name: str) -> bool:
        found = self.query(
            "select count(*) as found from information_schema.tables "
            f"where table_schema = '{self.schema}' and table_name = '{name}'"
        )
        return int(found["found"].iloc[0]) > 0

    def _duckdb_query(self, sql: str) -> pd.DataFrame:
        import duckdb

        if not Path(self.duckdb_path).exists():
            raise WarehouseError(f"{self.duckdb_path} does not exist")
        with duckdb.connect(self.duckdb_path, read_only=True) as connection:
            return connection.execute(sql).df()

    def _postgres_query(self, sql: str) -> pd.DataFrame:
        import psycopg2

        connection = psycopg2.connect(host=self.pg_host, port=self.pg_port, user=self.pg_user,
                                      password=self.pg_password, dbname=self.pg_database,
                                      connect_timeout=10)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
                columns = [column.name for column in cursor.description]
                return pd.DataFrame(cursor.fetchall(), columns=columns)
        finally:
            connection.close()
