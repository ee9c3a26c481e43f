"""The benchmark's report, without a benchmark: DuckDB's per-operator profile as
tooling.benchmark reads it (from a profile DuckDB writes here), the top-models selection,
the table with its engine column, and the PostgreSQL server's memory measure."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb

from tooling.benchmark import Row, Run, operator_profile, table, top_models
from tooling.benchmark_postgres import process_tree_pss_bytes

EVENTS = 300_000
ORGANIZATIONS = 50


def write_profile(tmp_path) -> dict:
    """DuckDB's JSON profile of a join, a distinct count and a write, as the benchmark
    profiles a model: `create temp table ... as <select>`."""
    con = duckdb.connect(str(tmp_path / "profiled.duckdb"))
    con.execute("set threads = 2")
    con.execute(f"create table events as select i as event_id, i % {ORGANIZATIONS} as org_id, "
                f"md5(cast(i % 20000 as varchar)) as user_id from range({EVENTS}) r(i)")
    con.execute(f"create table organizations as select i as org_id, 'org_' || i as name "
                f"from range({ORGANIZATIONS}) r(i)")
    output = tmp_path / "profile.json"
    con.execute("pragma enable_profiling = 'json'")
    con.execute(f"pragma profiling_output = '{output}'")
    con.execute("create temp table _bench_profile as "
                "select o.name, count(distinct e.user_id) as users from events e "
                "join organizations o on e.org_id = o.org_id group by o.name")
    con.close()
    return json.loads(output.read_text())


def test_the_profile_parser_finds_the_plans_operators_and_keeps_the_slowest(tmp_path):
    profile = write_profile(tmp_path)
    every = operator_profile(profile, "m", count=1000).operators
    top = operator_profile(profile, "m", count=3)

    types = {operator.type for operator in every}
    assert {"TABLE_SCAN", "HASH_JOIN", "HASH_GROUP_BY"} <= types
    assert any(kind.endswith("CREATE_TABLE_AS") for kind in types), types
    # The scan of the events table reads and passes on every row, and names its table.
    events_scan = next(o for o in every if o.type == "TABLE_SCAN" and o.detail.endswith(".events"))
    assert events_scan.rows == EVENTS
    assert next(o for o in every if o.type == "HASH_GROUP_BY").rows == ORGANIZATIONS
    assert "org_id = org_id" in next(o for o in every if o.type == "HASH_JOIN").detail

    # The slowest three, slowest first, out of every operator of the plan.
    assert len(top.operators) == 3
    assert [o.seconds for o in top.operators] == sorted((o.seconds for o in every), reverse=True)[:3]
    # Operator times are parts of DuckDB's own total, and the parser found (nearly) all of it.
    assert sum(o.seconds for o in top.operators) <= top.operator_seconds + 1e-9
    assert 0.9 * top.operator_seconds <= sum(o.seconds for o in every) <= top.operator_seconds + 1e-9
    assert top.wall_seconds > 0 and top.model == "m"


def test_top_models_are_the_slowest_first_and_equal_times_go_by_name():
    models = {"stg_b": 2.0, "stg_a": 2.0, "int_slow": 9.5, "fct_c": 0.25, "dim_d": 3.0,
              "int_e": 0.5, "int_f": 0.75, "int_g": 1.0, "int_h": 0.1, "int_i": 0.05}
    assert top_models(models) == [("int_slow", 9.5), ("dim_d", 3.0), ("stg_a", 2.0), ("stg_b", 2.0),
                                  ("int_g", 1.0), ("int_f", 0.75), ("int_e", 0.5), ("fct_c", 0.25)]
    assert top_models({"b": 1.0, "a": 1.0}) == [("a", 1.0), ("b", 1.0)]


def run(wall: float, models: dict, peak_rss_bytes: int | None) -> Run:
    return Run(wall, sum(models.values()), peak_rss_bytes, models, top_models(models))


def test_the_table_has_an_engine_column_and_each_row_its_own_lower_bound():
    full = {"int_events_classified": 6.0, "int_active_days": 2.0}
    incremental = {"int_events_classified": 0.5, "int_active_days": 0.5}
    rows = [
        Row("duckdb", 1_000_000, 60, 7, run(10.0, full, 2 * 2**30), run(2.0, incremental, 3 * 2**30),
            True, 5_000, 0.5, 2**29, 1.5),
        # The server's memory could not be read: n/a, not a number.
        Row("postgres", 1_000_000, 60, 7, run(40.0, {"int_active_days": 30.0}, None),
            run(8.0, incremental, 2**30), True, 5_000, 4.0, None, 1.7),
    ]
    lines = table(rows, {1_000_000: 998_765}).splitlines()
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    header, duckdb_row, postgres_row = cells[0], dict(zip(cells[0], cells[2])), dict(zip(cells[0], cells[3]))

    assert header[0] == "engine" and len(lines) == 4
    assert len({len(line) for line in lines}) == 1  # aligned
    assert duckdb_row["engine"] == "duckdb" and postgres_row["engine"] == "postgres"
    assert duckdb_row["events"] == postgres_row["events"] == "998,765"
    assert duckdb_row["peak RSS GiB"] == "3.00" and duckdb_row["LB RSS GiB"] == "0.50"
    assert postgres_row["peak RSS GiB"] == "n/a" and postgres_row["LB RSS GiB"] == "n/a"
    assert duckdb_row["full wall/LB"] == "20.0x" and postgres_row["full wall/LB"] == "10.0x"
    assert duckdb_row["incr/full"] == "20%" and postgres_row["incr/full"] == "20%"
    assert duckdb_row["slowest model (s)"] == "int_events_classified (6.0)"
    assert postgres_row["slowest model (s)"] == "int_active_days (30.0)"


def test_the_server_memory_counts_the_children_of_the_process():
    before = process_tree_pss_bytes(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; block = bytearray(80_000_000); "
                              "print('ready', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        assert process_tree_pss_bytes(os.getpid()) - before > 60_000_000
    finally:
        child.kill()
        child.wait()
