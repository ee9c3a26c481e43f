"""Seeded random raw events for the cross-check against reference_model.

A data set has 3 orgs (of 8, 4 and 3 users, so that the big one can pass the activation
threshold), 15 users, 10 learnings plus 2 that are only ever viewed, 40 days and about
600 rows: creations (0 to 2 per learning, some through aliases), shares, views (some
through aliases, owners' self-views included), other and unknown events, replays (exact
or moved in time, earlier or later) and invalid rows (no id / user / time, learning
actions without a learning, and invalid copies of valid ids).

Every data set starts with a valid event on a Monday at 12:00 UTC and has no event
before, so its first local day is that Monday in UTC and in America/Los_Angeles. Times
are drawn without repetition (second resolution), so "the earliest" is never a tie
except between identical copies.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from .harness import Event

DAYS = 40
N_LEARNINGS = 10
GHOST_LEARNINGS = 2
ORG_SIZES = (8, 4, 3)
VIEW_NAMES = ["learning_viewed"] * 7 + ["chart_viewed", "dashboard_viewed", "notebook_viewed"]
CREATE_NAMES = ["learning_created"] * 3 + ["chart_saved", "notebook_created"]
SHARE_NAMES = ["learning_shared"] * 3 + ["chart_shared", "dashboard_shared"]
OTHER_NAMES = ["session_started", "query_run", "search_performed", "zz_unknown_event",
               "dashboard_opened", "learning_commented"]   # learning_commented has a learning_id

# Data-set starts (Mondays), before every hand scenario; two of the data sets contain a
# Los Angeles DST change (2024-11-03, 2025-03-09).
STARTS = (date(2024, 10, 14), date(2025, 2, 24), date(2025, 6, 9))


class _Clock:
    """Distinct UTC times within a data set's span."""

    def __init__(self, rng: random.Random, start: date):
        self.rng = rng
        self.origin = datetime.combine(start, time(12, 0))
        self.span_seconds = DAYS * 86400 - 12 * 3600 - 1
        self.used: set[int] = {0}

    def at(self, seconds: int) -> datetime:
        seconds = min(max(seconds, 1), self.span_seconds)
        while seconds in self.used:
            seconds = seconds + 1 if seconds < self.span_seconds else 1
        self.used.add(seconds)
        return self.origin + timedelta(seconds=seconds)

    def anywhere(self) -> datetime:
        return self.at(self.rng.randint(1, self.span_seconds))

    def near(self, center: int, before_days: float, after_days: float) -> datetime:
        return self.at(center + int(self.rng.uniform(-before_days, after_days) * 86400))

    def seconds_of(self, when: datetime) -> int:
        return int((when - self.origin).total_seconds())


def random_dataset(seed: int, start: date, prefix: str) -> list[Event]:
    rng = random.Random(seed)
    clock = _Clock(rng, start)
    orgs = [f"{prefix}_org{i}" for i in range(len(ORG_SIZES))]
    users: list[tuple[str, str]] = []
    for org, size in zip(orgs, ORG_SIZES):
        users += [(f"{prefix}_u{len(users) + k:02d}", org) for k in range(size)]
    learnings = [f"{prefix}_L{i:02d}" for i in range(N_LEARNINGS + GHOST_LEARNINGS)]
    home = {l: rng.choices(orgs, weights=(5, 3, 2))[0] for l in learnings}
    center = {l: rng.randint(0, (DAYS - 10) * 86400) for l in learnings}
    counter = 0

    def new_id() -> str:
        nonlocal counter
        counter += 1
        return f"{prefix}_e{counter:04d}"

    # Each user is around for part of the period only, so that activity comes and goes.
    presence = {}
    for user_id, _ in users:
        arrive = rng.uniform(-5, 22) * 86400
        presence[user_id] = (arrive, arrive + rng.uniform(10, 35) * 86400)

    def user_near(org: str, when: datetime, local_share: float = 0.75) -> tuple[str, str]:
        seconds = clock.seconds_of(when)
        present = [u for u in users if presence[u[0]][0] <= seconds <= presence[u[0]][1]] or users
        members = [u for u in present if u[1] == org] or present
        user = rng.choice(members) if rng.random() < local_share else rng.choice(present)
        # Now and then a user acts for another org (a user may belong to several).
        event_org = user[1] if rng.random() < 0.95 else rng.choice(orgs)
        return user[0], event_org

    def when_for(learning: str) -> datetime:
        if rng.random() < 0.8:
            return clock.near(center[learning], 4, 14)
        return clock.anywhere()

    events: list[Event] = []
    anchor_user = users[0]
    events.append(Event(new_id(), clock.origin, anchor_user[0], anchor_user[1], "session_started"))

    real = learnings[:N_LEARNINGS]
    for learning in real:
        n_created = rng.choice([0, 1, 1, 1, 2])
        for _ in range(n_created):
            when = clock.near(center[learning], 2, 3)
            user, org = user_near(home[learning], when, 0.9)
            events.append(Event(new_id(), when, user, org, rng.choice(CREATE_NAMES), learning,
                                "chart"))
        for _ in range(1 if n_created == 0 else 0):
            when = clock.near(center[learning], 2, 3)
            user, org = user_near(home[learning], when, 0.9)
            events.append(Event(new_id(), when, user, org, rng.choice(SHARE_NAMES), learning,
                                "chart"))
    for _ in range(70):
        learning = rng.choice(real)
        when = when_for(learning)
        user, org = user_near(home[learning], when)
        events.append(Event(new_id(), when, user, org, rng.choice(SHARE_NAMES), learning, "chart"))
    for _ in range(300):
        learning = rng.choice(learnings)
        when = when_for(learning)
        user, org = user_near(home[learning], when, 0.6)
        events.append(Event(new_id(), when, user, org, rng.choice(VIEW_NAMES), learning, "chart"))
    for _ in range(110):
        when = clock.anywhere()
        user, org = user_near(rng.choice(orgs), when, 0.5)
        name = rng.choice(OTHER_NAMES)
        learning = rng.choice(learnings) if name == "learning_commented" else None
        events.append(Event(new_id(), when, user, org, name, learning, None))

    valid_so_far = events[1:]
    # Replays: exact copies, or the same id at another time (earlier or later).
    for _ in range(40):
        original = rng.choice(valid_so_far)
        if rng.random() < 0.4:
            when = original.event_time
        else:
            shift = int(rng.choice([-1, 1]) * rng.uniform(60, 6 * 86400))
            when = clock.at(clock.seconds_of(original.event_time) + shift)
        events.append(Event(original.event_id, when, original.user_id, original.org_id,
                            original.event_name, original.learning_id, original.learning_type))

    # Invalid rows.
    for index in range(32):
        template = rng.choice(valid_so_far)
        kind = index % 8
        fields = dict(event_id=new_id(), event_time=clock.anywhere(), user_id=template.user_id,
                      org_id=template.org_id, event_name=template.event_name,
                      learning_id=template.learning_id, learning_type=template.learning_type)
        if kind == 0:
            fields["event_id"] = None
        elif kind == 1:
            fields["event_id"] = "  "
        elif kind == 2:
            fields["user_id"] = None
        elif kind == 3:
            fields["user_id"] = " "
        elif kind == 4:
            fields["event_time"] = None
        elif kind == 5:
            fields.update(event_name=rng.choice(VIEW_NAMES + SHARE_NAMES + CREATE_NAMES),
                          learning_id=None)
        elif kind == 6:
            fields.update(event_name=rng.choice(VIEW_NAMES), learning_id="")
        else:
            # An invalid copy of a valid id, earlier than it: must not displace it.
            fields.update(event_id=template.event_id, user_id=None,
                          event_time=clock.at(clock.seconds_of(template.event_time) - 3600))
        events.append(Event(**fields))

    rng.shuffle(events)
    return events


def random_table(seeds: tuple[int, ...], label: str) -> list[Event]:
    """One data set per seed, each on its own start Monday (STARTS), ids prefixed."""
    assert len(seeds) <= len(STARTS)
    events: list[Event] = []
    for seed, start in zip(seeds, STARTS):
        events += random_dataset(seed, start, f"{label}{seed}")
    return events
