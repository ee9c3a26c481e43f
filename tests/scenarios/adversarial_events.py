"""Adversarial seeded cases for the property-based comparison with reference_model.

A case is a small product: two organizations, the activation threshold + 3 users in
the first (so that it can have exactly T and T + 1 Weekly Learning Users) and three in
the second, seven learnings, about 100 raw rows. Its events are crowded onto a few "hot"
days placed at the edges of the configuration's window (d, d + N − 1, d + N, d + N + 1),
and aimed at every clause of the definitions:

* one owner with four learnings viewed by the same crowd on the same days, so the
  owner's qualifying spans are identical (the ties that once broke the island merge);
  crowds of K − 1, K and K + 1 people (K = the consumer threshold);
* views before the learning exists; owners viewing their own learnings; re-sharers,
  some from the other organization, who also view; re-shares of learnings that are
  already broadcast; a team learning shared by T − 1 … T + 2 users of one organization;
* ownership edges: two creations at the same instant (the smaller event id wins), a
  share before the creation, learnings with only a share;
* times within minutes of local midnight (in the configuration's time zone) and events
  at the exact same instant;
* replays: exact copies, copies R and R + 1 local days later (R = the replay window),
  same-instant copies with another payload; invalid rows of every kind.

Each case starts with a valid event at local noon on its first day and has no earlier
row, so its first local day is known; cases sit far enough apart that none sees
another (ids are prefixed, days are separated by more than a window and a replay
window), and one dbt build evaluates all the cases of a table.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .harness import Event
from .random_events import CREATE_NAMES, OTHER_NAMES, SHARE_NAMES, VIEW_NAMES

UTC = ZoneInfo("UTC")
N_LEARNINGS = 7
TIED = 4                 # learnings of one owner with the same consumers


@dataclass(frozen=True)
class Edges:
    """The definition values a table's cases aim at (those of its configuration)."""
    window_days: int
    min_consumers: int
    activation_threshold: int
    replay_window_days: int
    timezone: str


@dataclass(frozen=True)
class Case:
    seed: int
    prefix: str
    first_day: date          # local day of its first valid event
    events: tuple[Event, ...]


def case_spacing_days(edges: Edges) -> int:
    """Days from one case's first day to the next one's: the case's own days plus a
    window and a replay window of silence, in whole weeks."""
    case_days = 4 + edges.window_days + 2 + edges.replay_window_days + 2
    quiet_days = edges.window_days + edges.replay_window_days + 7
    return -(-(case_days + quiet_days) // 7) * 7


class _CaseWriter:
    """Collects one case's raw rows, in local wall-clock times of the case's zone."""

    def __init__(self, rng: random.Random, prefix: str, first_day: date, timezone: str):
        self.rng = rng
        self.prefix = prefix
        self.first_day = first_day
        self.zone = ZoneInfo(timezone)
        self.events: list[Event] = []
        self._ids = 0

    def new_id(self) -> str:
        self._ids += 1
        return f"{self.prefix}_e{self._ids:03d}"

    def at(self, day: int, hh: int, mm: int, ss: int = 0) -> datetime:
        """The UTC time (naive, as the raw table holds it) of a local wall-clock time."""
        local = datetime.combine(self.first_day + timedelta(days=day), time(hh, mm, ss),
                                 tzinfo=self.zone)
        return local.astimezone(UTC).replace(tzinfo=None)

    def moment(self, day: int) -> datetime:
        """A time on local day `day`: office hours, or within minutes of either midnight."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.2:
            return self.at(day, 0, rng.randint(0, 4), rng.randint(0, 59))
        if kind < 0.4:
            return self.at(day, 23, rng.randint(55, 59), rng.randint(0, 59))
        return self.at(day, rng.randint(8, 18), rng.randint(0, 59), rng.randint(0, 59))

    def add(self, when: datetime | None, user: str | None, org: str | None, name: str | None,
            learning: str | None = None, event_id: str | None = None) -> Event:
        event = Event(event_id or self.new_id(), when, user, org, name, learning,
                      "chart" if learning else None)
        self.events.append(event)
        return event


def adversarial_case(seed: int, prefix: str, first_day: date, edges: Edges) -> list[Event]:
    rng = random.Random(seed)
    w = _CaseWriter(rng, prefix, first_day, edges.timezone)
    n, k, t, r = (edges.window_days, edges.min_consumers, edges.activation_threshold,
                  edges.replay_window_days)
    org_a, org_b = f"{prefix}_oA", f"{prefix}_oB"
    a_users = [f"{prefix}_a{i}" for i in range(t + 3)]
    b_users = [f"{prefix}_b{i}" for i in range(3)]
    org_of = {**{u: org_a for u in a_users}, **{u: org_b for u in b_users}}
    everyone = a_users + b_users
    learnings = [f"{prefix}_L{i}" for i in range(N_LEARNINGS)]

    # Hot days at the window's edges from a first hot day, plus two anywhere between.
    h0 = rng.randint(1, 3)
    hot = sorted({h0 + offset for offset in (0, n - 1, n, n + 1)}
                 | {h0 + rng.randint(0, n + 1) for _ in range(2)})
    # In half the cases org B goes quiet after the first hot day while org A still reads
    # its learning: its rows must go on while the learning is broadcast.
    quiet_from = w.at(h0 + 1, 0, 0) if rng.random() < 0.5 else None

    def act(when: datetime, user: str, name: str, learning: str | None = None) -> None:
        if quiet_from and user in b_users and when >= quiet_from:
            return
        # Now and then a user acts for the other organization.
        org = org_of[user] if rng.random() < 0.9 else rng.choice([org_a, org_b])
        w.add(when, user, org, name, learning)

    w.add(w.at(0, 12, 0), a_users[0], org_a, "session_started")

    # Ownership: a_users[1] owns the tied learnings; the last belongs to org B.
    tied, (team, other, b_learning) = learnings[:TIED], learnings[TIED:]
    owners = {**{learning: a_users[1] for learning in tied}, team: rng.choice(a_users),
              other: rng.choice(a_users), b_learning: rng.choice(b_users)}
    exists_day = {}
    for learning, owner in owners.items():
        day = h0 if quiet_from and owner in b_users else rng.choice(hot[:-1])
        exists_day[learning] = day
        when = w.moment(day)
        pattern = rng.choice(["created", "created", "same_instant", "share_first", "shared_only"])
        if pattern == "shared_only":
            act(when, owner, rng.choice(SHARE_NAMES), learning)
            continue
        if pattern == "share_first":
            act(w.moment(max(1, day - 1)), rng.choice(everyone), rng.choice(SHARE_NAMES), learning)
        act(when, owner, rng.choice(CREATE_NAMES), learning)
        if pattern == "same_instant":
            # Another creation at the same instant: the smaller event id owns the learning.
            act(when, rng.choice(everyone), rng.choice(CREATE_NAMES), learning)

    # The same crowd views a_users[1]'s tied learnings on the same days: identical spans,
    # mostly two islands of them with one day between (views on d and d + N + 1).
    crowd = rng.sample(everyone[2:], min(len(everyone) - 2, k + rng.choice([-1, 0, 0, 1])))
    if rng.random() < 0.6:
        crowd_days = [h0, h0 + n + 1]
    else:
        crowd_days = rng.sample(hot, min(len(hot), rng.randint(1, 3)))
    for learning in tied:
        for day in crowd_days:
            for viewer in crowd:
                act(w.moment(day), viewer, rng.choice(VIEW_NAMES), learning)
    # Other learnings: viewers around the threshold, some before the learning exists.
    for learning in (team, other, b_learning):
        for day in rng.sample(hot, rng.randint(1, 3)):
            if rng.random() < 0.3:
                day = max(1, exists_day[learning] - rng.randint(1, 2))
            for viewer in rng.sample(everyone, min(len(everyone), k + rng.choice([-1, 0, 1, 2]))):
                act(w.moment(day), viewer, rng.choice(VIEW_NAMES), learning)
    if quiet_from:
        for day in (h0 + n, h0 + n + 1):
            for viewer in rng.sample(a_users, k):
                act(w.moment(day), viewer, rng.choice(VIEW_NAMES), b_learning)
    # Owners viewing their own learnings.
    for learning in rng.sample(learnings, 3):
        act(w.moment(rng.choice(hot)), owners[learning], rng.choice(VIEW_NAMES), learning)

    # A team learning shared by about T users of org A: the organization's WLU sits at the
    # activation threshold.
    for sharer in rng.sample(a_users, min(len(a_users), t + rng.choice([-1, 0, 1, 2]))):
        act(w.moment(rng.choice(hot)), sharer, rng.choice(SHARE_NAMES), team)
    # Re-sharers who also view, some from the other organization; re-shares of broadcast
    # learnings late in the case.
    for learning in rng.sample(learnings, 2):
        resharer = rng.choice(b_users if rng.random() < 0.5 else a_users)
        act(w.moment(rng.choice(hot)), resharer, rng.choice(SHARE_NAMES), learning)
        act(w.moment(rng.choice(hot)), resharer, rng.choice(VIEW_NAMES), learning)
    act(w.moment(hot[-1]), rng.choice(everyone), rng.choice(SHARE_NAMES), rng.choice(tied))

    # Activity that comes and goes: other events on some hot days.
    for user in everyone:
        for day in rng.sample(hot, rng.randint(0, 2)):
            name = rng.choice(OTHER_NAMES)
            act(w.moment(day), user, name, rng.choice(learnings) if name == "learning_commented" else None)

    valid = list(w.events[1:])
    # Replays: exact copies, copies at the replay window's edge (R local days later: a
    # replay; R + 1: counts again), and same-instant copies with another payload.
    for _ in range(6):
        original = rng.choice(valid)
        kind = rng.choice(["exact", "edge", "edge", "past_edge", "other_payload"])
        when = original.event_time
        user, learning = original.user_id, original.learning_id
        if kind in ("edge", "past_edge"):
            local = original.event_time.replace(tzinfo=UTC).astimezone(w.zone)
            later = local.date() + timedelta(days=r if kind == "edge" else r + 1)
            when = (datetime.combine(later, time(12, 0), tzinfo=w.zone)
                    .astimezone(UTC).replace(tzinfo=None))
        elif kind == "other_payload":
            user = rng.choice(everyone)
            learning = rng.choice(learnings) if original.learning_id else None
        w.add(when, user, org_of[user], original.event_name, learning, event_id=original.event_id)

    # Invalid rows, each kind once in a while.
    for kind in rng.sample(range(6), 3):
        template = rng.choice(valid)
        when = w.moment(rng.choice(hot))
        if kind == 0:
            w.add(when, template.user_id, template.org_id, template.event_name,
                  template.learning_id, event_id=" ")
        elif kind == 1:
            w.add(when, None, template.org_id, template.event_name, template.learning_id)
        elif kind == 2:
            w.add(None, template.user_id, template.org_id, template.event_name, template.learning_id)
        elif kind == 3:
            w.add(when, template.user_id, template.org_id, rng.choice(VIEW_NAMES), "")
        elif kind == 4:
            w.add(when, " ", template.org_id, "session_started")
        else:
            # An invalid copy of a valid id, earlier than it: must not displace it.
            w.add(template.event_time - timedelta(minutes=30), None, template.org_id,
                  template.event_name, template.learning_id, event_id=template.event_id)

    rng.shuffle(w.events)
    return w.events


def adversarial_cases(edges: Edges, count: int, label: str, first_seed: int,
                      start: date) -> list[Case]:
    """`count` cases from consecutive seeds, case i starting on start + i × spacing."""
    spacing = timedelta(days=case_spacing_days(edges))
    cases = []
    for index in range(count):
        seed = first_seed + index
        prefix = f"{label}{index:03d}"
        first_day = start + index * spacing
        cases.append(Case(seed, prefix, first_day,
                          tuple(adversarial_case(seed, prefix, first_day, edges))))
    return cases
