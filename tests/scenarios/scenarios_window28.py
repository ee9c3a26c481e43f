"""Hand scenarios for configuration 2: north_star_window_days 28, north_star_min_consumers 3.

W(d) = [d-27, d]: an event on Bk makes its user active (or its view count) on [Bk, Bk+27].
Broadcast needs 3 consumers; a WLU needs 3 consumers other than themselves. The
activation threshold is still 5. Same notation as scenarios_shared.
"""

from __future__ import annotations

from datetime import date, timedelta

from .harness import Scenario, ScenarioBuilder, daily_segments, org_segments

FIRST_BASE = date(2026, 1, 5)   # a Monday
SPACING_DAYS = 112              # scenarios span <= 49 days: >= 63 days between them

DBT_VARS = {"north_star_window_days": 28, "north_star_min_consumers": 3}


def _base(index: int) -> date:
    return FIRST_BASE + timedelta(days=SPACING_DAYS * index)


def window_edge_28() -> Scenario:
    b = ScenarioBuilder("w01", _base(0))
    b.add(0, "09:00", "A", "o1", "learning_created", "L1")
    b.add(0, "10:00", "V1", "o1", "learning_viewed", "L1")
    b.add(5, "10:00", "V2", "o1", "learning_viewed", "L1")
    b.add(10, "10:00", "V3", "o1", "learning_viewed", "L1")
    b.add(20, "09:00", "A", "o1", "session_started")        # A active to B47
    # Active: A [B0,B47], V1 [B0,B27], V2 [B5,B32], V3 [B10,B37].
    # L1 consumers: 1 on B0..B4, 2 on B5..B9 (not broadcast: 3 needed), 3 on B10..B27,
    # 2 on B28..B32 (V1's view at d-28 no longer counts; at d-27 on B27 it did),
    # 1 on B33..B37. BL and WLU (A) on B10..B27.
    # A's last event B20: counts through B47 (d-27), not on B48 (d-28).
    daily = daily_segments(b.base, [
        (0, 4, 0, 2, 0, 0, 0),
        (5, 9, 0, 3, 0, 0, 0),      # 2 consumers: not broadcast with min 3
        (10, 27, 1, 4, 1, 3, 0),    # B27 still counts V1's view (d-27)
        (28, 32, 0, 3, 0, 0, 0),    # B28: V1 out (d-28)
        (33, 37, 0, 2, 0, 0, 0),    # A, V3
        (38, 47, 0, 1, 0, 0, 0),    # A (B47: event at d-27)
        (48, 48, 0, 0, 0, 0, 0),    # B20 is at d-28
    ])
    org = org_segments(b.base, b.p("o1"), [  # events B0..B20 -> rows B0..B47
        (0, 9, 0, 0, 0, False),
        (10, 27, 1, 1, 3, False),
        (28, 47, 0, 0, 0, False),
    ])
    return Scenario("w01", "28-day window edge; 2 consumers are not enough", b, daily, org,
                    (b.p("o1"),))


def resharer_and_threshold_3() -> Scenario:
    b = ScenarioBuilder("w02", _base(1))
    b.add(0, "09:00", "A", "o2", "learning_created", "L2")
    b.add(1, "09:00", "R", "o2", "learning_shared", "L2")
    b.add(2, "09:00", "R", "o2", "learning_viewed", "L2")
    b.add(2, "10:00", "C1", "o2", "learning_viewed", "L2")
    b.add(3, "09:00", "C2", "o2", "learning_viewed", "L2")
    b.add(0, "09:30", "E", "o2", "learning_created", "L3")
    b.add(2, "11:00", "C1", "o2", "learning_viewed", "L3")
    b.add(3, "11:00", "C2", "o2", "learning_viewed", "L3")
    # Active: A [B0,B27], E [B0,B27], R [B1,B29], C1 [B2,B29], C2 [B3,B30].
    # L2 consumers: R, C1 [B2,B29], C2 [B3,B30] -> 3 on B3..B29: broadcast, owner A WLU
    #   while active (to B27); R has only C1, C2 (2 < 3) -> never WLU.
    # L3 consumers: C1, C2 -> at most 2: never broadcast, E never WLU.
    daily = daily_segments(b.base, [
        (0, 0, 0, 2, 0, 0, 0),
        (1, 1, 0, 3, 0, 0, 0),
        (2, 2, 0, 4, 0, 0, 0),      # L2 has 2 consumers
        (3, 27, 1, 5, 1, 3, 0),
        (28, 29, 0, 3, 1, 3, 0),    # R, C1, C2 active; A, E out
        (30, 30, 0, 1, 0, 0, 0),    # C2 only
        (31, 31, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o2"), [  # events B0..B3 -> rows B0..B30
        (0, 2, 0, 0, 0, False),
        (3, 27, 1, 1, 3, False),
        (28, 29, 0, 1, 3, False),
        (30, 30, 0, 0, 0, False),
    ])
    return Scenario("w02", "3-consumer threshold: a re-sharer's own view does not qualify them",
                    b, daily, org, (b.p("o2"),))


def weekly_rollup_28() -> Scenario:
    b = ScenarioBuilder("w03", _base(2))
    b.add(0, "09:00", "A", "o3", "learning_created", "L4")
    b.add(1, "09:00", "V1", "o3", "learning_viewed", "L4")
    b.add(2, "09:00", "V2", "o3", "learning_viewed", "L4")
    b.add(3, "09:00", "V3", "o3", "learning_viewed", "L4")
    b.add(9, "09:00", "V4", "o3", "session_started")         # last valid day: B9 (Wed)
    b.add(12, "09:00", "V5", "o3", "session_started", event_id=None)   # invalid: ignored
    # Active: A [B0,B27], V1 [B1,B28], V2 [B2,B29], V3 [B3,B30], V4 [B9,B36].
    # L4 consumers: V1, V2, V3 -> 3 from B3: broadcast, A WLU.
    daily = daily_segments(b.base, [
        (0, 0, 0, 1, 0, 0, 0),
        (1, 1, 0, 2, 0, 0, 0),
        (2, 2, 0, 3, 0, 0, 0),
        (3, 8, 1, 4, 1, 3, 0),
        (9, 9, 1, 5, 1, 3, 0),
    ])
    org = org_segments(b.base, b.p("o3"), [(0, 2, 0, 0, 0, False), (3, 9, 1, 1, 3, False)])
    # Weekly values are the 28-day values as of the Sunday (B6) or the last day (B9): the
    # second week counts the first week's users (WAU 5, not the 1 user of that week).
    weekly = [
        (b.day(0), 1, 4, 1, 3, 0, True),
        (b.day(7), 1, 5, 1, 3, 0, False),
    ]
    return Scenario("w03", "weekly rollup with a 28-day window, incomplete last week", b,
                    daily, org, (b.p("o3"),), weekly=weekly, weekly_is_last=True)


def window28_scenarios() -> list[Scenario]:
    """In table order; the weekly scenario must stay last."""
    return [window_edge_28(), resharer_and_threshold_3(), weekly_rollup_28()]
