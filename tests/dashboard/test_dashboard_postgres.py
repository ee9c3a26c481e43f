"""The dashboard and MetricFlow reading PostgreSQL, set up the way dbt's profile is
(NORTH_STAR_TARGET=postgres and the NORTH_STAR_PG_* variables): the demo built on a
throwaway server (or the one NORTH_STAR_PG_HOST names, in a schema of its own), every
page run with AppTest and checked against the Postgres marts, and `mf query` answering
the weekly WLU with the weekly mart's values.

Runs with `--engine=postgres` or `--engine=all` (`make test ENGINE=all`, as CI runs it)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal

import psycopg2
import pytest
from dashboard_pages import APP, PAGES, assert_cards_match, expected_cards_of
from streamlit.testing.v1 import AppTest

from tooling.dbt_runner import ROOT, dbt_env, resolve_mode, run_dbt
from tooling.engines import engine_env

SCHEMA = f"dashboard_demo_{os.getpid()}"


class PostgresBuild:
    def __init__(self, env: dict, project_dir):
        self.env = env
        self.project_dir = project_dir

    def connect(self):
        settings = {**os.environ, **self.env}
        return psycopg2.connect(host=settings.get("NORTH_STAR_PG_HOST", "127.0.0.1"),
                                port=int(settings.get("NORTH_STAR_PG_PORT", "5432")),
                                user=settings.get("NORTH_STAR_PG_USER", "postgres"),
                                password=settings.get("NORTH_STAR_PG_PASSWORD", ""),
                                dbname=settings.get("NORTH_STAR_PG_DATABASE", "postgres"))

    def query(self, sql: str) -> list[tuple]:
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"set search_path to {SCHEMA}")
                cursor.execute(sql)
                return cursor.fetchall()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def postgres_build(engine, linked_project, tmp_path_factory):
    if engine not in ("postgres", "all"):
        pytest.skip("runs with --engine=postgres or --engine=all")
    workdir = tmp_path_factory.mktemp("dashboard_postgres")
    with engine_env("postgres", workdir / "server") as server_env:
        env = {**server_env, "NORTH_STAR_PG_SCHEMA": SCHEMA}
        mode = linked_project(workdir / "project", resolve_mode(quiet=True))
        result = run_dbt(mode, ["build", "--full-refresh", "--log-path", str(workdir / "logs")],
                         env=env, capture=True)
        assert result.returncode == 0, result.stdout[-5000:]
        build = PostgresBuild(env, mode.project_dir)
        try:
            yield build
        finally:
            connection = build.connect()
            with connection, connection.cursor() as cursor:
                cursor.execute(f"drop schema if exists {SCHEMA} cascade")
            connection.close()


@pytest.mark.parametrize("page", PAGES)
def test_page_reads_postgres(postgres_build, monkeypatch, page):
    for name in ("NORTH_STAR_DUCKDB_PATH", "NORTH_STAR_DASHBOARD_SCHEMA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in postgres_build.env.items():
        monkeypatch.setenv(name, value)
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    app.switch_page(PAGES[page].script)
    app.run()
    assert not app.exception and not app.error, ([item.message for item in app.exception],
                                                 [item.value for item in app.error])
    assert f"schema {SCHEMA}" in app.sidebar.caption[0].value
    assert_cards_match({card.label: (card.value, card.delta or None) for card in app.metric},
                       expected_cards_of(postgres_build)[page])


def test_metricflow_answers_the_weekly_wlu_from_postgres(postgres_build, tmp_path):
    output = tmp_path / "weekly.csv"
    env = dbt_env({**postgres_build.env, "DBT_PROJECT_DIR": str(postgres_build.project_dir),
                   "DBT_PROFILES_DIR": str(ROOT)})
    result = subprocess.run([sys.executable, "-m", "tooling.semantic_layer", "query", "--metrics",
                             "weekly_learning_users", "--group-by", "metric_time__week", "--csv", str(output)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rows = [line.split(",") for line in output.read_text().splitlines()[1:]]
    # PostgreSQL sums bigints as numeric: "88.0" is 88.
    answered = {date.fromisoformat(week[:10]): Decimal(value) for week, value in rows}
    expected = dict(postgres_build.query("select week_start_date, weekly_learning_users from fct_north_star_weekly"))
    assert len(expected) >= 10
    assert answered == expected


def test_every_table_the_build_wrote_was_analyzed(postgres_build):
    """The post-hook north_star_analyze: a model that reads a table written earlier in the
    run plans from its statistics (a new table has none: every column counts as 200
    distinct values). `last_analyze` is set only by an explicit ANALYZE, never by
    autovacuum."""
    tables = postgres_build.query(
        "select relname, last_analyze is not null from pg_stat_user_tables "
        f"where schemaname = '{SCHEMA}' order by relname")
    assert len(tables) > 20, tables
    assert [name for name, analyzed in tables if not analyzed] == []
