"""Hand scenarios for the default definitions (window 7 days, 2 consumers, threshold 5).

They run under configuration 1 (defaults, UTC) and unchanged under configuration 3
(America/Los_Angeles): every event is at 09:00-12:00 UTC, i.e. 01:00-05:00 in Los
Angeles, the same calendar day (`assert_same_local_day` checks it), so the local days
and therefore every expected row are the same.

Notation in the derivations: Bn = base + n days (every base is a Monday); a user
"active [Bi, Bj]" has a valid event in the window of every day from Bi to Bj (an event
on Bk makes its user active on [Bk, Bk+6]); "V [Bi,Bj]" next to a learning means V
is a consumer of it on those days. Owner views never count; WLU needs the user
active, a sharer by d, and >= 2 consumers other than themselves. Expected segments
are (first, last, WLU, WAU, BL, CoL, AO) and for orgs (first, last, WLU, BL, CoL,
is_activated).

Each scenario gets its own base, 84 days (12 weeks) after the previous one, its own
ids (prefixed by the scenario key) and its own orgs, so all of them share one table.
The weekly scenario comes last: its last week is the last, incomplete week of the data.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from .harness import Scenario, ScenarioBuilder, daily_segments, org_segments

FIRST_BASE = date(2026, 6, 1)    # a Monday
SPACING_DAYS = 84


def _base(index: int) -> date:
    return FIRST_BASE + timedelta(days=SPACING_DAYS * index)


def window_edge() -> Scenario:
    b = ScenarioBuilder("s01", _base(0))
    b.add(0, "09:00", "A", "o1", "learning_created", "L1")
    b.add(0, "10:00", "V1", "o1", "learning_viewed", "L1")
    b.add(3, "10:00", "V2", "o1", "learning_viewed", "L1")
    b.add(5, "10:00", "A", "o1", "session_started")      # keeps the owner active to B11
    # Active: A [B0,B11] (B0, B5), V1 [B0,B6], V2 [B3,B9].
    # L1 consumers: V1 [B0,B6], V2 [B3,B9] -> 2 on B3..B6 only.
    # Edge: on B6 V1's view is at d-6 -> counts (BL); on B7 it is at d-7 -> 1 consumer.
    daily = daily_segments(b.base, [
        (0, 2, 0, 2, 0, 0, 0),    # A, V1 active; 1 consumer
        (3, 6, 1, 3, 1, 2, 0),    # V1 + V2 consumers (B6 includes the view at d-6); WLU A
        (7, 9, 0, 2, 0, 0, 0),    # V1's view now at d-7: 1 consumer; WAU A, V2
        (10, 11, 0, 1, 0, 0, 0),  # only A (event B5) active
        (12, 12, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o1"), [  # o1 events on B0, B3, B5 -> rows B0..B11
        (0, 2, 0, 0, 0, False),
        (3, 6, 1, 1, 2, False),
        (7, 11, 0, 0, 0, False),
    ])
    return Scenario("s01", "window edge: a view on d-6 counts, on d-7 not", b, daily, org,
                    (b.p("o1"),))


def self_views() -> Scenario:
    b = ScenarioBuilder("s02", _base(1))
    b.add(0, "09:00", "A", "o2", "learning_created", "L2")
    b.add(1, "10:00", "A", "o2", "learning_viewed", "L2")     # owner self-view
    b.add(1, "11:00", "V1", "o2", "learning_viewed", "L2")
    b.add(2, "10:00", "A", "o2", "learning_viewed", "L2")     # owner self-view again
    b.add(0, "09:30", "B", "o2", "learning_created", "L3")
    b.add(1, "09:00", "B", "o2", "learning_viewed", "L3")     # owner self-view
    b.add(1, "09:30", "V1", "o2", "learning_viewed", "L3")
    b.add(2, "09:30", "V2", "o2", "learning_viewed", "L3")
    # Active: A [B0,B8], B [B0,B7], V1 [B1,B7], V2 [B2,B8].
    # L2 consumers: only V1 (A is the owner) -> never broadcast, A never WLU.
    # L3 consumers: V1 [B1,B7], V2 [B2,B8] -> 2 on B2..B7 (B's own view excluded, so CoL 2 not 3).
    # WLU: B (active to B7) on B2..B7.
    daily = daily_segments(b.base, [
        (0, 0, 0, 2, 0, 0, 0),    # A, B
        (1, 1, 0, 3, 0, 0, 0),    # + V1; L3 has 1 consumer
        (2, 7, 1, 4, 1, 2, 0),    # + V2; on B7 window [B1,B7] still holds everyone
        (8, 8, 0, 2, 0, 0, 0),    # [B2,B8]: A (B2), V2 (B2); L3 has only V2
        (9, 9, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o2"), [  # o2 events on B0..B2 -> rows B0..B8
        (0, 1, 0, 0, 0, False),
        (2, 7, 1, 1, 2, False),
        (8, 8, 0, 0, 0, False),
    ])
    return Scenario("s02", "self-views never count as consumption", b, daily, org, (b.p("o2"),))


def resharer() -> Scenario:
    b = ScenarioBuilder("s03", _base(2))
    b.add(0, "09:00", "A", "o3", "learning_created", "L4")
    b.add(1, "09:00", "R", "o3", "learning_shared", "L4")
    b.add(2, "09:00", "R", "o3", "learning_viewed", "L4")   # the re-sharer's own view
    b.add(2, "10:00", "C", "o3", "learning_viewed", "L4")
    b.add(4, "09:00", "D", "o3", "learning_viewed", "L4")
    # Active: A [B0,B6], R [B1,B8], C [B2,B8], D [B4,B10].
    # L4 consumers: R [B2,B8], C [B2,B8], D [B4,B10] -> 2 on B2,B3; 3 on B4..B8; 1 on B9,B10.
    # B2,B3: exactly 2 consumers, one is R: BL yes, owner A WLU yes, R has only C -> no.
    # B4..B8: R has C and D other than himself -> R qualifies (active to B8).
    # A is active to B6 only. WLU: B2,B3 {A}; B4..B6 {A,R}; B7,B8 {R}.
    daily = daily_segments(b.base, [
        (0, 0, 0, 1, 0, 0, 0),
        (1, 1, 0, 2, 0, 0, 0),
        (2, 3, 1, 3, 1, 2, 0),
        (4, 6, 2, 4, 1, 3, 0),
        (7, 8, 1, 3, 1, 3, 0),    # [B1..B2,B7..B8]: R, C, D
        (9, 10, 0, 1, 0, 0, 0),   # D only; 1 consumer
        (11, 11, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o3"), [  # events B0, B1, B2, B4 -> rows B0..B10
        (0, 1, 0, 0, 0, False),
        (2, 3, 1, 1, 2, False),
        (4, 6, 2, 1, 3, False),
        (7, 8, 1, 1, 3, False),
        (9, 10, 0, 0, 0, False),
    ])
    return Scenario("s03", "a re-sharer is credited only by consumers other than themselves",
                    b, daily, org, (b.p("o3"),))


def replays() -> Scenario:
    b = ScenarioBuilder("s04", _base(3))
    created = b.add(0, "09:00", "A", "o4", "learning_created", "L5", event_id="c")
    b.replay(created, 7, "09:00")            # replay 7 days later (the replay window's edge): A must not become active on B7
    v1 = b.add(1, "10:00", "V1", "o4", "learning_viewed", "L5", event_id="v1")
    b.replay(v1, 1, "10:00")                 # exact duplicate row
    b.replay(v1, 5, "10:00")                 # later replay: V1 must not stay a consumer to B11
    b.add(2, "10:00", "V2", "o4", "learning_viewed", "L5", event_id="v2")
    v3 = b.add(9, "10:00", "V3", "o4", "learning_viewed", "L5", event_id="v3")
    b.replay(v3, 3, "10:00")                 # the earliest copy (B3) is the one that counts
    # Counted: c@B0 (A), v1@B1, v2@B2, v3@B3.
    # Active: A [B0,B6], V1 [B1,B7], V2 [B2,B8], V3 [B3,B9].
    # L5 consumers: 1 on B1; 2 on B2; 3 on B3..B7; 2 on B8 (V2,V3); 1 on B9 (V3); 0 on B10.
    # WLU: A on B2..B6 (A inactive from B7, as the B7 replay does not count).
    daily = daily_segments(b.base, [
        (0, 0, 0, 1, 0, 0, 0),
        (1, 1, 0, 2, 0, 0, 0),
        (2, 2, 1, 3, 1, 2, 0),
        (3, 6, 1, 4, 1, 3, 0),
        (7, 7, 0, 3, 1, 3, 0),    # V1, V2, V3 active; A not
        (8, 8, 0, 2, 1, 2, 0),    # V2, V3
        (9, 9, 0, 1, 0, 0, 0),    # V3
        (10, 11, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o4"), [  # counted events B0..B3 -> rows B0..B9
        (0, 1, 0, 0, 0, False),
        (2, 2, 1, 1, 2, False),
        (3, 6, 1, 1, 3, False),
        (7, 7, 0, 1, 3, False),
        (8, 8, 0, 1, 2, False),
        (9, 9, 0, 0, 0, False),
    ])
    return Scenario("s04", "replayed event ids count once, at their earliest time, within the replay window", b, daily,
                    org, (b.p("o4"),))


def invalid_rows() -> Scenario:
    b = ScenarioBuilder("s05", _base(4))
    b.add(0, "09:00", "A", "o5", "learning_created", "L6")
    b.add(1, "09:00", "V1", "o5", "learning_viewed", "L6")
    b.add(2, "09:00", "V7", "o5", "chart_viewed", "L6")           # alias of learning_viewed
    # Invalid rows: none of them may count (each would add a consumer, a user or an org).
    b.add(1, "10:00", "V2", "o5", "learning_viewed", "L6", event_id=None)    # no event_id
    b.add(1, "10:00", "V3", "o5", "learning_viewed", "L6", event_id="   ")   # blank event_id
    b.add(1, "11:00", None, "o5", "learning_viewed", "L6")                   # no user_id
    b.add(1, "11:00", "  ", "o5", "learning_viewed", "L6")                   # blank user_id
    b.add(None, None, "V4", "o5", "learning_viewed", "L6")                   # no event_time
    b.add(1, "12:00", "V5", "o5", "learning_viewed", None)                   # view, no learning
    b.add(1, "12:00", "V6", "o5", "chart_viewed", "  ")                      # blank learning_id
    b.add(0, "12:00", "A2", "o5", "learning_created", None)                  # creation, no learning
    b.add(1, "12:00", "V8", "o5", "learning_shared", None)                   # share, no learning
    b.add(1, "12:00", "V9", "ghost", "learning_viewed", None)                # org with no valid event
    # Valid: A@B0 (creates L6), V1@B1, V7@B2.
    # Active: A [B0,B6], V1 [B1,B7], V7 [B2,B8]; V2..V6, V8, V9, A2 never active.
    # L6 consumers: V1 [B1,B7], V7 [B2,B8] -> 2 on B2..B7. WLU: A on B2..B6.
    daily = daily_segments(b.base, [
        (0, 0, 0, 1, 0, 0, 0),
        (1, 1, 0, 2, 0, 0, 0),
        (2, 6, 1, 3, 1, 2, 0),
        (7, 7, 0, 2, 1, 2, 0),    # A inactive, L6 still broadcast
        (8, 8, 0, 1, 0, 0, 0),    # V7 only
        (9, 9, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o5"), [  # valid events B0..B2 -> rows B0..B8
        (0, 1, 0, 0, 0, False),
        (2, 6, 1, 1, 2, False),
        (7, 7, 0, 1, 2, False),
        (8, 8, 0, 0, 0, False),
    ])
    # The ghost org has only an invalid row: no rows at all.
    return Scenario("s05", "invalid rows (no id/user/time, learning action without learning) "
                    "are ignored", b, daily, org, (b.p("o5"), b.p("ghost")))


def activation_five_vs_six() -> Scenario:
    b = ScenarioBuilder("s06", _base(5))
    # Org a: owner U1 + re-sharers U2..U5 of La; C1, C2 view it -> 5 WLU.
    b.add(0, "09:00", "U1", "a", "learning_created", "La")
    for user in ("U2", "U3", "U4", "U5"):
        b.add(0, "10:00", user, "a", "learning_shared", "La")
    b.add(1, "09:00", "C1", "a", "learning_viewed", "La")
    b.add(1, "09:00", "C2", "a", "learning_viewed", "La")
    # Org b: owner W1 + re-sharers W2..W5 on B0 and W6 on B2 of Lb; C3, C4 view it.
    b.add(0, "09:00", "W1", "b", "learning_created", "Lb")
    for user in ("W2", "W3", "W4", "W5"):
        b.add(0, "10:00", user, "b", "learning_shared", "Lb")
    b.add(0, "11:00", "W6", "b", "session_started")            # W6 is active before sharing
    b.add(2, "10:00", "W6", "b", "learning_shared", "Lb")
    b.add(1, "09:00", "C3", "b", "learning_viewed", "Lb")
    b.add(1, "09:00", "C4", "b", "learning_viewed", "Lb")
    # Active: U1..U5, W1..W5 [B0,B6]; C1..C4 [B1,B7]; W6 [B0,B8].
    # La, Lb consumers: {C1,C2}, {C3,C4} on B1..B7 (every sharer has 2 others) -> BL 2, CoL 4.
    # Org a WLU: U1..U5 = 5 on B1..B6 (5 is not > 5: never activated); 0 on B7.
    # Org b WLU: B1 W1..W5 = 5 (W6 is active but shares only on B2); B2..B6 6 -> activated;
    # B7 W6 = 1.
    daily = daily_segments(b.base, [
        (0, 0, 0, 11, 0, 0, 0),   # U1..U5, W1..W6
        (1, 1, 10, 15, 2, 4, 0),  # + C1..C4; org b has exactly 5
        (2, 6, 11, 15, 2, 4, 1),  # W6 now a sharer: org b has 6 -> activated
        (7, 7, 1, 5, 2, 4, 0),    # [B1,B7]: C1..C4, W6; W6 still qualifies
        (8, 8, 0, 1, 0, 0, 0),    # W6 only
        (9, 9, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("a"), [  # events B0, B1 -> rows B0..B7
        (0, 0, 0, 0, 0, False),
        (1, 6, 5, 1, 2, False),
        (7, 7, 0, 1, 2, False),
    ]) + org_segments(b.base, b.p("b"), [  # events B0, B1, B2 -> rows B0..B8
        (0, 0, 0, 0, 0, False),
        (1, 1, 5, 1, 2, False),
        (2, 6, 6, 1, 2, True),
        (7, 7, 1, 1, 2, False),
        (8, 8, 0, 0, 0, False),
    ])
    return Scenario("s06", "activation: 5 org WLU is not activated, 6 is", b, daily, org,
                    (b.p("a"), b.p("b")))


def owner_inactive() -> Scenario:
    b = ScenarioBuilder("s07", _base(6))
    b.add(0, "09:00", "A", "o7", "learning_created", "L7")   # A's only event
    b.add(4, "09:00", "V1", "o7", "learning_viewed", "L7")
    b.add(5, "09:00", "V2", "o7", "learning_viewed", "L7")
    # Active: A [B0,B6], V1 [B4,B10], V2 [B5,B11].
    # L7 consumers: V1 [B4,B10], V2 [B5,B11] -> BL on B5..B10.
    # A is WLU on B5, B6 (on B6 A's event is at d-6); from B7 (d-7) A is inactive while
    # L7 is still broadcast.
    daily = daily_segments(b.base, [
        (0, 3, 0, 1, 0, 0, 0),
        (4, 4, 0, 2, 0, 0, 0),
        (5, 6, 1, 3, 1, 2, 0),
        (7, 10, 0, 2, 1, 2, 0),
        (11, 11, 0, 1, 0, 0, 0),
        (12, 12, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o7"), [  # events B0, B4, B5 -> rows B0..B11
        (0, 4, 0, 0, 0, False),
        (5, 6, 1, 1, 2, False),
        (7, 10, 0, 1, 2, False),
        (11, 11, 0, 0, 0, False),
    ])
    return Scenario("s07", "an owner inactive in the window is not a WLU", b, daily, org,
                    (b.p("o7"),))


def unknown_event_names() -> Scenario:
    b = ScenarioBuilder("s08", _base(7))
    b.add(0, "09:00", "A", "o8", "learning_created", "L8")
    b.add(2, "09:00", "Z", "o8", "zzz_custom_event")               # Z's only event
    b.add(6, "09:00", "V1", "o8", "learning_viewed", "L8")
    b.add(7, "08:00", "A", "o8", "mystery_action")                 # A's activity from B7
    b.add(7, "09:00", "V2", "o8", "learning_viewed", "L8")
    b.add(7, "10:00", "V3", "o8", "learning_commented", "L8")      # unknown name with a learning
    # Active: A [B0,B13] (B0, B7), Z [B2,B8], V1 [B6,B12], V2 [B7,B13], V3 [B7,B13].
    # V3's event is `other` activity, not a view. L8 consumers: V1 [B6,B12], V2 [B7,B13]
    # -> BL on B7..B12. A is WLU there only thanks to the unknown event on B7.
    daily = daily_segments(b.base, [
        (0, 1, 0, 1, 0, 0, 0),
        (2, 5, 0, 2, 0, 0, 0),    # A, Z
        (6, 6, 0, 3, 0, 0, 0),    # + V1
        (7, 8, 1, 5, 1, 2, 0),    # + V2, V3
        (9, 12, 1, 4, 1, 2, 0),   # Z gone (B2 at d-7 on B9)
        (13, 13, 0, 3, 0, 0, 0),  # A, V2, V3; V1's view out
        (14, 14, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o8"), [  # events B0..B7 -> rows B0..B13
        (0, 6, 0, 0, 0, False),
        (7, 12, 1, 1, 2, False),
        (13, 13, 0, 0, 0, False),
    ])
    return Scenario("s08", "unknown event names count as activity, never as views", b, daily,
                    org, (b.p("o8"),))


def owner_from_share_and_early_views() -> Scenario:
    b = ScenarioBuilder("s09", _base(8))
    b.add(0, "09:00", "V1", "o9", "learning_viewed", "L9")   # before L9 exists
    b.add(1, "09:00", "V2", "o9", "learning_viewed", "L9")   # before L9 exists
    b.add(2, "09:00", "S1", "o9", "learning_shared", "L9")   # no creation: S1 owns L9 (org o9)
    b.add(3, "09:00", "S2", "o9b", "learning_shared", "L9")  # re-sharer from another org
    b.add(3, "10:00", "S1", "o9", "learning_viewed", "L9")   # owner self-view
    b.add(4, "09:00", "V3", "o9", "learning_viewed", "L9")
    # Owner S1 (earliest share), L9 exists from B2, belongs to o9.
    # Active: V1 [B0,B6], V2 [B1,B7], S1 [B2,B9], S2 [B3,B9], V3 [B4,B10].
    # Consumers (S1 excluded): V1 [B0,B6], V2 [B1,B7], V3 [B4,B10]
    #   -> 1 on B0; 2 on B1..B3; 3 on B4..B6; 2 on B7; 1 on B8..B10.
    # BL on B2..B7: not on B1 (2 consumers, but L9 does not exist yet); on B2 the two
    # earlier views count. WLU: S1 on B2..B7, S2 (sharer from B3) on B3..B7, counted in
    # o9 (the learning's org), not in o9b.
    daily = daily_segments(b.base, [
        (0, 0, 0, 1, 0, 0, 0),
        (1, 1, 0, 2, 0, 0, 0),    # 2 consumers but L9 does not exist
        (2, 2, 1, 3, 1, 2, 0),
        (3, 3, 2, 4, 1, 2, 0),
        (4, 6, 2, 5, 1, 3, 0),
        (7, 7, 2, 4, 1, 2, 0),    # V2, S1, S2, V3
        (8, 9, 0, 3, 0, 0, 0),    # S1, S2, V3
        (10, 10, 0, 1, 0, 0, 0),  # V3
        (11, 11, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o9"), [  # o9 events B0..B4 -> rows B0..B10
        (0, 1, 0, 0, 0, False),
        (2, 2, 1, 1, 2, False),
        (3, 3, 2, 1, 2, False),
        (4, 6, 2, 1, 3, False),
        (7, 7, 2, 1, 2, False),
        (8, 10, 0, 0, 0, False),
    ]) + org_segments(b.base, b.p("o9b"), [  # o9b event B3 -> rows B3..B9, nothing credited
        (3, 9, 0, 0, 0, False),
    ])
    return Scenario("s09", "owner from the earliest share; views before the learning exists",
                    b, daily, org, (b.p("o9"), b.p("o9b")))


def creation_beats_earlier_share() -> Scenario:
    b = ScenarioBuilder("s10", _base(9))
    b.add(1, "09:00", "X", "o10", "learning_shared", "L10")     # share before any creation
    b.add(2, "09:00", "Y", "o10", "learning_created", "L10")    # earliest creation: Y owns
    b.add(2, "10:00", "V4", "o10", "learning_viewed", "L10")
    b.add(2, "11:00", "X", "o10", "learning_viewed", "L10")     # X is not the owner: counts
    b.add(3, "09:00", "Z", "o10", "learning_created", "L10")    # later creation: Z is nobody
    b.add(3, "10:00", "V5", "o10", "learning_viewed", "L10")
    # Owner Y, L10 exists from B2. Sharers: Y, X (share on B1). Z is neither.
    # Active: X [B1,B8], Y [B2,B8], V4 [B2,B8], Z [B3,B9], V5 [B3,B9].
    # Consumers: X [B2,B8], V4 [B2,B8], V5 [B3,B9] -> 2 on B2; 3 on B3..B8; 1 on B9.
    # WLU: Y on B2..B8; X needs 2 others: only V4 on B2, V4+V5 on B3..B8.
    daily = daily_segments(b.base, [
        (0, 0, 0, 0, 0, 0, 0),
        (1, 1, 0, 1, 0, 0, 0),
        (2, 2, 1, 3, 1, 2, 0),
        (3, 8, 2, 5, 1, 3, 0),
        (9, 9, 0, 2, 0, 0, 0),    # Z, V5; 1 consumer
        (10, 10, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o10"), [  # events B1..B3 -> rows B1..B9
        (1, 1, 0, 0, 0, False),
        (2, 2, 1, 1, 2, False),
        (3, 8, 2, 1, 3, False),
        (9, 9, 0, 0, 0, False),
    ])
    return Scenario("s10", "the earliest creation owns a learning even after an earlier share",
                    b, daily, org, (b.p("o10"),))


def org_row_from_broadcast_only() -> Scenario:
    b = ScenarioBuilder("s12", _base(10))
    b.add(0, "09:00", "A", "o12", "learning_created", "L12")   # o12's only event
    b.add(5, "09:00", "V1", "x12", "learning_viewed", "L12")   # viewers from another org
    b.add(6, "09:00", "V2", "x12", "learning_viewed", "L12")
    # Active: A [B0,B6], V1 [B5,B11], V2 [B6,B12].
    # L12 (org o12) consumers: V1 [B5,B11], V2 [B6,B12] -> BL on B6..B11; WLU A on B6 only.
    # o12 has events in the window on B0..B6 only, but rows go on through B11 because it
    # has a broadcasted learning; x12 gets rows B5..B12 with nothing credited.
    daily = daily_segments(b.base, [
        (0, 4, 0, 1, 0, 0, 0),
        (5, 5, 0, 2, 0, 0, 0),
        (6, 6, 1, 3, 1, 2, 0),
        (7, 11, 0, 2, 1, 2, 0),
        (12, 12, 0, 1, 0, 0, 0),
        (13, 13, 0, 0, 0, 0, 0),
    ])
    org = org_segments(b.base, b.p("o12"), [
        (0, 5, 0, 0, 0, False),
        (6, 6, 1, 1, 2, False),
        (7, 11, 0, 1, 2, False),
    ]) + org_segments(b.base, b.p("x12"), [(5, 12, 0, 0, 0, False)])
    return Scenario("s12", "an org keeps rows while it has a broadcasted learning", b, daily,
                    org, (b.p("o12"), b.p("x12")))


def weekly_rollup() -> Scenario:
    b = ScenarioBuilder("s11", _base(11))
    b.add(0, "09:00", "A", "o11", "learning_created", "L11")
    b.add(1, "09:00", "V1", "o11", "learning_viewed", "L11")
    b.add(2, "09:00", "V2", "o11", "learning_viewed", "L11")
    b.add(9, "09:00", "A", "o11", "session_started")
    b.add(10, "09:00", "V3", "o11", "learning_viewed", "L11")
    b.add(12, "09:00", "V5", "o11", "learning_viewed", "L11")
    last = b.add(16, "09:00", "V4", "o11", "session_started")      # last valid day: B16 (Wed)
    b.replay(last, 18, "09:00")                                    # replay: not a new day
    b.add(20, "09:00", None, "o11", "session_started")            # invalid: not a new day
    # Active: A [B0,B6] + [B9,B15], V1 [B1,B7], V2 [B2,B8], V3 [B10,B16], V5 [B12,B18], V4 [B16,..].
    # L11 consumers: V1 [B1,B7], V2 [B2,B8], V3 [B10,B16], V5 [B12,B18]
    #   -> 2 on B2..B7, 1 on B8, 0 on B9, 1 on B10..B11, 2 on B12..B16.
    # WLU: A on B2..B6 and B12..B15.
    daily = daily_segments(b.base, [
        (0, 0, 0, 1, 0, 0, 0),
        (1, 1, 0, 2, 0, 0, 0),
        (2, 6, 1, 3, 1, 2, 0),    # A, V1, V2
        (7, 7, 0, 2, 1, 2, 0),    # V1, V2 (A out)
        (8, 8, 0, 1, 0, 0, 0),    # V2
        (9, 9, 0, 1, 0, 0, 0),    # A
        (10, 11, 0, 2, 0, 0, 0),  # A, V3
        (12, 15, 1, 3, 1, 2, 0),  # A, V3, V5
        (16, 16, 0, 3, 1, 2, 0),  # V3, V5, V4 (A's B9 is at d-7)
    ])
    org = org_segments(b.base, b.p("o11"), [  # rows on every day B0..B16 (end of the data)
        (0, 1, 0, 0, 0, False),
        (2, 6, 1, 1, 2, False),
        (7, 7, 0, 1, 2, False),
        (8, 11, 0, 0, 0, False),
        (12, 15, 1, 1, 2, False),
        (16, 16, 0, 1, 2, False),
    ])
    # Weekly = daily values on the week's Sunday, or on the last day with data:
    #   week B0 -> as of B6 (Sun): 1, 3, 1, 2, 0, complete
    #   week B7 -> as of B13 (Sun): 1, 3, 1, 2, 0, complete
    #   week B14 -> as of B16 (Wed, last valid day; the B18 replay and the B20 invalid row
    #               do not extend the data): 0, 3, 1, 2, 0, incomplete
    weekly = [
        (b.day(0), 1, 3, 1, 2, 0, True),
        (b.day(7), 1, 3, 1, 2, 0, True),
        (b.day(14), 0, 3, 1, 2, 0, False),
    ]
    return Scenario("s11", "weekly rollup, incomplete last week", b, daily, org, (b.p("o11"),),
                    weekly=weekly, weekly_is_last=True)


def shared_scenarios() -> list[Scenario]:
    """In table order; the weekly scenario must stay last."""
    return [window_edge(), self_views(), resharer(), replays(), invalid_rows(),
            activation_five_vs_six(), owner_inactive(), unknown_event_names(),
            owner_from_share_and_early_views(), creation_beats_earlier_share(),
            org_row_from_broadcast_only(), weekly_rollup()]


def assert_same_local_day(scenarios: list[Scenario], timezone: str) -> None:
    """Guards the reuse of these expectations under another time zone."""
    zone = ZoneInfo(timezone)
    for scenario in scenarios:
        for event in scenario.events:
            if event.event_time is None:
                continue
            utc = event.event_time.replace(tzinfo=ZoneInfo("UTC"))
            assert utc.astimezone(zone).date() == utc.date(), (scenario.key, event)
