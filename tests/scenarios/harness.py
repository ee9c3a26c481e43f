"""Shared machinery of the expected-output suite.

* `Event` / `ScenarioBuilder`: write raw events compactly, every id prefixed by the
  scenario key so that scenarios can share one fixture table without touching.
* `Scenario` plus the `daily_segments` / `org_segments` helpers: hand-derived expected
  mart rows, written as piecewise-constant segments of days.
* `build_marts`: load events into a private DuckDB file and build the marts with dbt
  (`run_build`); backends.py does the same on PostgreSQL and Spark.
* `read_marts`, then `assert_scenario` (readable diff of a scenario's rows),
  `structural_problems` (properties of any build) and `first_differences` (row-by-row
  report for the cross-check).
"""

from __future__ import annotations

import difflib
import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EVENTS_SCHEMA = "raw_fixtures"
EVENTS_TABLE = "events"
MARTS = ("fct_north_star_daily", "fct_north_star_weekly", "fct_organization_north_star_daily")
# The marts that operate the North Star (metric tree, anomalies, growth accounting): built
# by every scenario build too, and compared with the reference model.
OPERATING_MARTS = ("fct_north_star_metrics_daily", "fct_north_star_growth_accounting",
                   "fct_organization_growth_accounting")

DAILY_COLUMNS = ("date_day", "weekly_learning_users", "weekly_active_users",
                 "broadcasted_learnings", "consumption_of_learnings", "activated_organizations")
WEEKLY_COLUMNS = ("week_start_date", "weekly_learning_users", "weekly_active_users",
                  "broadcasted_learnings", "consumption_of_learnings", "activated_organizations",
                  "is_complete_week")
ORG_COLUMNS = ("date_day", "organization_id", "weekly_learning_users",
               "broadcasted_learnings", "consumption_of_learnings", "is_activated")
METRICS_DAILY_COLUMNS = ("date_day", "metric_name", "parent_metric_name", "relationship", "owner_team",
                         "value", "value_previous_window", "change", "change_pct", "target_value",
                         "target_direction", "target_attainment", "value_week_earlier",
                         "anomaly_training_days", "anomaly_z_score", "expected_value", "lower_bound",
                         "upper_bound", "is_anomaly", "anomaly_direction")
GROWTH_CLASS_COLUMNS = ("current_count", "previous_count", "new_count", "retained_count",
                        "resurrected_count", "churned_count", "quick_ratio", "retention_rate",
                        "is_warm_up")
GROWTH_COLUMNS = ("date_day", "metric_name", *GROWTH_CLASS_COLUMNS)
ORG_GROWTH_COLUMNS = ("date_day", "organization_id", *GROWTH_CLASS_COLUMNS)
# Marts field -> (mart, columns read, order): what every engine's reader selects.
MART_QUERIES = {
    "daily": ("fct_north_star_daily", DAILY_COLUMNS, "date_day"),
    "weekly": ("fct_north_star_weekly", WEEKLY_COLUMNS, "week_start_date"),
    "org_daily": ("fct_organization_north_star_daily", ORG_COLUMNS, "organization_id, date_day"),
    "metrics_daily": ("fct_north_star_metrics_daily", METRICS_DAILY_COLUMNS, "metric_name, date_day"),
    "growth": ("fct_north_star_growth_accounting", GROWTH_COLUMNS, "metric_name, date_day"),
    "org_growth": ("fct_organization_growth_accounting", ORG_GROWTH_COLUMNS, "organization_id, date_day"),
}


# --------------------------------------------------------------------------------------
# Raw events
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    """One raw row of the generic format (None = SQL null)."""
    event_id: str | None
    event_time: datetime | None
    user_id: str | None
    org_id: str | None
    event_name: str | None
    learning_id: str | None = None
    learning_type: str | None = None

    def as_tuple(self) -> tuple:
        return (self.event_id, self.event_time, self.user_id, self.org_id, self.event_name,
                self.learning_id, self.learning_type)


AUTO = object()  # "generate an event id"


class ScenarioBuilder:
    """Collects the events of one scenario.

    Users, orgs, learnings and explicit event ids are written short ("A", "o1", "L1") and
    stored prefixed with the scenario key ("s03_A"). Blank or None values are kept as
    they are, so invalid rows can be written too. `day` is an offset from `base`.
    """

    def __init__(self, key: str, base: date):
        self.key = key
        self.base = base
        self.events: list[Event] = []
        self._counter = 0

    def p(self, value):
        """The prefixed form of a short id (None and blank strings unchanged)."""
        if value is None or not str(value).strip():
            return value
        return f"{self.key}_{value}"

    def day(self, offset: int) -> date:
        return self.base + timedelta(days=offset)

    def at(self, offset: int, hhmm: str = "12:00") -> datetime:
        hours, minutes = (int(part) for part in hhmm.split(":"))
        return datetime.combine(self.day(offset), time(hours, minutes))

    def add(self, day: int | None, hhmm: str | None, user, org, name, learning=None, *,
            event_id=AUTO, utc: datetime | None = None) -> Event:
        """Adds a row. `day=None` (and no `utc`) gives a null event_time."""
        if event_id is AUTO:
            self._counter += 1
            event_id = f"e{self._counter:03d}"
        if utc is not None:
            when = utc
        elif day is None:
            when = None
        else:
            when = self.at(day, hhmm or "12:00")
        event = Event(self.p(event_id), when, self.p(user), self.p(org), name, self.p(learning),
                      "chart" if learning else None)
        self.events.append(event)
        return event

    def replay(self, event: Event, day: int, hhmm: str) -> Event:
        """The same row (same event_id) again, at another time."""
        replayed = Event(event.event_id, self.at(day, hhmm), event.user_id, event.org_id,
                         event.event_name, event.learning_id, event.learning_type)
        self.events.append(replayed)
        return replayed


# --------------------------------------------------------------------------------------
# Expected rows
# --------------------------------------------------------------------------------------

def daily_segments(base: date, segments: list[tuple]) -> list[tuple]:
    """Rows of fct_north_star_daily from (first_day, last_day, wlu, wau, bl, col, ao)
    segments (offsets from base, inclusive). Segments must be contiguous and ordered."""
    rows = []
    expected_next = None
    for first, last, *values in segments:
        assert len(values) == 5, segments
        assert expected_next is None or first == expected_next, f"gap/overlap at day {first}"
        assert first <= last
        expected_next = last + 1
        for offset in range(first, last + 1):
            rows.append((base + timedelta(days=offset), *values))
    return rows


def org_segments(base: date, org: str, segments: list[tuple]) -> list[tuple]:
    """Rows of fct_organization_north_star_daily for one (already prefixed) org from
    (first_day, last_day, wlu, bl, col, is_activated) segments."""
    rows = []
    expected_next = None
    for first, last, *values in segments:
        assert len(values) == 4, segments
        assert expected_next is None or first == expected_next, f"gap/overlap at day {first}"
        expected_next = last + 1
        for offset in range(first, last + 1):
            rows.append((base + timedelta(days=offset), org, *values))
    return rows


@dataclass
class Scenario:
    key: str
    title: str
    builder: ScenarioBuilder
    daily: list[tuple]                       # compared on the days they cover
    org_daily: list[tuple]                   # compared on every row of `orgs`
    orgs: tuple[str, ...]                    # prefixed org ids owned by the scenario
    weekly: list[tuple] = field(default_factory=list)  # compared on the weeks they cover
    weekly_is_last: bool = False             # the weekly rows are the mart's last rows

    @property
    def events(self) -> list[Event]:
        return self.builder.events

    @property
    def first_event_day(self) -> date:
        return min(e.event_time for e in self.events if e.event_time is not None).date()

    @property
    def last_event_day(self) -> date:
        return max(e.event_time for e in self.events if e.event_time is not None).date()


def check_separated(scenarios: list[Scenario], gap_days: int) -> None:
    """Scenarios sharing a table must not see each other: disjoint ids and far-apart days."""
    spans = sorted((s.first_event_day, max(s.last_event_day, *(r[0] for r in s.daily)), s.key)
                   for s in scenarios)
    for (_, end, key), (start, _, next_key) in zip(spans, spans[1:]):
        assert (start - end).days >= gap_days, f"{key} and {next_key} are too close"
    keys = [s.key for s in scenarios]
    assert len(set(keys)) == len(keys)


# --------------------------------------------------------------------------------------
# dbt
# --------------------------------------------------------------------------------------

RAW_COLUMNS = {"event_id": "varchar", "event_time": "timestamp", "user_id": "varchar",
               "org_id": "varchar", "event_name": "varchar", "learning_id": "varchar",
               "learning_type": "varchar"}


def write_events_jsonl(json_path: Path, events: list[Event]) -> None:
    """One JSON object per event, the columns of RAW_COLUMNS (explicit nulls, blanks kept,
    event_time as 'YYYY-MM-DD HH:MM:SS[.ffffff]' text)."""
    with open(json_path, "w") as handle:
        for event in events:
            values = [v.isoformat(sep=" ") if isinstance(v, datetime) else v
                      for v in event.as_tuple()]
            handle.write(json.dumps(dict(zip(RAW_COLUMNS, values))) + "\n")


def load_events(db_path: Path, events: list[Event]) -> None:
    """Writes the events to JSON lines beside the DuckDB file (explicit nulls, blanks kept)
    and loads them typed into raw_fixtures.events (far faster than row inserts)."""
    json_path = db_path.with_suffix(".events.jsonl")
    write_events_jsonl(json_path, events)
    columns = ", ".join(f"{name}: '{kind}'" for name, kind in RAW_COLUMNS.items())
    con = duckdb.connect(str(db_path))
    try:
        con.execute(f"create schema if not exists {EVENTS_SCHEMA}")
        con.execute(f"""
            create or replace table {EVENTS_SCHEMA}.{EVENTS_TABLE} as
            select {', '.join(RAW_COLUMNS)}
            from read_json(?, format = 'newline_delimited', columns = {{{columns}}})""",
                    [str(json_path)])
        loaded = con.execute(f"select count(*) from {EVENTS_SCHEMA}.{EVENTS_TABLE}").fetchone()[0]
        assert loaded == len(events), (loaded, len(events))
    finally:
        con.close()


class DbtBuildError(AssertionError):
    pass


def run_build(workdir: Path, dbt_vars: dict, env: dict, engine: str = "duckdb",
              events_schema: str = EVENTS_SCHEMA,
              models: tuple[str, ...] = (*MARTS, *OPERATING_MARTS)) -> None:
    """Builds `models` and their parents (seed + models, no tests) in a single dbt
    invocation, with the target and connection of `env`, from events_schema.events; logs
    in workdir."""
    from tooling.dbt_runner import resolve_mode, run_dbt

    mode = resolve_mode(quiet=True)
    # Hand scenarios are dated up to years ahead of any build: no future-time quarantine.
    all_vars = {"north_star_events_schema": events_schema,
                "north_star_events_table": EVENTS_TABLE, "north_star_max_future_hours": None,
                **dbt_vars}
    selection = " ".join(f"+{model}" for model in models)
    result = run_dbt(
        mode,
        ["build", "--select", selection, "--resource-type", "seed", "--resource-type", "model",
         "--log-path", str(workdir / "logs")],
        dbt_vars=all_vars,
        env=env,
        target_path=workdir / "target",
        capture=True,
    )
    (workdir / "dbt_stdout.log").write_text(result.stdout or "")
    (workdir / "dbt_stderr.log").write_text(result.stderr or "")
    if result.returncode != 0:
        tail = "\n".join((result.stdout or "").splitlines()[-60:])
        raise DbtBuildError(f"dbt build failed on {engine} (vars={dbt_vars}); log in {workdir}:"
                            f"\n{tail}\n{result.stderr}")


def build_marts(workdir: Path, events: list[Event], dbt_vars: dict, extra_env: dict | None = None,
                models: tuple[str, ...] = (*MARTS, *OPERATING_MARTS)) -> Path:
    """Loads `events` into workdir/marts.duckdb, in their order, and builds `models` (seed
    + models, no tests) in a single dbt invocation. Returns the DuckDB path."""
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / "marts.duckdb"
    load_events(db_path, events)
    run_build(workdir, dbt_vars,
              env={"NORTH_STAR_TARGET": "duckdb",
                   "NORTH_STAR_DUCKDB_PATH": str(db_path),
                   "NORTH_STAR_DUCKDB_TEMP_DIR": str(workdir / "duckdb_tmp"),
                   **(extra_env or {})},
              models=models)
    return db_path


@dataclass
class Marts:
    daily: list[tuple]
    weekly: list[tuple]
    org_daily: list[tuple]
    metrics_daily: list[tuple] = field(default_factory=list)
    growth: list[tuple] = field(default_factory=list)
    org_growth: list[tuple] = field(default_factory=list)

    def daily_between(self, first: date, last: date) -> list[tuple]:
        return [row for row in self.daily if first <= row[0] <= last]

    def org_rows(self, orgs) -> list[tuple]:
        return [row for row in self.org_daily if row[1] in set(orgs)]

    def weekly_between(self, first: date, last: date) -> list[tuple]:
        return [row for row in self.weekly if first <= row[0] <= last]


def _relation(con, name: str) -> str:
    found = con.execute(
        "select table_schema from information_schema.tables where table_name = ? "
        "and table_schema != ? order by table_schema", [name, EVENTS_SCHEMA]).fetchall()
    assert len(found) == 1, f"expected one relation named {name}, found schemas {found}"
    return f'"{found[0][0]}"."{name}"'


def read_marts(db_path: Path) -> Marts:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return Marts(**{
            field: con.execute(f"select {', '.join(columns)} from {_relation(con, mart)} "
                               f"order by {order}").fetchall()
            for field, (mart, columns, order) in MART_QUERIES.items()})
    finally:
        con.close()


# --------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------

def _fmt(row: tuple) -> str:
    return " | ".join("null" if v is None else str(v) for v in row)


def diff_rows(actual: list[tuple], expected: list[tuple], columns: tuple[str, ...],
              max_lines: int = 40) -> str:
    """'' when equal (as sorted lists), else a readable unified diff of the rows."""
    actual_sorted = sorted(actual, key=repr)
    expected_sorted = sorted(expected, key=repr)
    if actual_sorted == expected_sorted:
        return ""
    # Sort by the natural key for the diff so that neighbouring days line up.
    actual_lines = [_fmt(r) for r in sorted(actual, key=lambda r: tuple(map(str, r)))]
    expected_lines = [_fmt(r) for r in sorted(expected, key=lambda r: tuple(map(str, r)))]
    lines = list(difflib.unified_diff(expected_lines, actual_lines, "expected (hand)",
                                      "actual (dbt)", lineterm="", n=1))
    if len(lines) > max_lines:
        lines = lines[:max_lines] + [f"... ({len(lines) - max_lines} more diff lines)"]
    type_note = ""
    if actual and expected and [type(v) for v in actual[0]] != [type(v) for v in expected[0]]:
        type_note = (f"\ncolumn types differ: actual {[type(v).__name__ for v in actual[0]]} "
                     f"vs expected {[type(v).__name__ for v in expected[0]]}")
    return f"columns: {' | '.join(columns)}\n" + "\n".join(lines) + type_note


# --------------------------------------------------------------------------------------
# Checks shared by the test modules
# --------------------------------------------------------------------------------------

def scenario_problems(marts: Marts, scenario: Scenario) -> list[str]:
    """Every mismatch between a scenario's hand expectations and the marts ('' = none)."""
    problems = []
    first, last = scenario.daily[0][0], scenario.daily[-1][0]
    diff = diff_rows(marts.daily_between(first, last), scenario.daily, DAILY_COLUMNS)
    if diff:
        problems.append(f"fct_north_star_daily, {first} .. {last}:\n{diff}")
    diff = diff_rows(marts.org_rows(scenario.orgs), scenario.org_daily, ORG_COLUMNS)
    if diff:
        problems.append(f"fct_organization_north_star_daily, orgs {', '.join(scenario.orgs)}:\n{diff}")
    if scenario.weekly:
        week_first = scenario.weekly[0][0]
        week_last = date.max if scenario.weekly_is_last else scenario.weekly[-1][0]
        diff = diff_rows(marts.weekly_between(week_first, week_last), scenario.weekly,
                         WEEKLY_COLUMNS)
        if diff:
            problems.append(f"fct_north_star_weekly, weeks from {week_first}"
                            f"{' (the last weeks of the mart)' if scenario.weekly_is_last else ''}:\n{diff}")
    return problems


def assert_scenario(marts: Marts, scenario: Scenario) -> None:
    assert scenario.daily and scenario.org_daily, "a scenario must expect rows"
    problems = scenario_problems(marts, scenario)
    assert not problems, (f"scenario {scenario.key} ({scenario.title}):\n\n" +
                          "\n\n".join(problems))


def structural_problems(marts: Marts) -> list[str]:
    """Properties of any build: a gap-free daily spine, weekly = daily as of the week's
    Sunday (or the last day), org rows only on days of the spine, AO = activated orgs."""
    problems = []
    days = [row[0] for row in marts.daily]
    if not days:
        return ["fct_north_star_daily is empty"]
    expected_days = [days[0] + timedelta(days=i) for i in range((days[-1] - days[0]).days + 1)]
    if days != expected_days:
        problems.append(f"daily spine has gaps or duplicates: {len(days)} rows for "
                        f"{len(expected_days)} days")
    by_day = {row[0]: row for row in marts.daily}
    last_day = days[-1]
    expected_weekly = []
    week = days[0] - timedelta(days=days[0].weekday())
    while week <= last_day:
        as_of = min(week + timedelta(days=6), last_day)
        expected_weekly.append((week, *by_day[as_of][1:],
                                days[0] <= week and week + timedelta(days=6) <= last_day))
        week += timedelta(days=7)
    diff = diff_rows(marts.weekly, expected_weekly, WEEKLY_COLUMNS)
    if diff:
        problems.append(f"weekly rows are not the daily rows as of Sunday / the last day:\n{diff}")
    outside = [row for row in marts.org_daily if row[0] not in by_day]
    if outside:
        problems.append(f"{len(outside)} org rows outside the daily spine, e.g. {outside[:3]}")
    activated: dict[date, int] = {}
    for row in marts.org_daily:
        activated[row[0]] = activated.get(row[0], 0) + bool(row[5])
    wrong_ao = [(d, r[5], activated.get(d, 0)) for d, r in by_day.items()
                if r[5] != activated.get(d, 0)]
    if wrong_ao:
        problems.append(f"activated_organizations != activated org rows on {len(wrong_ao)} days, "
                        f"e.g. (day, daily AO, org rows) {wrong_ao[:3]}")
    return problems


def first_differences(actual: list[tuple], expected: list[tuple], key_len: int,
                      columns: tuple[str, ...], limit: int = 8) -> str:
    """The first rows (by key) that differ, as `key: expected -> actual`."""
    actual_by_key = {row[:key_len]: row for row in actual}
    expected_by_key = {row[:key_len]: row for row in expected}
    lines = []
    count = 0
    for key in sorted(set(actual_by_key) | set(expected_by_key), key=lambda k: tuple(map(str, k))):
        want, got = expected_by_key.get(key), actual_by_key.get(key)
        if want != got:
            count += 1
            if len(lines) < limit:
                lines.append(f"  {_fmt(key)}: reference {None if want is None else _fmt(want[key_len:])}"
                             f"  ->  dbt {None if got is None else _fmt(got[key_len:])}")
    if len(actual) != len(actual_by_key) or len(expected) != len(expected_by_key):
        lines.append(f"  duplicate keys: dbt {len(actual) - len(actual_by_key)}, "
                     f"reference {len(expected) - len(expected_by_key)}")
        count += 1
    if not count:
        return ""
    return (f"{count} differing keys (columns: {' | '.join(columns)}); first ones:\n" +
            "\n".join(lines))
