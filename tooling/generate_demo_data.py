"""Generate the demo events seed, seeds/demo/north_star_demo_events.csv.

A synthetic product-analytics log in the package's generic raw format, so the models, tests
and docs run on realistic data without a warehouse: 16 weeks from Monday 2026-06-01 of 12
organisations whose sizes follow a Zipf-like curve (60 users down to 3) and which onboard in
different weeks. Users run queries and create, share and view charts, dashboards and
notebooks. Adoption ramps up after onboarding and weekends are quiet, so Weekly Learning Users
(WLU) rise with a weekly rhythm; the larger orgs end up activated (more than 5 WLU) while the
smallest never are. Every edge case the models handle appears as a small deterministic
share: cross-org views, owner self-views, re-shares by non-owners, learnings owned through
their first share, the mapping's aliases, unknown event names, sessions straddling UTC and New
York midnight, replays (exact, or same event_id at a later time) and invalid rows.

The last day (Sunday 2026-09-20) holds one planted anomaly for the alerts: a new customer,
org_initrode, signs up 40 users at once and each runs a first session. Weekly Active Users
(the guardrail) jump by about 40 over a week-earlier value of about 150, far outside the
range its like-weekday history allows (z > 3, change > 10%), so `dbt build` warns through
the alert test and `python -m tooling.cli alerts` reports a spike; the sign-ups share
nothing yet, so WLU and its inputs do not move. The rows are added after the noise, with
their own ids, and leave every other row of the file unchanged.

Two experiments run in the summer, written to seeds/demo/north_star_demo_experiment_assignments.csv
(the exposure log an experimentation tool exports) and described in seeds/north_star_experiments.csv:

* share_dialog_v2, randomized by user: users with a session between Monday 2026-07-27 and
  Sunday 2026-08-16 are assigned at their first one (a hash of the user id picks control or
  treatment) and logged again at their next two sessions. From their assignment on, the
  treatment's share dialog puts most new learnings of treated users in front of two
  colleagues, who view them within three days: the real lift on broadcasted learnings that
  the readout finds. Two users are logged in both variants (the readout excludes them),
  one row has no unit, and a few rows belong to an experiment the seed does not describe.
* org_weekly_digest, randomized by organization: each organization active in the week of
  2026-08-03 is assigned at its first event that week. The digest changes nothing.

The treatment's extra events are appended after the noise and the anomaly, with their own
ids, drawn from a random generator of their own: every other row is as it was without them.

Usage: python -m tooling.generate_demo_data [--seed N] [--output PATH] [--summary]
The same seed always gives byte-identical files. --summary recomputes weekly WLU from the
written file, naively and independently of the dbt models, as a sanity check.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "seeds" / "demo" / "north_star_demo_events.csv"
ASSIGNMENTS_FILE = "north_star_demo_experiment_assignments.csv"  # beside the events file
DEFAULT_SEED = 2  # chosen for a steady WLU climb; any seed shows the same patterns
HEADER = ["event_id", "event_time", "user_id", "org_id", "event_name", "learning_id", "learning_type"]
START = date(2026, 6, 1)  # a Monday, so demo weeks line up with north_star_week_start
DAYS = 16 * 7
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

# (org_id, users, week the org onboards). Sizes are roughly 60 / rank**1.2; onboarding is
# staggered so the company-wide WLU keeps climbing instead of plateauing after a month.
ORGS = [
    ("org_acme", 60, 0), ("org_globex", 26, 1), ("org_initech", 16, 0), ("org_umbrella", 11, 3),
    ("org_hooli", 9, 5), ("org_stark", 7, 2), ("org_wayne", 6, 7), ("org_wonka", 5, 0),
    ("org_tyrell", 4, 9), ("org_soylent", 4, 4), ("org_cyberdyne", 3, 11), ("org_vandelay", 3, 6),
]
LEARNING_TYPES, LEARNING_TYPE_WEIGHTS = ["chart", "dashboard", "notebook"], [6, 3, 1]
OTHER_EVENTS = ["query_run", "query_run", "cohort_computed"]
UNKNOWN_EVENTS = ["legacy_ping", "page_heartbeat"]  # not in the mapping: must count as "other"
LEARNING_SHELF_LIFE = 10  # days a learning keeps attracting views
BULK_SIGNUP_ORG, BULK_SIGNUP_USERS = "org_initrode", 40  # the planted anomaly of the last day
ASSIGNMENT_HEADER = ["experiment_id", "variant", "unit_id", "assigned_at"]
# The user experiment: enrollment days (offsets from START, inclusive), the chance that a
# treated user shares one more learning on a day with a session, exposures logged per user.
SHARE_DIALOG, SHARE_DIALOG_DAYS = "share_dialog_v2", (56, 76)
SHARE_DIALOG_RATE, SHARE_DIALOG_EXPOSURES = 0.25, 3
# The organization experiment: organizations active in this week are assigned (no effect).
DIGEST, DIGEST_DAYS = "org_weekly_digest", (63, 69)
UNCONFIGURED_EXPERIMENT = "onboarding_checklist"  # in the export, not in the experiments seed


@dataclass
class User:
    user_id: str
    org_id: str
    engagement: float  # chance of a session on a weekday once the org is fully onboarded
    create_rate: float  # chance of creating a learning in a session


@dataclass
class Learning:
    learning_id: str
    learning_type: str
    owner: User
    day: int
    shared: bool = False


def adoption(days_since_onboarding: int) -> float:
    """New orgs start timid and reach full usage after six weeks."""
    return min(1.0, 0.3 + 0.7 * days_since_onboarding / 42)


def event_name(rng: random.Random, action: str, learning_type: str) -> str:
    """Half the learning events use the type-specific aliases that the default mapping covers."""
    if rng.random() < 0.5:
        return f"learning_{action}"
    if action == "created" and learning_type == "chart":
        return "chart_saved"
    return f"{learning_type}_{action}"


class Simulation:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.events: list[list] = []  # [event_time, user_id, org_id, event_name, learning_id, learning_type]
        self.learnings: dict[str, list[Learning]] = {org_id: [] for org_id, _, _ in ORGS}
        self.user_numbers, self.learning_numbers = itertools.count(1), itertools.count(1)
        self.orgs = [(org_id, week * 7, [self.make_user(org_id) for _ in range(size)])
                     for org_id, size, week in ORGS]
        self.clock = datetime.min

    def make_user(self, org_id: str) -> User:
        creator = self.rng.random() < 0.45  # power users make most learnings; the rest mostly view
        return User(f"user_{next(self.user_numbers):04d}", org_id, self.rng.uniform(0.35, 0.85),
                    self.rng.uniform(0.25, 0.5) if creator else 0.03)

    def emit(self, user: User, name: str, learning: Learning | None = None) -> None:
        self.clock += timedelta(seconds=self.rng.randint(15, 420))
        learning_columns = [learning.learning_id, learning.learning_type] if learning else ["", ""]
        self.events.append([self.clock, user.user_id, user.org_id, name, *learning_columns])

    def run(self) -> list[list]:
        for day in range(DAYS):
            for org_id, onboarded, users in self.orgs:
                if day < onboarded:
                    continue
                # Only learnings from earlier days are visible, so views never precede creation.
                recent = [l for l in self.learnings[org_id] if day - l.day <= LEARNING_SHELF_LIFE]
                weekend_damping = 0.2 if (START + timedelta(day)).weekday() >= 5 else 1.0
                for user in users:
                    if self.rng.random() < user.engagement * adoption(day - onboarded) * weekend_damping:
                        self.session(user, day, adoption(day - onboarded), recent)
        return self.events

    def session_start(self, day: int) -> datetime:
        midnight = datetime.combine(START + timedelta(day), datetime.min.time())
        if self.rng.random() < 0.03 and day < DAYS - 1:
            # Straddle a day boundary (UTC midnight or New York midnight, 04:00 UTC in summer)
            # so changing north_star_timezone visibly moves events between days.
            boundary = midnight + timedelta(hours=self.rng.choice([24, 4]))
            return boundary - timedelta(seconds=self.rng.randint(60, 600))
        hour = min(21, max(5, round(self.rng.gauss(14, 3.5))))  # EU/US working hours in UTC
        return midnight + timedelta(hours=hour, seconds=self.rng.randint(0, 3599))

    def session(self, user: User, day: int, adoption_level: float, recent: list[Learning]) -> None:
        self.clock = self.session_start(day)
        self.emit(user, "session_started")
        for _ in range(self.rng.randint(0, 4)):
            self.emit(user, self.rng.choice(OTHER_EVENTS))
        if self.rng.random() < 0.1:
            self.emit(user, self.rng.choice(UNKNOWN_EVENTS))
        # Creating and viewing grow with the org's adoption and with the product's maturity
        # over the calendar: together they drive the WLU trend.
        maturity = 0.25 + 0.75 * day / DAYS
        if self.rng.random() < user.create_rate * adoption_level * maturity:
            self.create(user, day)
        mean_views = 0.4 + 1.8 * adoption_level * maturity
        for _ in range(int(self.rng.expovariate(1 / mean_views))):
            learning = self.pick_learning(user, day, recent)
            if learning is None:
                break
            self.emit(user, event_name(self.rng, "viewed", learning.learning_type), learning)
            if learning.owner is not user and self.rng.random() < 0.04:
                learning.shared = True
                self.emit(user, event_name(self.rng, "shared", learning.learning_type), learning)

    def create(self, user: User, day: int) -> None:
        learning_type = self.rng.choices(LEARNING_TYPES, LEARNING_TYPE_WEIGHTS)[0]
        learning = Learning(f"{learning_type}_{next(self.learning_numbers):05d}", learning_type, user, day)
        self.learnings[user.org_id].append(learning)
        # A few learnings predate tracking of creation: their owner is their first sharer.
        creation_tracked = self.rng.random() >= 0.03
        if creation_tracked:
            self.emit(user, event_name(self.rng, "created", learning_type), learning)
        if not creation_tracked or self.rng.random() < 0.5:
            learning.shared = True
            self.emit(user, event_name(self.rng, "shared", learning_type), learning)
        if self.rng.random() < 0.3:
            self.emit(user, event_name(self.rng, "viewed", learning_type), learning)  # owner self-view

    def pick_learning(self, user: User, day: int, recent: list[Learning]) -> Learning | None:
        if self.rng.random() < 0.03:  # a link followed into another org's workspace
            others = [l for org_id, ls in self.learnings.items() if org_id != user.org_id
                      for l in ls[-20:] if l.day < day]
            return self.rng.choice(others) if others else None
        if not recent:
            return None
        return self.rng.choices(recent, [3 if l.shared else 1 for l in recent])[0]


def add_noise(rng: random.Random, rows: list[list]) -> tuple[list[list], Counter]:
    """Add replays and invalid rows, each kind a deterministic share of the clean rows."""
    noisy: list[tuple[str, list]] = []  # (sort time, row): a broken row sits next to its source
    counts: Counter = Counter()
    next_id = len(rows) + 1
    learning_rows = [row for row in rows if row[5]]
    # (kind, column changed, share, candidate rows): exact copies, same id replayed later, then
    # rows a validating model must quarantine; those get fresh ids so they are not replays.
    kinds = [("exact_duplicate", None, 0.015, rows), ("late_replay", 1, 0.01, rows),
             ("blank_event_id", 0, 0.005, rows), ("blank_user_id", 2, 0.005, rows),
             ("blank_event_time", 1, 0.005, rows), ("missing_learning_id", 5, 0.005, learning_rows)]
    for kind, column, share, pool in kinds:
        for source in rng.sample(pool, round(share * len(rows))):
            row, counts[kind] = list(source), counts[kind] + 1
            if kind == "late_replay":
                delay = timedelta(seconds=rng.randint(30, 3 * 3600))
                row[1] = (datetime.strptime(row[1], TIME_FORMAT) + delay).strftime(TIME_FORMAT)
            elif column is not None:
                row[0], row[column], next_id = f"evt_{next_id:06d}", "", next_id + 1
            noisy.append((row[1] or source[1], row))
    ordered = sorted([(row[1], row) for row in rows] + noisy, key=lambda pair: pair[0])
    return [row for _, row in ordered], counts


def bulk_signup_rows() -> list[list]:
    """The planted anomaly: BULK_SIGNUP_USERS new users of BULK_SIGNUP_ORG each start a
    session and run a query on the last day, one minute apart from 09:00."""
    last_day = datetime.combine(START + timedelta(DAYS - 1), datetime.min.time()) + timedelta(hours=9)
    rows = []
    for n in range(1, BULK_SIGNUP_USERS + 1):
        user, at = f"user_signup_{n:02d}", last_day + timedelta(minutes=n)
        for step, name in enumerate(("session_started", "query_run")):
            rows.append([f"evt_signup_{n:02d}_{step}", (at + timedelta(seconds=20 * step)).strftime(TIME_FORMAT),
                         user, BULK_SIGNUP_ORG, name, "", ""])
    return rows


def variant_of(experiment: str, unit: str, variants: tuple[str, str]) -> str:
    """A deterministic 50/50 split, as experimentation tools hash the unit id."""
    return variants[hashlib.sha256(f"{experiment}:{unit}".encode()).digest()[0] % 2]


def in_days(moment: datetime, days: tuple[int, int]) -> bool:
    return START + timedelta(days[0]) <= moment.date() <= START + timedelta(days[1])


def run_experiments(simulation: Simulation, events: list[list], seed: int) -> tuple[list[list], list[list]]:
    """The experiments' exposure log and the treatment's extra events (rows without ids).

    `events` are the simulation's events in time order. A generator of its own draws the
    treatment's effect, so the simulation's own draws (and every other row) stay as they are."""
    rng = random.Random(seed * 1000 + 13)
    sessions: dict[str, list[datetime]] = defaultdict(list)
    for at, user_id, _, name, *_ in events:
        if name == "session_started" and in_days(at, SHARE_DIALOG_DAYS):
            sessions[user_id].append(at)
    assignments, assigned_day = [], {}
    for user_id, times in sorted(sessions.items()):
        variant = variant_of(SHARE_DIALOG, user_id, ("control", "treatment"))
        assigned_day[user_id] = (times[0].date() - START).days, variant
        for at in times[:SHARE_DIALOG_EXPOSURES]:
            assignments.append([SHARE_DIALOG, variant, user_id, at.strftime(TIME_FORMAT)])
    # An SDK bug logs two users in the other variant too: the readout must exclude them.
    for user_id in rng.sample(sorted(sessions), 2):
        other = "control" if assigned_day[user_id][1] == "treatment" else "treatment"
        later = sessions[user_id][-1] + timedelta(minutes=5)
        assignments.append([SHARE_DIALOG, other, user_id, later.strftime(TIME_FORMAT)])
    first_day = START + timedelta(SHARE_DIALOG_DAYS[0])
    assignments.append([SHARE_DIALOG, "treatment", "", f"{first_day} 10:00:00"])
    for user_id in rng.sample(sorted(sessions), 5):
        assignments.append([UNCONFIGURED_EXPERIMENT, "on", user_id, sessions[user_id][0].strftime(TIME_FORMAT)])

    first_event: dict[str, datetime] = {}
    for at, _, org_id, *_ in events:
        if in_days(at, DIGEST_DAYS):
            first_event.setdefault(org_id, at)
    for org_id, at in sorted(first_event.items()):
        assignments.append([DIGEST, variant_of(DIGEST, org_id, ("control", "digest")), org_id,
                            at.strftime(TIME_FORMAT)])

    # The treatment: on a day with a session after their assignment, a treated user may
    # share one more learning through the dialog, which two or three colleagues open
    # within three days (before the last day, which holds the planted anomaly only).
    users = {user.user_id: user for _, _, org_users in simulation.orgs for user in org_users}
    colleagues = {org_id: org_users for org_id, _, org_users in simulation.orgs}
    session_days = sorted({(user_id, (at.date() - START).days) for at, user_id, _, name, *_ in events
                           if name == "session_started"})
    extra = []
    for user_id, day in session_days:
        assigned, variant = assigned_day.get(user_id, (None, None))
        if variant != "treatment" or day < assigned or day >= DAYS - 2 or rng.random() >= SHARE_DIALOG_RATE:
            continue
        owner = users[user_id]
        learning_type = rng.choices(LEARNING_TYPES, LEARNING_TYPE_WEIGHTS)[0]
        learning_id = f"{learning_type}_dialog_{len(extra) + 1:04d}"
        created = datetime.combine(START + timedelta(day), datetime.min.time()) + timedelta(
            seconds=rng.randint(9 * 3600, 17 * 3600))
        extra.append([created, user_id, owner.org_id, event_name(rng, "created", learning_type),
                      learning_id, learning_type])
        extra.append([created + timedelta(seconds=30), user_id, owner.org_id,
                      event_name(rng, "shared", learning_type), learning_id, learning_type])
        others = [user for user in colleagues[owner.org_id] if user is not owner]
        for viewer in rng.sample(others, min(rng.randint(2, 3), len(others))):
            view_day = min(day + rng.randint(0, 3), DAYS - 2)
            at = max(created + timedelta(minutes=5), datetime.combine(START + timedelta(view_day), datetime.min.time())
                     + timedelta(seconds=rng.randint(9 * 3600, 17 * 3600)))
            extra.append([at, viewer.user_id, viewer.org_id, event_name(rng, "viewed", learning_type),
                          learning_id, learning_type])
    extra.sort(key=lambda event: (event[0], event[1], event[4]))
    assignments.sort(key=lambda row: (row[3], row[0], row[2], row[1]))
    return assignments, extra


def generate(seed: int) -> tuple[list[list], Counter, list[list]]:
    rng = random.Random(seed)
    simulation = Simulation(rng)
    events = sorted(simulation.run(), key=lambda event: event[0])
    rows = [[f"evt_{n:06d}", event[0].strftime(TIME_FORMAT), *event[1:]] for n, event in enumerate(events, 1)]
    noisy, counts = add_noise(rng, rows)
    assignments, treatment_events = run_experiments(simulation, events, seed)
    counts["experiment_treatment"] = len(treatment_events)
    treatment_rows = [[f"evt_exp_{n:05d}", event[0].strftime(TIME_FORMAT), *event[1:]]
                      for n, event in enumerate(treatment_events, 1)]
    return noisy + bulk_signup_rows() + treatment_rows, counts, assignments


def write_csv(rows: list[list], output: Path, header: list[str] = HEADER) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def summarize(path: Path) -> None:
    """Recompute WLU at each week's last day straight from the definitions, as a cross-check."""
    with (ROOT / "seeds" / "north_star_event_mapping.csv").open(newline="") as handle:
        actions = {m["raw_event_name"]: m["action"]
                   for m in csv.DictReader(handle) if m["source_format"] == "generic"}
    first: dict[str, dict] = {}  # earliest valid occurrence of each event_id
    with path.open(newline="", encoding="utf-8") as handle:
        for e in csv.DictReader(handle):
            e.update(action=actions.get(e["event_name"], "other"), day=e["event_time"][:10])
            valid = e["event_id"] and e["user_id"] and e["event_time"]
            if not valid or (e["action"] != "other" and not e["learning_id"]):
                continue
            if e["event_id"] not in first or e["event_time"] < first[e["event_id"]]["event_time"]:
                first[e["event_id"]] = e
    events = sorted(first.values(), key=lambda e: (e["event_time"], e["event_id"]))
    owners: dict[str, dict] = {}
    for action in ("learning_created", "learning_shared"):
        for e in events:
            if e["action"] == action:
                owners.setdefault(e["learning_id"], e)
    print("week_start  active_users  wlu  activated_orgs")
    for week in range(DAYS // 7):
        start, end = str(START + timedelta(week * 7)), str(START + timedelta(week * 7 + 6))
        active = {e["user_id"] for e in events if start <= e["day"] <= end}
        viewers, sharers, wlu_by_org = defaultdict(set), defaultdict(set), defaultdict(set)
        for e in events:
            owner = owners.get(e["learning_id"], {}).get("user_id")
            if e["action"] == "learning_viewed" and start <= e["day"] <= end and e["user_id"] != owner:
                viewers[e["learning_id"]].add(e["user_id"])
            if e["action"] == "learning_shared" and e["day"] <= end:
                sharers[e["learning_id"]].add(e["user_id"])
        for learning_id, owner in owners.items():
            for user in (sharers[learning_id] | {owner["user_id"]}) & active:
                if len(viewers[learning_id] - {user}) >= 2:
                    wlu_by_org[owner["org_id"]].add(user)
        wlu = set().union(*wlu_by_org.values())
        activated = sorted(org for org, users in wlu_by_org.items() if len(users) > 5)
        print(f"{start}  {len(active):12d}  {len(wlu):3d}  {len(activated)} {' '.join(activated)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--summary", action="store_true", help="print weekly WLU computed from the file")
    args = parser.parse_args()
    rows, noise, assignments = generate(args.seed)
    write_csv(rows, args.output)
    assignments_output = args.output.with_name(ASSIGNMENTS_FILE)
    write_csv(assignments, assignments_output, ASSIGNMENT_HEADER)
    print(f"wrote {len(rows)} rows to {args.output}; noise rows: {dict(noise)}")
    print(f"wrote {len(assignments)} rows to {assignments_output}")
    if args.summary:
        summarize(args.output)


if __name__ == "__main__":
    main()
