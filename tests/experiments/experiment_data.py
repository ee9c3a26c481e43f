"""Generated experiments for the readout tests: raw events, the assignment export and the
experiments seed, deterministic by seed, and the per-unit outcomes recomputed from them
with the reference model (tests/scenarios/reference_model.py), independently of the SQL.

One data set holds 30 organizations of 8 users over 63 days from Monday 2025-03-03: users
are active on some days (fewer at weekends), run queries, create learnings and view their
colleagues' recent ones (now and then another organization's), re-share some. Four
experiments run on it:

* exp_lift (users, 14 days, target broadcasted_learnings): users are assigned at their
  first event from day 21 on (until day 62, so the late ones have a horizon that is not
  complete yet); a hash of the user picks control or treatment. From its assignment on,
  a treated user shares one more learning on about one active day in three, which two or
  three colleagues open within three days: a real effect.
* exp_null (users, 7 days, target weekly_learning_users, variants "0" and "1" as
  GrowthBook numbers them): assigned at their first event from day 28 on, but for a few
  users assigned on day 56 (their horizon ends on the data's last day: complete) or day
  57 (not complete); no effect.
* exp_srm (users, 14 days, target consumption_of_learnings): a 50/50 hash, but a logging
  bug drops the control's less active half from the export: a sample-ratio mismatch, and
  a biased comparison.
* exp_org (organizations, 14 days, target activated_organizations, three variants):
  organizations are assigned at their first event from day 35 on; no effect.

The export also repeats exposures, logs some units in both variants, has rows without a
unit or a variant, and rows of an experiment the seed does not describe.
"""

from __future__ import annotations

import hashlib
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.scenarios import reference_model  # noqa: E402
from tests.scenarios.harness import Event  # noqa: E402

START = date(2025, 3, 3)
DAYS = 63
ORGANIZATIONS, USERS_PER_ORGANIZATION = 30, 8
LIFT_RATE = 0.35
EXPERIMENTS_HEADER = ("experiment_id", "unit_type", "control_variant", "horizon_days",
                      "target_metric_name", "owner_team", "hypothesis")
EXPERIMENTS = [
    ("exp_lift", "user", "control", 14, "broadcasted_learnings", "Sharing team",
     "A share dialog gets more learnings broadcast"),
    ("exp_null", "user", "0", 7, "weekly_learning_users", "Product leadership", "A new colour changes nothing"),
    ("exp_srm", "user", "a", 14, "consumption_of_learnings", "Discovery team", "A broken exposure log"),
    ("exp_org", "organization", "control", None, "activated_organizations", "Growth team",
     "Digests and banners change nothing"),
]
# The unit columns compared with the reference, in fct_north_star_experiment_units order.
OUTCOMES = ("weekly_learning_user_days", "broadcasted_learnings", "learning_consumers",
            "active_days", "activated_days")


@dataclass
class ExperimentData:
    events: list[Event]
    assignments: list[tuple]            # (experiment_id, variant, unit_id, assigned_at)
    experiments: list[tuple] = field(default_factory=lambda: list(EXPERIMENTS))


def bucket(experiment: str, unit: str) -> float:
    """A unit's uniform draw in [0, 1), as experimentation tools hash units."""
    digest = hashlib.sha256(f"{experiment}:{unit}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def at(day: int, seconds: int) -> datetime:
    return datetime.combine(START + timedelta(days=day), time()) + timedelta(seconds=seconds)


def generate(seed: int = 7) -> ExperimentData:
    rng = random.Random(seed)
    serial = iter(range(1, 10 ** 7))
    events: list[Event] = []

    def emit(when: datetime, user: str, org: str, name: str, learning: str | None = None) -> None:
        events.append(Event(f"x{next(serial):06d}", when, user, org, name, learning,
                            "chart" if learning else None))

    orgs = {f"org{o:02d}": [f"u{o:02d}{u}" for u in range(USERS_PER_ORGANIZATION)]
            for o in range(ORGANIZATIONS)}
    org_of = {user: org for org, users in orgs.items() for user in users}
    activity = {user: rng.uniform(0.15, 0.75) for user in org_of}
    creating = {user: rng.choice([0.02, 0.05, 0.15, 0.3]) for user in org_of}
    learnings: dict[str, list[tuple[str, int]]] = defaultdict(list)   # org -> (learning, day)
    active_times: dict[str, list[datetime]] = defaultdict(list)
    for day in range(DAYS):
        weekend = (START + timedelta(days=day)).weekday() >= 5
        for user, org in org_of.items():
            if rng.random() >= activity[user] * (0.3 if weekend else 1.0):
                continue
            clock = rng.randint(6 * 3600, 20 * 3600)
            active_times[user].append(at(day, clock))
            emit(at(day, clock), user, org, "query_run")
            if rng.random() < creating[user]:
                learning = f"L{next(serial):06d}"
                learnings[org].append((learning, day))
                emit(at(day, clock + 60), user, org, "learning_created", learning)
            recent = [name for name, made in learnings[org] if 0 < day - made <= 10]
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                if rng.random() < 0.05:
                    pool = [name for other in rng.sample(sorted(orgs), 2) for name, made in learnings[other]
                            if made < day][-10:]
                else:
                    pool = recent
                if not pool:
                    break
                learning = rng.choice(pool)
                clock += rng.randint(60, 900)
                emit(at(day, clock), user, org, "learning_viewed", learning)
                if rng.random() < 0.05:
                    emit(at(day, clock + 30), user, org, "learning_shared", learning)

    assignments: list[tuple] = []
    first_from = {}

    def first_event_from(unit_times: list[datetime], day: int, last_day: int) -> datetime | None:
        return next((t for t in sorted(unit_times) if day <= (t.date() - START).days <= last_day), None)

    # exp_lift: assigned at the first event from day 21, 50/50; exposures logged again later.
    for user in sorted(org_of):
        when = first_event_from(active_times[user], 21, 62)
        if when is None:
            continue
        variant = "treatment" if bucket("exp_lift", user) < 0.5 else "control"
        first_from[user] = (when, variant)
        assignments.append(("exp_lift", variant, user, when))
        later = [t for t in sorted(active_times[user]) if t > when][:2]
        assignments += [("exp_lift", variant, user, t) for t in later]
    # The treatment: one more shared learning on about one active day in three, opened by
    # two or three colleagues within three days (never after the last day).
    for user, (when, variant) in sorted(first_from.items()):
        if variant != "treatment":
            continue
        for active in sorted(t for t in active_times[user] if t >= when):
            if rng.random() >= LIFT_RATE:
                continue
            learning = f"D{next(serial):06d}"
            org = org_of[user]
            emit(active + timedelta(seconds=5), user, org, "learning_created", learning)
            emit(active + timedelta(seconds=10), user, org, "learning_shared", learning)
            for viewer in rng.sample([u for u in orgs[org] if u != user], rng.choice([2, 3])):
                view_day = min((active.date() - START).days + rng.randint(0, 3), DAYS - 1)
                emit(max(active + timedelta(minutes=5), at(view_day, rng.randint(6 * 3600, 22 * 3600))),
                     viewer, org, "learning_viewed", learning)

    # exp_null: no effect; variants "0" (control) and "1". A few users are assigned at the
    # edge of the data instead: on day 56, whose 7-day horizon ends on the last day
    # (complete), or just after midnight of day 57 (not complete).
    edge = sorted(rng.sample(sorted(org_of), 6))
    on_edge = {**{user: at(56, 12 * 3600) for user in edge[::2]}, **{user: at(57, 1800) for user in edge[1::2]}}
    for user in sorted(org_of):
        variant = "1" if bucket("exp_null", user) < 0.5 else "0"
        when = on_edge.get(user) or first_event_from(active_times[user], 28, 55)
        if when is not None:
            assignments.append(("exp_null", variant, user, when))

    # exp_srm: the control's less active users are never logged.
    for user in sorted(org_of):
        when = first_event_from(active_times[user], 14, 40)
        if when is None:
            continue
        variant = "b" if bucket("exp_srm", user) < 0.5 else "a"
        if variant == "a" and activity[user] < 0.45:
            continue
        assignments.append(("exp_srm", variant, user, when))

    # exp_org: organizations at their first event from day 35, three variants.
    for org, users in sorted(orgs.items()):
        when = first_event_from([t for user in users for t in active_times[user]], 35, 45)
        if when is not None:
            draw = bucket("exp_org", org)
            variant = "control" if draw < 1 / 3 else ("digest" if draw < 2 / 3 else "banner")
            assignments.append(("exp_org", variant, org, when))

    # What an export also holds: units in both variants (excluded), rows without a unit or
    # a variant, an experiment nobody described.
    lift_users = sorted(first_from)
    for user in rng.sample(lift_users, 4):
        when, variant = first_from[user]
        other = "control" if variant == "treatment" else "treatment"
        assignments.append(("exp_lift", other, user, when + timedelta(hours=1)))
    assignments.append(("exp_lift", "treatment", None, at(30, 3600)))
    assignments.append(("exp_null", None, lift_users[0], at(30, 3600)))
    assignments += [("exp_unknown", "on", user, at(40, 7200)) for user in lift_users[:3]]
    assignments.sort(key=lambda row: (row[3], row[0], row[2] or "", row[1] or ""))
    return ExperimentData(events, assignments)


# ---------------------------------------------------------------------- the reference

def used_units(data: ExperimentData) -> tuple[dict, dict]:
    """(units, reasons): units[(experiment, unit)] = (variant, first assigned_at) for kept
    units; reasons: the exclusion reason of every excluded row, counted."""
    configured = {row[0] for row in data.experiments}
    kept_rows, reasons = [], defaultdict(int)
    for experiment, variant, unit, when in data.assignments:
        reason = ("missing_experiment_id" if not experiment else "missing_unit_id" if not unit
                  else "missing_variant" if not variant else "missing_assigned_at" if when is None
                  else "experiment_not_configured" if experiment not in configured else None)
        if reason:
            reasons[reason] += 1
        else:
            kept_rows.append((experiment, variant, unit, when))
    variants = defaultdict(set)
    for experiment, variant, unit, _ in kept_rows:
        variants[experiment, unit].add(variant)
    units = {}
    for experiment, variant, unit, when in kept_rows:
        if len(variants[experiment, unit]) > 1:
            reasons["multiple_variants"] += 1
        elif (experiment, unit) not in units or when < units[experiment, unit][1]:
            units[experiment, unit] = (variant, when)
    return units, dict(reasons)


def reference_outcomes(data: ExperimentData, config=reference_model.Config()) -> dict:
    """Per (experiment, unit): (variant, assigned_date, is_horizon_complete, outcomes,
    pre-period outcomes), straight from the definitions (README, Experiments)."""
    members: dict = {}
    reference_model.compute_marts(data.events, config, members=members)
    events = reference_model.valid_events(data.events, config)
    learnings = reference_model.learnings_of(events)
    last_day = max(event.day for event in events)
    active = defaultdict(set)
    for event in events:
        active["user", event.user_id].add(event.day)
        if event.org_id is not None:
            active["organization", event.org_id].add(event.day)

    def broadcast_days(learning) -> set[date]:
        days = set()
        for view_day, _ in learning.views:
            for offset in range(config.window_days):
                day = view_day + timedelta(days=offset)
                window_start = day - timedelta(days=config.window_days - 1)
                consumers = {user for seen, user in learning.views
                             if window_start <= seen <= day and user != learning.owner}
                if day >= learning.exists_from and len(consumers) >= config.min_consumers:
                    days.add(day)
        return days

    broadcasts = {learning_id: broadcast_days(learning) for learning_id, learning in learnings.items()}
    horizons = {row[0]: (row[1], row[3] or 14) for row in data.experiments}
    units, _ = used_units(data)
    expected = {}
    for (experiment, unit), (variant, when) in units.items():
        unit_type, horizon = horizons[experiment]
        assigned = reference_model.local_day(when, config.timezone)
        periods = {"outcome": [assigned + timedelta(days=i) for i in range(horizon)],
                   "pre_period": [assigned - timedelta(days=horizon - i) for i in range(horizon)]}
        owns = [l for l in learnings.values()
                if (l.owner if unit_type == "user" else l.org_id) == unit]
        values = {}
        for period, days in periods.items():
            first, last = days[0], days[-1]
            if unit_type == "user":
                learning_user_days = sum(unit in members[d][0] for d in days if d in members)
                activated = None
            else:
                learning_user_days = sum(len(members[d][1].get(unit, ())) for d in days if d in members)
                activated = sum(len(members[d][1].get(unit, ())) > config.activation_threshold
                                for d in days if d in members)
            values[period] = (
                learning_user_days,
                sum(1 for l in owns if broadcasts[l.learning_id] & set(days)),
                len({user for l in owns for seen, user in l.views if first <= seen <= last and user != l.owner}),
                len(active[unit_type, unit] & set(days)),
                activated,
            )
        expected[experiment, unit] = (variant, assigned, days_end(assigned, horizon) <= last_day,
                                      values["outcome"], values["pre_period"])
    return expected


def days_end(assigned: date, horizon: int) -> date:
    return assigned + timedelta(days=horizon - 1)
