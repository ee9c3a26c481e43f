"""A naive, deliberately slow and literal implementation of the North Star definitions.

It loops over every day and every learning and builds plain Python sets, so that each
line can be checked against the definitions by reading it. The test suite compares its
output row by row with the dbt marts on random data sets.
"""

from __future__ import annotations

import csv
import math
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
CANONICAL = ("learning_created", "learning_shared", "learning_viewed")


@dataclass(frozen=True)
class Config:
    window_days: int = 7
    min_consumers: int = 2
    activation_threshold: int = 5
    timezone: str = "UTC"
    week_start: int = 0          # Monday (date.weekday())
    replay_window_days: int = 7
    anomaly_training_weeks: int = 8
    anomaly_z_threshold: float = 3.0
    anomaly_min_change: float = 0.10


@dataclass(frozen=True)
class CleanEvent:
    event_id: str
    event_time: datetime
    day: date                    # local day
    user_id: str
    org_id: str | None
    action: str                  # learning_created / learning_shared / learning_viewed / other
    learning_id: str | None


@dataclass
class Learning:
    learning_id: str
    owner: str
    org_id: str | None
    exists_from: date
    sharers: dict                # user -> first day they are a sharer (owner: exists_from)
    views: list                  # (day, user)


def load_event_mapping(source_format: str = "generic") -> dict[str, str]:
    with open(ROOT / "seeds" / "north_star_event_mapping.csv", newline="") as handle:
        return {row["raw_event_name"]: row["action"] for row in csv.DictReader(handle)
                if row["source_format"] == source_format}


def _blank(value) -> bool:
    return value is None or str(value).strip() == ""


def _clean(value):
    return None if _blank(value) else str(value).strip()


def local_day(utc_time: datetime, timezone: str) -> date:
    return utc_time.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(timezone)).date()


def valid_events(raw_events, config: Config, mapping: dict[str, str] | None = None) -> list[CleanEvent]:
    """Invalid rows dropped first; then, per event_id in time order, an occurrence at most
    replay_window_days local days after the previous one is a replay."""
    mapping = load_event_mapping() if mapping is None else mapping
    occurrences: dict[str, list[tuple]] = {}
    for raw in raw_events:
        event_id, user_id, learning_id = _clean(raw.event_id), _clean(raw.user_id), _clean(raw.learning_id)
        name = _clean(raw.event_name)
        action = mapping.get(name, "other")
        if event_id is None or user_id is None or raw.event_time is None:
            continue
        if action in CANONICAL and learning_id is None:
            continue
        event = CleanEvent(event_id, raw.event_time, local_day(raw.event_time, config.timezone),
                           user_id, _clean(raw.org_id), action, learning_id)
        # dbt's order: time, user, name, learning, organization, nulls last.
        order = (event.event_time, user_id, *((v is None, v or "") for v in (name, learning_id, event.org_id)))
        occurrences.setdefault(event_id, []).append((order, event))
    counted = []
    for rows in occurrences.values():
        previous_day = None
        for _, event in sorted(rows, key=lambda row: row[0]):
            if previous_day is None or (event.day - previous_day).days > config.replay_window_days:
                counted.append(event)
            previous_day = event.day
    return counted


def learnings_of(events: list[CleanEvent]) -> dict[str, Learning]:
    by_learning: dict[str, list[CleanEvent]] = {}
    for event in events:
        if event.learning_id is not None and event.action in CANONICAL:
            by_learning.setdefault(event.learning_id, []).append(event)
    learnings = {}
    for learning_id, rows in by_learning.items():
        # The earliest; at the same instant, the smaller event id.
        created = sorted((e for e in rows if e.action == "learning_created"),
                         key=lambda e: (e.event_time, e.event_id))
        shared = sorted((e for e in rows if e.action == "learning_shared"),
                        key=lambda e: (e.event_time, e.event_id))
        owning = created[0] if created else (shared[0] if shared else None)
        if owning is None:
            continue                                  # only views: never counted
        sharers = {owning.user_id: owning.day}
        for event in shared:
            if event.user_id not in sharers or event.day < sharers[event.user_id]:
                sharers[event.user_id] = event.day
        # (the owner is a sharer from the learning's first day whatever their shares)
        sharers[owning.user_id] = owning.day
        views = [(e.day, e.user_id) for e in rows if e.action == "learning_viewed"]
        learnings[learning_id] = Learning(learning_id, owning.user_id, owning.org_id, owning.day,
                                          sharers, views)
    return learnings


def compute_marts(raw_events, config: Config = Config(), mapping: dict[str, str] | None = None,
                  through: date | None = None, members: dict | None = None):
    """Returns (daily, weekly, org_daily) rows shaped like the marts. The daily rows run
    from the first to the last valid event day, or to `through` when that is later (the
    days a table of several separate data sets gives this one before the next starts).
    `members`, when given, receives per day the sets the growth accounting reads:
    (WLU users, {organization: its WLU users}, activated organizations)."""
    events = valid_events(raw_events, config, mapping)
    if not events:
        return [], [], []
    learnings = learnings_of(events)
    first_day = min(e.day for e in events)
    last_day = max([e.day for e in events] + ([through] if through else []))
    orgs = sorted({e.org_id for e in events if e.org_id is not None} |
                  {l.org_id for l in learnings.values() if l.org_id is not None})

    events_by_day: dict[date, list[CleanEvent]] = {}
    for event in events:
        events_by_day.setdefault(event.day, []).append(event)

    daily, org_daily = [], []
    day = first_day
    while day <= last_day:
        window_start = day - timedelta(days=config.window_days - 1)
        window_days = [window_start + timedelta(days=i) for i in range(config.window_days)]
        in_window = [e for d in window_days for e in events_by_day.get(d, [])]
        active_users = {e.user_id for e in in_window}
        orgs_with_events = {e.org_id for e in in_window}

        wlu = set()
        org_wlu = {org: set() for org in orgs}
        org_bl = {org: 0 for org in orgs}
        org_col = {org: 0 for org in orgs}
        broadcasted = 0
        consumption = 0
        for learning in learnings.values():
            if learning.exists_from > day:
                continue
            consumers = {user for view_day, user in learning.views
                         if window_start <= view_day <= day and user != learning.owner}
            if len(consumers) >= config.min_consumers:
                broadcasted += 1
                consumption += len(consumers)
                if learning.org_id is not None:
                    org_bl[learning.org_id] += 1
                    org_col[learning.org_id] += len(consumers)
            for user, sharer_since in learning.sharers.items():
                if sharer_since > day or user not in active_users:
                    continue
                if len(consumers - {user}) >= config.min_consumers:
                    wlu.add(user)
                    if learning.org_id is not None:
                        org_wlu[learning.org_id].add(user)

        activated = 0
        for org in orgs:
            is_activated = len(org_wlu[org]) > config.activation_threshold
            activated += is_activated
            if org in orgs_with_events or org_bl[org] > 0:
                org_daily.append((day, org, len(org_wlu[org]), org_bl[org], org_col[org],
                                  is_activated))
        daily.append((day, len(wlu), len(active_users), broadcasted, consumption, activated))
        if members is not None:
            members[day] = (set(wlu), {org: set(org_wlu[org]) for org in orgs},
                            {org for org in orgs if len(org_wlu[org]) > config.activation_threshold})
        day += timedelta(days=1)
    return daily, weekly_rows(daily, config), org_daily


def weekly_rows(daily: list[tuple], config: Config) -> list[tuple]:
    """Each week's row is the daily row of its last day (or of the last day with data),
    complete when all seven days are inside the daily range."""
    by_day = {row[0]: row for row in daily}
    first_day, last_day = min(by_day), max(by_day)
    weekly = []
    week = first_day - timedelta(days=(first_day.weekday() - config.week_start) % 7)
    while week <= last_day:
        week_end = week + timedelta(days=6)
        as_of = min(week_end, last_day)
        weekly.append((week, *by_day[as_of][1:], week_end <= last_day and week >= first_day))
        week += timedelta(days=7)
    return weekly


# --------------------------------------------------------------------------------------
# Operating the North Star: the metric tree, growth accounting, anomalies
# --------------------------------------------------------------------------------------

DAILY_METRICS = ("weekly_learning_users", "weekly_active_users", "broadcasted_learnings",
                 "consumption_of_learnings", "activated_organizations")   # daily row order


def load_metric_tree() -> dict[str, dict]:
    with open(ROOT / "seeds" / "north_star_metric_tree.csv", newline="") as handle:
        return {row["metric_name"]: row for row in csv.DictReader(handle)}


def metrics_daily_rows(daily: list[tuple], config: Config, tree: dict[str, dict]) -> list[tuple]:
    """Rows of fct_north_star_metrics_daily, straight from the README's formulas."""
    value = {(row[0], name): row[1 + i] for row in daily for i, name in enumerate(DAILY_METRICS)}

    def log_ratio(day, name):            # r(d) = ln(1 + x(d)) - ln(1 + x(d - 7))
        if (day, name) not in value or (day - timedelta(days=7), name) not in value:
            return None
        return math.log(1 + value[day, name]) - math.log(1 + value[day - timedelta(days=7), name])

    rows = []
    for (day, name), x in value.items():
        if name not in tree:
            continue
        branch = tree[name]
        target = float(branch["target_value"]) if branch["target_value"] else None
        previous = value.get((day - timedelta(days=config.window_days), name))
        week_earlier = value.get((day - timedelta(days=7), name))
        training = [log_ratio(day - timedelta(days=7 * k), name)
                    for k in range(2, config.anomaly_training_weeks + 2)]
        training = [r for r in training if r is not None]
        r = log_ratio(day, name)
        z = expected = lower = upper = None
        if len(training) >= 4 and statistics.stdev(training) > 0 and r is not None:
            mean, s = statistics.fmean(training), statistics.stdev(training)
            z = (r - mean) / s
            expected = (1 + week_earlier) * math.exp(mean) - 1
            lower = max((1 + week_earlier) * math.exp(mean - config.anomaly_z_threshold * s) - 1, 0)
            upper = (1 + week_earlier) * math.exp(mean + config.anomaly_z_threshold * s) - 1
        is_anomaly = (z is not None and abs(z) > config.anomaly_z_threshold
                      and abs(x - week_earlier) > config.anomaly_min_change * max(week_earlier, 1))
        rows.append((
            day, name, branch["parent_metric_name"] or None, branch["relationship"],
            branch["owner_team"] or None, x, previous,
            None if previous is None else x - previous,
            None if not previous else (x - previous) / previous,
            target, branch["target_direction"], None if not target else x / target,
            week_earlier, len(training), z, expected, lower, upper, is_anomaly,
            ("spike" if z > 0 else "drop") if is_anomaly else None,
        ))
    return sorted(rows, key=lambda row: (row[1], row[0]))


def growth_counts(sets: dict, day: date, first_seen: dict, config: Config, first_day: date) -> tuple:
    """(current, previous, new, retained, resurrected, churned, quick ratio, retention
    rate, warm-up) of S(d) against S(d - N)."""
    earlier = day - timedelta(days=config.window_days)
    now, before = sets.get(day, set()), sets.get(earlier, set())
    new = {m for m in now if earlier < first_seen[m] <= day}
    retained = now & before
    resurrected = (now - before) - new
    churned = before - now
    return (len(now), len(before), len(new), len(retained), len(resurrected), len(churned),
            None if not churned else (len(new) + len(resurrected)) / len(churned),
            None if not before else len(retained) / len(before),
            earlier < first_day)


def growth_rows(members: dict, config: Config) -> tuple[list[tuple], list[tuple]]:
    """Rows of fct_north_star_growth_accounting and fct_organization_growth_accounting
    from the daily member sets that compute_marts(members=...) fills."""
    days = sorted(members)
    company, organization = [], []
    sets = {"weekly_learning_users": {d: members[d][0] for d in days},
            "activated_organizations": {d: members[d][2] for d in days}}
    for name, by_day in sets.items():
        first_seen = {}
        for day in days:
            for member in by_day[day]:
                first_seen.setdefault(member, day)
            company.append((day, name, *growth_counts(by_day, day, first_seen, config, days[0])))
    orgs = sorted({org for day in days for org in members[day][1]})
    for org in orgs:
        by_day = {d: members[d][1].get(org, set()) for d in days}
        first_seen = {}
        for day in days:
            for member in by_day[day]:
                first_seen.setdefault(member, day)
            if by_day[day] or by_day.get(day - timedelta(days=config.window_days)):
                organization.append((day, org, *growth_counts(by_day, day, first_seen, config, days[0])))
    return company, organization


def compute_operating_marts(raw_events, config: Config = Config(), tree: dict | None = None):
    """Returns (metrics_daily, growth, org_growth) rows shaped like the marts."""
    members: dict = {}
    daily, _, _ = compute_marts(raw_events, config, members=members)
    growth, org_growth = growth_rows(members, config)
    return metrics_daily_rows(daily, config, load_metric_tree() if tree is None else tree), growth, org_growth
