"""Incremental runs that are interrupted, or whose inputs change what earlier days mean.

* A run killed with SIGKILL at any point: the next run must give exactly the marts of a
  full refresh (the killed run's recompute zone is redone, not forgotten).
* A later load that moves a learning's ownership back in time (a creation arriving
  after the learning was owned through an earlier share): the days it changes are
  recomputed, also before the lookback.
* Definition vars changed between runs: the run refuses and says to run
  `dbt build --full-refresh`.
On DuckDB, and on PostgreSQL too with `--engine postgres` or `all`.
"""

from __future__ import annotations

import json
import signal
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from tooling import preloaded_dbt
from tooling.dbt_runner import ROOT, dbt_env

from .test_incremental_equivalence import ASSIGNMENTS, MARTS, START, first_difference, synthetic_batches
from .warehouses import Warehouse

# Where the killed run dies: after these models are written, or as this one starts.
KILL_POINTS = {
    "after_int_events_classified": ("OK created", "int_events_classified"),
    "after_int_learning_ownership_events": ("OK created", "int_learning_ownership_events"),
    "after_int_learning_first_broadcasts": ("OK created", "int_learning_first_broadcasts"),
    "at_start_of_fct_north_star_daily": ("START", "fct_north_star_daily"),
}


# A scheduled `dbt build`; the demo seed has nothing to do with the loaded events.
BUILD = ("build", "--exclude", "north_star_demo_events", "north_star_demo_experiment_assignments")


def run_until(warehouse: Warehouse, marker: tuple[str, str], *args: str) -> bool:
    """Runs dbt and SIGKILLs it (and its process group) when a log line shows both parts
    of `marker`. True when it was killed."""
    command = [*args, "--project-dir", str(warehouse.mode.project_dir), "--profiles-dir", str(ROOT),
               "--vars", json.dumps({**warehouse.mode.base_vars, **warehouse.vars}),
               "--target-path", str(warehouse.target)]
    env = dbt_env({**warehouse.env(), "NORTH_STAR_THREADS": "1"})
    result = preloaded_dbt.run(command, warehouse.mode.project_dir, env, capture=True,
                               on_line=lambda line: all(part in line for part in marker))
    return result.returncode == -signal.SIGKILL


def assert_same_marts(expected: dict, actual: dict) -> None:
    for mart in MARTS:
        difference = first_difference(expected[mart], actual[mart])
        assert difference is None, f"{mart}: {difference}"


@pytest.fixture(scope="module")
def loads(make_warehouse, tmp_path_factory):
    """A warehouse built from the first load, the next day's load, and the marts a full
    refresh gives over both."""
    root = tmp_path_factory.mktemp("interrupted")
    batches = synthetic_batches(seed=3, late_days=7)
    first, second = batches[0], batches[2]      # the second: one new day, late events, replays
    built = make_warehouse(root / "built", {})
    built.load(first, ASSIGNMENTS)
    full = make_warehouse(root / "full", {})
    full.load(first + second, ASSIGNMENTS)
    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(built.build_from_scratch), pool.submit(full.build_from_scratch)]:
            future.result()
    return built, second, full.read_marts(MARTS), root


@pytest.fixture(scope="module")
def rerun_marts(loads) -> dict[str, dict | str]:
    """Per kill point: the marts after a killed build and a second build (the kill points
    run two at a time), or why that could not be done."""
    built, second, _, root = loads

    def kill_and_rerun(kill_point: str) -> dict | str:
        warehouse = built.copy(root / kill_point)
        warehouse.load(second)
        if not run_until(warehouse, KILL_POINTS[kill_point], *BUILD):
            return "dbt finished before the kill point"
        warehouse.dbt(*BUILD)
        return warehouse.read_marts(MARTS)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(KILL_POINTS, pool.map(kill_and_rerun, KILL_POINTS)))


@pytest.mark.parametrize("kill_point", list(KILL_POINTS))
def test_a_killed_run_is_redone_by_the_next_run(loads, rerun_marts, kill_point):
    actual = rerun_marts[kill_point]
    assert not isinstance(actual, str), actual
    assert_same_marts(loads[2], actual)


def test_a_run_of_some_models_leaves_its_days_to_the_next_run(loads, tmp_path):
    """A run that classifies the new load but builds nothing after it records its start in
    the run manifest (the re-read days, the recompute day) and no completion; the next
    full run recomputes from that day too and gives the full refresh's marts (without the
    manifest it would see the load already classified and recompute nothing)."""
    built, second, expected, _ = loads
    warehouse = built.copy(tmp_path / "partial")
    latest_before = warehouse.query("select max(event_date) from main.int_events_classified")[0][0]
    new_day = latest_before + timedelta(days=1)
    assert any(row[1].date() == new_day for row in second), "the second load adds a day"
    warehouse.load(second)
    warehouse.dbt("run", "--select", "int_events_classified")
    manifest = "main.int_north_star__run_manifest"
    invocation, batch_start, recompute_from = warehouse.query(
        f"select invocation_id, batch_start_date, recomputed_from_date from {manifest}"
        " where run_status = 'started' order by run_started_at desc limit 1")[0]
    assert warehouse.query(f"select count(*) from {manifest} where run_status = 'completed'"
                           f" and invocation_id = '{invocation}'")[0][0] == 0
    # The lookback is one window (7 days) by default: the batch starts 6 days before.
    assert batch_start == latest_before - timedelta(days=6)
    assert recompute_from is not None and recompute_from <= new_day
    warehouse.dbt(*BUILD)
    next_recompute_from = warehouse.query(
        f"select recomputed_from_date from {manifest} where run_status = 'started'"
        " order by run_started_at desc limit 1")[0][0]
    assert next_recompute_from <= recompute_from
    assert_same_marts(expected, warehouse.read_marts(MARTS))


def test_a_dropped_mart_is_rebuilt_whole_by_the_next_build(loads, tmp_path):
    """After an incremental run the `_this_run` span tables hold only the recomputed days.
    A mart dropped then is rebuilt whole by a plain `dbt build` (the span tables read all
    days in that run); building it alone is refused, naming the tables to select."""
    built, second, expected, _ = loads
    warehouse = built.copy(tmp_path / "dropped")
    warehouse.load(second)
    warehouse.dbt(*BUILD)
    cascade = " cascade" if warehouse.engine == "postgres" else ""
    warehouse.execute(f"drop table main.fct_north_star_daily{cascade}")
    alone = warehouse.run("build", "--select", "fct_north_star_daily")
    assert alone.returncode != 0
    assert "int_user_activity_spans_this_run" in alone.stdout and "+fct_north_star_daily" in alone.stdout, \
        alone.stdout[-2000:]
    warehouse.dbt(*BUILD)
    assert_same_marts(expected, warehouse.read_marts(MARTS))


def test_ownership_moved_back_by_a_late_creation_is_recomputed(make_warehouse, tmp_path):
    """L owned through u2's share on day 2 and viewed by two people on day 5 (broadcast
    from day 5); a later load brings u1's creation of L dated day 10, inside the lookback
    (days 6..12): L exists only from day 10 now, so its broadcast days 5..9 go away, day 5
    before the lookback."""
    day = lambda offset, hour=12: START + timedelta(days=offset, hours=hour)  # noqa: E731
    first = [("a1", day(0), "u9", "o1", "query_run", None, None),
             ("a2", day(2), "u2", "o1", "learning_shared", "L", "chart"),
             ("a3", day(5), "v1", "o1", "chart_viewed", "L", "chart"),
             ("a4", day(5), "v2", "o1", "chart_viewed", "L", "chart"),
             ("a5", day(11), "v3", "o1", "chart_viewed", "L", "chart"),
             ("a6", day(12), "u9", "o1", "query_run", None, None)]
    later = [("b1", day(10), "u1", "o1", "learning_created", "L", "chart"),
             ("b2", day(13), "v4", "o1", "chart_viewed", "L", "chart")]
    incremental = make_warehouse(tmp_path / "incremental", {})
    full = make_warehouse(tmp_path / "full", {})
    for warehouse, rows in ((incremental, first), (full, first + later)):
        warehouse.load(rows)
        warehouse.build_from_scratch()
    incremental.load(later)
    incremental.dbt("run")
    expected = full.read_marts(MARTS)
    broadcast_days = [row[0] for row in expected["fct_north_star_daily"] if row[3]]
    assert broadcast_days and min(broadcast_days) == day(10).date()
    assert_same_marts(expected, incremental.read_marts(MARTS))


@pytest.mark.parametrize("name,value", [("north_star_window_days", 28),
                                        ("north_star_min_consumers", 3),
                                        ("north_star_timezone", "America/Los_Angeles")])
def test_changed_definitions_ask_for_a_full_refresh(loads, name, value, tmp_path):
    warehouse = loads[0].copy(tmp_path / "changed")
    warehouse.vars[name] = value
    result = warehouse.run("run")
    assert result.returncode != 0
    assert name in result.stdout and "--full-refresh" in result.stdout, result.stdout[-2000:]


def test_a_changed_event_mapping_asks_for_a_full_refresh(loads, tmp_path):
    """The mapping reclassifies every stored event, as a changed var does."""
    warehouse = loads[0].copy(tmp_path / "changed_mapping")
    warehouse.execute("delete from main.north_star_event_mapping"
                      " where source_format = 'generic' and raw_event_name = 'chart_viewed'")
    result = warehouse.run("run")
    assert result.returncode != 0
    assert "event_mapping_contents" in result.stdout and "--full-refresh" in result.stdout, \
        result.stdout[-2000:]


def test_a_run_manifest_of_an_earlier_version_asks_for_a_full_refresh(loads, tmp_path):
    """A manifest without `run_status` (written before the state moved into it) cannot say
    what the stored tables hold: the run stops with the upgrade's instruction."""
    warehouse = loads[0].copy(tmp_path / "earlier_version")
    cascade = " cascade" if warehouse.engine == "postgres" else ""
    warehouse.execute(f"drop table main.int_north_star__run_manifest{cascade}")
    warehouse.execute("create table main.int_north_star__run_manifest (run_started_at timestamp,"
                      " batch_start_date date, recomputed_from_date date, classified_rows bigint,"
                      " definition_vars varchar)")
    result = warehouse.run("run")
    assert result.returncode != 0
    assert "earlier version" in result.stdout and "--full-refresh" in result.stdout, result.stdout[-2000:]
