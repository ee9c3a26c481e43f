"""Property-based comparison: the marts against reference_model on adversarial cases.

Per configuration (configs.ADVERSARIAL: the defaults; window 28 / 3 consumers /
threshold 2; America/Los_Angeles) one table of many generated cases
(adversarial_events) is built once per engine, and every column of
fct_north_star_daily, fct_north_star_weekly and fct_organization_north_star_daily is
compared with the reference model, case by case: a failure names the case's seed; so are
the metric tree with its anomaly columns and the two growth accountings, over the table.

The oracle is checked too: a deliberately wrong variant of each definition clause,
made by editing one line of reference_model's source, must give different marts on the
same cases (test_each_wrong_definition_is_caught), so a comparison that passes means
the SQL agrees with every clause, not that the data never reached it. And the marts
must not depend on the physical order of the raw rows or on dbt's thread count
(test_marts_do_not_depend_on_row_order_or_threads).
"""

from __future__ import annotations

import random
import sys
import types
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from tooling.engines import expand_engines

from . import reference_model
from .configs import ADVERSARIAL
from .harness import (DAILY_COLUMNS, GROWTH_COLUMNS, MARTS, METRICS_DAILY_COLUMNS, OPERATING_MARTS,
                      ORG_COLUMNS, ORG_GROWTH_COLUMNS, WEEKLY_COLUMNS, _relation, build_marts,
                      first_differences)

DIMENSIONS = ("dim_learnings", "dim_users", "dim_organizations")
MIN_DUCKDB_CASES = 200
# Cases per table that the wrong variants are run on (pure Python, all three tables).
MUTANT_CASES = 30


def reference_marts(cases, config, model=reference_model):
    """The reference marts of a table of cases: each case computed alone, its daily rows
    running until the day before the next case starts (nothing of it is left by then),
    the weekly rows made from the whole daily series."""
    daily, org_daily = [], []
    for case, following in zip(cases, [*cases[1:], None]):
        through = following.first_day - timedelta(days=1) if following else None
        case_daily, _, case_org_daily = model.compute_marts(case.events, config, through=through)
        assert case_daily and case_daily[0][0] == case.first_day, f"case {case.prefix} starts late"
        daily += case_daily
        org_daily += case_org_daily
    return daily, model.weekly_rows(daily, config), org_daily


def reference_operating_marts(cases, config, model=reference_model):
    """The reference metric tree and growth accounting of a table of cases: the daily rows
    and member sets of every case (as reference_marts cuts them), accounted as one series,
    as the marts account the whole table."""
    daily, members = [], {}
    for case, following in zip(cases, [*cases[1:], None]):
        through = following.first_day - timedelta(days=1) if following else None
        daily += model.compute_marts(case.events, config, through=through, members=members)[0]
    growth, org_growth = model.growth_rows(members, config)
    return model.metrics_daily_rows(daily, config, model.load_metric_tree()), growth, org_growth


def case_problems(cases, expected, actual) -> list[str]:
    """One entry per case whose rows differ, with its seed and first differences."""
    (daily, weekly, org_daily), (got_daily, got_weekly, got_org) = expected, actual
    last_day = max(row[0] for row in daily)
    problems = []
    for case, following in zip(cases, [*cases[1:], None]):
        until = following.first_day if following else date.max

        def in_case(day: date) -> bool:
            return case.first_day <= day < until

        def week_in_case(week: date) -> bool:
            return in_case(min(week + timedelta(days=6), last_day))

        def of_org(row) -> bool:
            return row[1].startswith(f"{case.prefix}_")

        report = [
            first_differences([r for r in got_daily if in_case(r[0])],
                              [r for r in daily if in_case(r[0])], 1, DAILY_COLUMNS),
            first_differences([r for r in got_weekly if week_in_case(r[0])],
                              [r for r in weekly if week_in_case(r[0])], 1, WEEKLY_COLUMNS),
            first_differences([r for r in got_org if of_org(r)],
                              [r for r in org_daily if of_org(r)], 2, ORG_COLUMNS),
        ]
        named = [f"{mart}: {text}" for mart, text in zip(MARTS, report) if text]
        if named:
            problems.append(f"case {case.prefix} (seed {case.seed}, from {case.first_day}):\n"
                            + "\n".join(named))
    return problems


def _reference_config(config_name: str, model=reference_model):
    return model.Config(**asdict(ADVERSARIAL[config_name].reference))


# ------------------------------------------------------------------ the comparison

@pytest.mark.parametrize("config_name", list(ADVERSARIAL))
def test_adversarial_cases_match_reference_model(mart_builds, config_name):
    config = ADVERSARIAL[config_name]
    if mart_builds.engine not in config.engines():
        pytest.skip(f"{config_name} is not built on {mart_builds.engine} (configs.ADVERSARIAL)")
    cases = config.cases(mart_builds.engine)
    expected = reference_marts(cases, config.reference)
    marts = mart_builds.get(config_name)
    problems = case_problems(cases, expected, (marts.daily, marts.weekly, marts.org_daily))
    print(f"{config_name} on {mart_builds.engine}: {len(cases)} generated cases, "
          f"{len(problems)} differ")
    assert not problems, (f"{len(problems)} of {len(cases)} cases differ from the reference "
                          f"(vars {config.dbt_vars}):\n\n" + "\n\n".join(problems[:5]))


@pytest.mark.parametrize("config_name", list(ADVERSARIAL))
def test_adversarial_cases_match_reference_model_on_operating_marts(mart_builds, config_name):
    """The metric tree with its anomaly columns and both growth accountings, over the whole
    table (floats rounded: each engine sums in its own order)."""
    config = ADVERSARIAL[config_name]
    if mart_builds.engine not in config.engines():
        pytest.skip(f"{config_name} is not built on {mart_builds.engine} (configs.ADVERSARIAL)")
    expected = reference_operating_marts(config.cases(mart_builds.engine), config.reference)
    marts = mart_builds.get(config_name)
    actual = (marts.metrics_daily, marts.growth, marts.org_growth)
    rounded = [[tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows]
               for rows in (*expected, *actual)]
    report = [first_differences(rounded[index + 3], rounded[index], 2, columns)
              for index, columns in enumerate((METRICS_DAILY_COLUMNS, GROWTH_COLUMNS, ORG_GROWTH_COLUMNS))]
    named = [f"{mart}: {text}" for mart, text in zip(OPERATING_MARTS, report) if text]
    assert not named, f"vars {config.dbt_vars}:\n" + "\n".join(named)


def test_enough_cases_run_on_duckdb():
    total = sum(config.cases_per_engine.get("duckdb", 0) for config in ADVERSARIAL.values())
    assert total >= MIN_DUCKDB_CASES


def test_cases_hold_identical_qualifying_spans():
    """The ties that broke the island merge: an owner with several broadcast learnings
    of exactly the same consumers on the same day, in most cases of every table."""
    for name, config in ADVERSARIAL.items():
        cases = config.cases()
        tied = sum(_has_identical_broadcasts(case, config.reference) for case in cases)
        assert tied >= len(cases) // 2, f"{name}: only {tied} of {len(cases)} cases have ties"


def _has_identical_broadcasts(case, config) -> bool:
    events = reference_model.valid_events(case.events, config)
    learnings = reference_model.learnings_of(events)
    for day in sorted({event.day for event in events}):
        start = day - timedelta(days=config.window_days - 1)
        seen = set()
        for learning in learnings.values():
            if learning.exists_from > day:
                continue
            consumers = frozenset(user for view_day, user in learning.views
                                  if start <= view_day <= day and user != learning.owner)
            if len(consumers) >= config.min_consumers:
                if (learning.owner, consumers) in seen:
                    return True
                seen.add((learning.owner, consumers))
    return False


# ------------------------------------------------------------------ the oracle's power

# (clause, line of reference_model.py, wrong variant): each must change the marts.
WRONG_DEFINITIONS = [
    ("window is N days ending on d",
     "window_start = day - timedelta(days=config.window_days - 1)",
     "window_start = day - timedelta(days=config.window_days)"),
    ("days are local days in the configured zone",
     'return utc_time.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(timezone)).date()',
     "return utc_time.date()"),
    ("a valid event has a user",
     "if event_id is None or user_id is None or raw.event_time is None:",
     "if event_id is None or raw.event_time is None:"),
    ("learning actions need a learning",
     "if action in CANONICAL and learning_id is None:",
     "if False:"),
    ("a replay is at most R days after the previous occurrence",
     "(event.day - previous_day).days > config.replay_window_days",
     "(event.day - previous_day).days >= config.replay_window_days"),
    ("the earliest occurrence of an id counts",
     "for _, event in sorted(rows, key=lambda row: row[0]):",
     "for _, event in sorted(rows, key=lambda row: row[0], reverse=True):"),
    ("a creation outranks a share",
     "owning = created[0] if created else (shared[0] if shared else None)",
     "owning = min(created + shared, key=lambda e: (e.event_time, e.event_id), default=None)"),
    ("ownership ties go to the smaller event id",
     "key=lambda e: (e.event_time, e.event_id))\n        shared",
     "key=lambda e: (e.event_time, [-ord(c) for c in e.event_id]))\n        shared"),
    ("a learning exists from its owner event's day",
     "if learning.exists_from > day:\n                continue",
     "if False:\n                continue"),
    ("a share counts from its day on",
     "if sharer_since > day or user not in active_users:",
     "if user not in active_users:"),
    ("a WLU is active in the window",
     "if sharer_since > day or user not in active_users:",
     "if sharer_since > day:"),
    ("owners' views are not consumption",
     "if window_start <= view_day <= day and user != learning.owner}",
     "if window_start <= view_day <= day}"),
    ("a WLU needs K consumers other than themselves",
     "if len(consumers - {user}) >= config.min_consumers:",
     "if len(consumers) >= config.min_consumers:"),
    ("broadcast means at least K consumers",
     "if len(consumers) >= config.min_consumers:",
     "if len(consumers) > config.min_consumers:"),
    ("consumption counts distinct people",
     "consumption += len(consumers)",
     "consumption += len([v for v in learning.views if window_start <= v[0] <= day])"),
    ("activation is strictly more than T",
     "is_activated = len(org_wlu[org]) > config.activation_threshold",
     "is_activated = len(org_wlu[org]) >= config.activation_threshold"),
    ("a WLU counts in the learning's organization, not (also) in their own",
     "org_wlu[learning.org_id].add(user)",
     "[org_wlu[o].add(user) for o in orgs"
     " if o == learning.org_id or o[-1].lower() == user.rsplit('_', 1)[1][0]]"),
    ("organization rows exist while the organization is active or broadcasting",
     "if org in orgs_with_events or org_bl[org] > 0:",
     "if org in orgs_with_events:"),
    ("a week shows its last day",
     "as_of = min(week_end, last_day)",
     "as_of = max(week, first_day)"),
    ("a week is complete only with all its days in range",
     "week_end <= last_day and week >= first_day",
     "week_end <= last_day"),
]


def _wrong_model(original: str, wrong: str) -> types.ModuleType:
    source = Path(reference_model.__file__).read_text()
    assert source.count(original) == 1, f"reference_model.py no longer has exactly one {original!r}"
    name = "reference_model_wrong"
    module = types.ModuleType(name)
    module.__dict__["__file__"] = reference_model.__file__
    # Dataclasses look their module up while the class is made.
    sys.modules[name] = module
    try:
        exec(compile(source.replace(original, wrong), name, "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


@pytest.mark.parametrize("clause,original,wrong", WRONG_DEFINITIONS,
                         ids=[clause for clause, _, _ in WRONG_DEFINITIONS])
def test_each_wrong_definition_is_caught(clause, original, wrong):
    model = _wrong_model(original, wrong)
    caught_by = []
    for name, config in ADVERSARIAL.items():
        cases = config.cases()[:MUTANT_CASES]
        expected = reference_marts(cases, config.reference)
        produced = reference_marts(cases, _reference_config(name, model), model)
        if case_problems(cases, expected, produced):
            caught_by.append(name)
    assert caught_by, f"no table tells the wrong variant of '{clause}' from the definition"


# ------------------------------------------------------------------ determinism

def _read_everything(db_path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = {}
        for name in (*MARTS, *DIMENSIONS):
            relation = _relation(con, name)
            columns = [c[0] for c in con.execute(f"select * from {relation} limit 0").description]
            rows[name] = con.execute(f"select * from {relation} order by "
                                     + ", ".join(f'"{c}"' for c in columns)).fetchall()
        return rows
    finally:
        con.close()


def test_marts_do_not_depend_on_row_order_or_threads(engine, tmp_path):
    """The tie-heavy default table loaded in two physical orders, built with 1 and with 2
    dbt threads: all six marts identical row by row."""
    if "duckdb" not in expand_engines(engine):
        pytest.skip("runs on DuckDB")
    config = ADVERSARIAL["adversarial_default"]
    events = config.fixture_events()
    shuffled = list(events)
    random.Random(7).shuffle(shuffled)
    orders = {"reversed_1_thread": (events[::-1], "1"), "shuffled_2_threads": (shuffled, "2")}

    def build(label: str) -> dict[str, list[tuple]]:
        ordered, threads = orders[label]
        return _read_everything(build_marts(tmp_path / label, ordered, config.dbt_vars,
                                            extra_env={"NORTH_STAR_THREADS": threads},
                                            models=(*MARTS, *DIMENSIONS)))

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(build, orders)
    for name in first:
        assert first[name], f"{name} is empty"
        assert first[name] == second[name], (
            f"{name} differs between row orders / thread counts: "
            f"{len(set(first[name]) ^ set(second[name]))} rows not in both")
