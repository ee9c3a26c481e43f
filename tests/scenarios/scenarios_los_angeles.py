"""Hand scenarios for configuration 3: north_star_timezone America/Los_Angeles.

Local days are Los Angeles calendar days: UTC-8 (PST) until 2026-03-08 02:00 local,
UTC-7 (PDT) after. Besides the scenario below, configuration 3 runs every scenario of
scenarios_shared unchanged (their events keep their calendar day in Los Angeles).
Same notation as scenarios_shared; Bn are local days.
"""

from __future__ import annotations

from datetime import date, datetime

from .harness import Scenario, ScenarioBuilder, daily_segments, org_segments

TIMEZONE = "America/Los_Angeles"
DBT_VARS = {"north_star_timezone": TIMEZONE}


def local_midnight() -> Scenario:
    b = ScenarioBuilder("la1", date(2026, 2, 23))   # Monday; last local day used: B27 (03-22)

    def add(user: str, name: str, utc: str, learning: str | None = "L31") -> None:
        b.add(None, None, user, "o31", name, learning, utc=datetime.fromisoformat(utc))

    # user, event, UTC time                             local day and time in Los Angeles
    add("A", "learning_created", "2026-02-23 20:00")  # B0  02-23 12:00 PST
    add("V0", "learning_viewed", "2026-02-24 20:00")  # B1  02-24 12:00 PST
    add("V1", "learning_viewed", "2026-03-03 07:59")  # B7  03-02 23:59 PST
    add("V2", "learning_viewed", "2026-03-03 08:00")  # B8  03-03 00:00 PST
    add("A", "session_started", "2026-03-05 20:00", None)  # B10 03-05 12:00 PST
    add("V3", "learning_viewed", "2026-03-10 06:59")  # B14 03-09 23:59 PDT
    add("V4", "learning_viewed", "2026-03-10 07:00")  # B15 03-10 00:00 PDT
    add("Q", "session_started", "2026-03-16 06:30", None)  # B20 Sun 03-15 23:30 PDT
    # In UTC, V1 and V2 would share 03-03 (B8), V3 and V4 03-10 (B15) and Q Monday B21;
    # with a fixed -8 offset V4 would fall on B14.
    # Active: A [B0,B6] + [B10,B16], V0 [B1,B7], V1 [B7,B13], V2 [B8,B14], V3 [B14,B20],
    #         V4 [B15,B21], Q [B20,B26].
    # L31 consumers: V0 [B1,B7], V1 [B7,B13], V2 [B8,B14], V3 [B14,B20], V4 [B15,B21]
    #   -> 1 on B1..B6; 2 on B7 (V0,V1), B8..B13 (V1,V2), B14 (V2,V3), B15..B20 (V3,V4); 1 on B21.
    # BL on B7..B20 (in UTC B7 would have 1 consumer and B14 too).
    # WLU: A, when active: B10..B16.
    daily = daily_segments(b.base, [
        (0, 0, 0, 1, 0, 0, 0),
        (1, 6, 0, 2, 0, 0, 0),      # A, V0
        (7, 7, 0, 2, 1, 2, 0),      # V0, V1 (A's B0 at d-7)
        (8, 9, 0, 2, 1, 2, 0),      # V1, V2
        (10, 13, 1, 3, 1, 2, 0),    # A, V1, V2
        (14, 14, 1, 3, 1, 2, 0),    # A, V2, V3 (V1's 03-02 view at d-7)
        (15, 16, 1, 3, 1, 2, 0),    # A, V3, V4 (V2's 03-03 view at d-7)
        (17, 19, 0, 2, 1, 2, 0),    # V3, V4
        (20, 20, 0, 3, 1, 2, 0),    # V3, V4, Q
        (21, 21, 0, 2, 0, 0, 0),    # V4, Q (V3's 03-09 view at d-7); 1 consumer
        (22, 26, 0, 1, 0, 0, 0),    # Q
        (27, 27, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o31"), [  # events on local B0..B20 -> rows B0..B26
        (0, 6, 0, 0, 0, False),
        (7, 9, 0, 1, 2, False),
        (10, 16, 1, 1, 2, False),
        (17, 20, 0, 1, 2, False),
        (21, 26, 0, 0, 0, False),
    ])
    # Local Monday weeks, as of the Sundays B6, B13, B20 (Q's Sunday-night event counts in
    # the week of B14).
    weekly = [
        (b.day(0), 0, 2, 0, 0, 0, True),
        (b.day(7), 1, 3, 1, 2, 0, True),
        (b.day(14), 0, 3, 1, 2, 0, True),
    ]
    return Scenario("la1", "events either side of local midnight, across the DST change", b,
                    daily, org, (b.p("o31"),), weekly=weekly)


def los_angeles_scenarios() -> list[Scenario]:
    """Scenarios specific to configuration 3 (they come first in its table)."""
    return [local_midnight()]
