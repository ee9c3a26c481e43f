"""Raw events as users' warehouses really hold them: time columns of every type, times
that cannot be read or cannot be real, event names in other spellings, ids reused with
other payloads, optional columns missing, an empty table.

Each table below is built once (all models, DuckDB, dbt run under TZ=America/Los_Angeles
so that anything converted with the session's time zone lands on the wrong day), and the
tests read the classified rows, the audits and the marts.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tooling.dbt_runner import resolve_mode, run_dbt

# name -> (DDL of raw.events, its rows)
TABLES = {
    "text_times": (
        "event_id varchar, event_time varchar, user_id varchar, org_id varchar,"
        " event_name varchar, learning_id varchar, learning_type varchar",
        [
            ("t1", "2026-03-02 03:00:00", "u1", "o1", "session_started", None, None),
            # 2026-03-02 07:00 UTC: Monday in UTC although Sunday in Los Angeles.
            ("t2", "2026-03-01T23:00:00-08:00", "u2", "o1", "session_started", None, None),
            ("t3", "2026-03-02 10:00:00Z", "u3", "o1", "learning_created", "L1", "chart"),
            ("t4", "yesterday", "u4", "o1", "session_started", None, None),
            ("t5", "2099-01-01 00:00:00", "u5", "o1", "session_started", None, None),
            ("t6", "1970-01-01 00:00:00", "u6", "o1", "session_started", None, None),
            ("t7", "2026-03-02 11:00:00", "u4", "o1", "Chart_Viewed", "L1", "chart"),
            ("t8", "2026-03-02 11:01:00", "u5", "o1", "CHART_VIEWED", "L1", "chart"),
            ("t9", "2026-03-02 11:02:00", "u6", "o1", "chart_viewed\t", "L1", "chart"),
            ("t10", "2026-03-02 12:00:00", "u7", "o1", "zz_made_up", None, None),
            ("t11", "2026-03-02 12:30:00", "u7", "o1", "zz_made_up", None, None),
            # The same id again within the replay window, with another user: a conflict.
            ("t10", "2026-03-02 13:00:00", "u8", "o1", "zz_made_up", None, None),
        ],
    ),
    "timestamptz_times": (
        "event_id varchar, event_time timestamptz, user_id varchar, org_id varchar,"
        " event_name varchar, learning_id varchar, learning_type varchar",
        [("z1", "2026-03-02 03:00:00+00", "u1", "o1", "session_started", None, None),
         ("z2", "2026-03-03 12:00:00+00", "u2", "o1", "session_started", None, None)],
    ),
    "required_columns_only": (
        "event_id varchar, event_time timestamp, user_id varchar, event_name varchar,"
        " learning_id varchar",
        [("m1", "2026-03-02 12:00:00", "u1", "learning_created", "L1"),
         ("m2", "2026-03-02 13:00:00", "u2", "learning_viewed", "L1")],
    ),
    "empty": (
        "event_id varchar, event_time timestamp, user_id varchar, org_id varchar,"
        " event_name varchar, learning_id varchar, learning_type varchar",
        [],
    ),
}


def _build(folder: Path, name: str) -> tuple[Path, object]:
    ddl, rows = TABLES[name]
    folder.mkdir(parents=True)
    database = folder / "warehouse.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema raw")
        connection.execute(f"create table raw.events ({ddl})")
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"insert into raw.events values ({marks})", rows)
    result = run_dbt(
        resolve_mode(quiet=True),
        ["build", "--resource-type", "seed", "--resource-type", "model",
         "--exclude", "north_star_demo_events"],
        dbt_vars={"north_star_events_schema": "raw", "north_star_events_table": "events"},
        env={"NORTH_STAR_DUCKDB_PATH": str(database), "TZ": "America/Los_Angeles"},
        target_path=folder / "target", capture=True)
    return database, result


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[Path, object]]:
    root = tmp_path_factory.mktemp("raw_events")
    with ThreadPoolExecutor(max_workers=len(TABLES)) as pool:
        futures = {name: pool.submit(_build, root / name, name) for name in TABLES}
        return {name: future.result() for name, future in futures.items()}


def _query(builds, name: str, sql: str) -> list[tuple]:
    database, result = builds[name]
    assert result.returncode == 0, f"dbt build on {name} failed:\n{result.stdout[-3000:]}"
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def _statuses(builds, name: str) -> dict[str, tuple]:
    rows = _query(builds, name, "select event_id, event_date, event_status, rejection_reason, action"
                                " from main.int_events_classified order by event_id, event_at")
    return {row[0]: row[1:] for row in rows}


def test_text_times_with_offsets_are_converted_to_utc(builds):
    statuses = _statuses(builds, "text_times")
    assert statuses["t1"][:2] == (date(2026, 3, 2), "valid")
    assert statuses["t2"][:2] == (date(2026, 3, 2), "valid")
    assert statuses["t3"][:2] == (date(2026, 3, 2), "valid")


def test_a_timestamptz_column_is_read_in_utc_whatever_the_session_zone(builds):
    statuses = _statuses(builds, "timestamptz_times")
    assert statuses["z1"][:2] == (date(2026, 3, 2), "valid")
    assert statuses["z2"][:2] == (date(2026, 3, 3), "valid")


def test_unreadable_and_implausible_times_are_quarantined_with_a_reason(builds):
    statuses = _statuses(builds, "text_times")
    assert statuses["t4"][1:3] == ("quarantined", "unparseable_event_time")
    assert statuses["t5"] == (None, "quarantined", "event_time_in_future", "other")
    assert statuses["t6"][1:3] == ("quarantined", "event_time_before_min_date")
    # Neither adds days: the daily series is the one day of real events.
    days = _query(builds, "text_times", "select date_day from main.fct_north_star_daily")
    assert days == [(date(2026, 3, 2),)]


def test_event_names_match_the_mapping_whatever_their_case_and_whitespace(builds):
    statuses = _statuses(builds, "text_times")
    assert {statuses[event][3] for event in ("t7", "t8", "t9")} == {"learning_viewed"}
    reach = _query(builds, "text_times",
                   "select broadcasted_learnings, consumption_of_learnings from main.fct_north_star_daily")
    assert reach == [(1, 3)]


def test_unmapped_names_are_audited_by_frequency(builds):
    audited = _query(builds, "text_times", "select event_name, event_count, user_count"
                                           " from main.audit_unmapped_event_names")
    assert sorted(audited) == [("session_started", 2, 2), ("zz_made_up", 2, 1)]


def test_ids_reused_with_another_payload_are_audited(builds):
    audited = _query(builds, "text_times", "select event_id, user_id, event_status"
                                           " from main.audit_conflicting_event_ids order by event_at")
    assert audited == [("t10", "u7", "valid"), ("t10", "u8", "duplicate")]


def test_reconciliation_counts_raw_rows(builds):
    counts = _query(builds, "text_times", "select * from main.audit_event_reconciliation")
    raw_rows = len(TABLES["text_times"][1])
    # raw, valid, quarantined, duplicate, waiting, unaccounted, reconciled
    assert counts == [(raw_rows, 8, 3, 1, 0, 0, True)]


def test_an_empty_raw_table_reconciles_to_zeros(builds):
    counts = _query(builds, "empty", "select * from main.audit_event_reconciliation")
    assert counts == [(0, 0, 0, 0, 0, 0, True)]


def test_org_id_and_learning_type_columns_are_optional(builds):
    statuses = _statuses(builds, "required_columns_only")
    assert {status[1] for status in statuses.values()} == {"valid"}
    learnings = _query(builds, "required_columns_only",
                       "select learning_id, organization_id, learning_type from main.dim_learnings")
    assert learnings == [("L1", None, None)]


def test_a_missing_required_column_is_named(tmp_path):
    database = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema raw")
        connection.execute("create table raw.events (event_id varchar, event_time timestamp,"
                           " user_id varchar, event_name varchar)")
    result = run_dbt(resolve_mode(quiet=True), ["compile", "--select", "stg_generic__events"],
                     dbt_vars={"north_star_events_schema": "raw", "north_star_events_table": "events"},
                     env={"NORTH_STAR_DUCKDB_PATH": str(database)},
                     target_path=tmp_path / "target", capture=True)
    assert result.returncode != 0
    assert "has no column 'learning_id'" in result.stdout
