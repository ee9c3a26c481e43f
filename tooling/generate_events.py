"""Generate synthetic raw events at scale, in SQL, straight into DuckDB (and optionally Parquet).

The demo seed (tooling/generate_demo_data.py) is a few thousand hand-shaped rows; this module
writes millions to hundreds of millions of rows in the package's generic raw format for
benchmarks. Nothing is generated in a Python loop: one INSERT ... SELECT over DuckDB's range()
computes every row as a pure function of its row number and the seed, using hash() as the
pseudo-random source, so the same arguments always give the same table and DuckDB generates
on every core.

Columns: event_id, event_time (UTC), user_id, org_id, event_name, learning_id, learning_type
(the generic format read by stg_generic__events) plus loaded_at, when the row landed.

The model of the world, scaled from --events N:
- U = N / 400 users in K = U / 25 organisations. Users are numbered so that each organisation
  is a contiguous block; block sizes follow Zipf (exponent 1): organisation k holds a share
  ln((k + 2) / (k + 1)) / ln(K + 1) of the users, the largest several percent of everyone,
  the smallest two or three users.
- Growth: event times follow a density growing linearly over the period (the last day 3x the
  first). Half the users are there from the start, the rest join at an even pace over the
  first 90% of the period, in a join order that is a multiplicative permutation of user
  numbers (so every organisation grows). An event at time t picks its user among those
  present at t, weighted by join position q = present * u^2 (density ~ q^-1/2: early
  adopters are the heavy users).
- Weekends are quiet: 60% of weekend events move to a weekday of the same week. Times of day
  peak around 14:00 UTC.
- The rows are, in order of row number (then scattered in time by the above):
  L = 2% learning_created events, one per learning, owned by an activity-weighted user
  present at its creation;
  3% learning_shared (70% by the owner, else by a colleague in the owner's organisation,
  about 2 days after creation); 25% learning_viewed of learnings drawn with Zipf-like
  popularity (rank = L * u^3), 85% by a colleague in the owner's organisation (owners
  viewing their own learning included), 15% by any user, about 5 days after creation;
  the rest is other activity: query_run, session_started and names the mapping does not
  know (legacy_ping, page_heartbeat, cohort_computed).
- Data-quality cases: 1% of rows are replays of an earlier row with the same event_id (70%
  identical, 30% re-sent up to an hour later); 0.5% are invalid (blank event_id, blank
  user_id, null event_time, or a view without learning_id); 1% arrive late, loaded 1-20
  days after event_time (others land within ten minutes). Replays land after their
  original.

Usage:
  .venv/bin/python -m tooling.generate_events --events 10000000 --seed 1 \\
      --duckdb target/bench/events.duckdb [--schema raw --table events] \\
      [--parquet target/bench/events.parquet] [--start 2025-01-01 --days 365] [--sort]

The table is replaced. Rows are written in generation order (already scattered in time);
--sort orders them by loaded_at, as an append-only landing table would hold them, at about
2.5x the time and 5x the memory (10M rows: 21 s unsorted, 56 s sorted, on 2 cores).
"""

from __future__ import annotations

import argparse
import math
import time
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

# Shares of the base (non-replay) rows; the remainder is other activity.
CREATED_SHARE = 0.02
SHARED_SHARE = 0.03
VIEWED_SHARE = 0.25
REPLAY_SHARE = 0.01
INVALID_SHARE = 0.005
LATE_SHARE = 0.01
EVENTS_PER_USER = 400
USERS_PER_ORG = 25
GROWTH = 2.0  # density on the last day is 1 + GROWTH times the first day's


def coprime_multiplier(n: int, start: int = 2_654_435_761) -> int:
    """A multiplier coprime to n, so (i * m) % n permutes 0..n-1."""
    m = start % max(n, 1) or 1
    while math.gcd(m, n) != 1:
        m += 1
    return m


def parameters(events: int, seed: int, start: date, days: int) -> dict:
    replays = round(events * REPLAY_SHARE)
    base = events - replays
    users = max(20, round(events / EVENTS_PER_USER))
    learnings = max(1, round(base * CREATED_SHARE))
    shared = round(base * SHARED_SHARE)
    viewed = round(base * VIEWED_SHARE)
    start_us = int(datetime(start.year, start.month, start.day, tzinfo=timezone.utc).timestamp()) * 1_000_000
    return {
        "seed": seed,
        "n": events,
        "base": base,
        "users": users,
        "orgs": max(3, round(users / USERS_PER_ORG)),
        "learnings": learnings,
        "shared_end": learnings + shared,
        "viewed_end": learnings + shared + viewed,
        "days": days,
        "start_us": start_us,
        "start_dow": start.weekday(),  # 0 = Monday
        "perm_users": coprime_multiplier(users),
        "perm_users_inverse": pow(coprime_multiplier(users), -1, users),
        "perm_learnings": coprime_multiplier(learnings, 40_503),
        "perm_events": coprime_multiplier(events, 2_246_822_519),
        "perm_base": coprime_multiplier(base, 3_266_489_917),
        "growth": GROWTH,
    }


# Scalar macros, inlined by DuckDB. Every random draw is u(key, 'salt'): a uniform in [0, 1)
# from a hash of the key, the salt and the seed. Fractions of the period (t in [0, 1]) are the
# common time unit until ts() turns them into timestamps.
MACROS = """
create or replace temp macro u(k, salt) as hash(k, salt, {seed}) / 18446744073709551616.0;

-- Organisations: contiguous, Zipf-sized blocks of user numbers.
create or replace temp macro org_of(usr) as
    least({orgs} - 1, greatest(0, floor(exp((usr + 0.5) / {users} * ln({orgs} + 1)))::bigint - 1));
create or replace temp macro org_first_user(k) as
    ceil({users} * ln(k + 1) / ln({orgs} + 1) - 0.5)::bigint;
create or replace temp macro org_size(k) as
    greatest(1, org_first_user(k + 1) - org_first_user(k));
create or replace temp macro colleague(k, key, salt) as
    least({users} - 1, org_first_user(k) + floor(u(key, salt) * org_size(k))::bigint);

-- Growth: half the users are there from the start, the rest join at an even pace over the
-- first 90% of the period, in the order of a permutation of user numbers (join position q).
-- Times are drawn first, from a density growing linearly to 1 + growth times its start.
create or replace temp macro grown(x) as
    (sqrt(1 + 2 * {growth} * x * (1 + {growth} / 2)) - 1) / {growth};
create or replace temp macro present_users(t) as
    greatest(1, floor({users} * (0.5 + 0.5 * least(1.0, t / 0.9)))::bigint);
-- Activity-weighted user among those present at t: join position q = present * u^2
-- (density ~ q^-1/2: early adopters are the heavy users), mapped back to a user number.
create or replace temp macro active_user(t, key, salt) as
    (floor(present_users(t) * pow(u(key, salt), 2))::bigint * {perm_users_inverse}) % {users};
-- `t0` plus an exponential delay of mean `mean_days`, or uniform over what is left of the period.
create or replace temp macro delayed(t0, mean_days, key, salt) as
    case when t0 - ln(1 - u(key, salt)) * mean_days / {days} < 1
        then t0 - ln(1 - u(key, salt)) * mean_days / {days}
        else t0 + (1 - t0) * u(key, salt || '_rest')
    end;

-- Learnings: owner, creation time and type are functions of the learning number.
create or replace temp macro created_t(l) as grown(u(l, 'created'));
create or replace temp macro owner_of(l) as active_user(created_t(l), l, 'owner');
create or replace temp macro popular_learning(key, salt) as
    (floor({learnings} * pow(u(key, salt), 3))::bigint * {perm_learnings}) % {learnings};

-- Fraction of the period -> microseconds since the epoch, with quiet weekends and a
-- time of day peaking around 14:00 UTC.
create or replace temp macro day_of(t) as least({days} - 1, floor(t * {days})::bigint);
create or replace temp macro weekday_day(d, key) as
    case when ({start_dow} + d) % 7 >= 5 and u(key, 'weekend') < 0.6
        then d - ({start_dow} + d) % 7 + floor(u(key, 'weekend_to') * 5)::bigint
            + case when d - ({start_dow} + d) % 7 < 0 then 7 else 0 end
        else d
    end;
create or replace temp macro time_of_day(key) as
    (floor((u(key, 'tod_1') + u(key, 'tod_2')) * 43200)::bigint + 7200) % 86400;
create or replace temp macro ts(t, key) as
    {start_us} + (least({days} - 1, weekday_day(day_of(t), key)) * 86400 + time_of_day(key)) * 1000000;
"""

EVENTS_SQL = """
with

rows as (

    select
        i,
        -- The last 1% of rows replay an earlier row: all content comes from `src`.
        case when i >= {base} then floor(u(i, 'replay_of') * {base})::bigint else i end as src,
        i >= {base} as is_replay
    from range({n}) as r(i)

),

-- Row numbers are scattered over the kinds of rows so the table is not sorted by kind.
kinds as (

    select
        *,
        (src * {perm_base}) % {base} as b
    from rows

),

actors as (

    select
        *,
        case
            when b < {learnings} then 'learning_created'
            when b < {shared_end} then 'learning_shared'
            when b < {viewed_end} then 'learning_viewed'
            when u(b, 'other') < 0.5 then 'query_run'
            when u(b, 'other') < 0.9 then 'session_started'
            when u(b, 'other') < 0.94 then 'legacy_ping'
            when u(b, 'other') < 0.97 then 'page_heartbeat'
            else 'cohort_computed'
        end as kind,
        case
            when b < {learnings} then b
            when b < {viewed_end} then popular_learning(b, 'learning')
        end as learning
    from kinds

),

moments as (

    select
        *,
        case
            when kind = 'learning_created' then created_t(learning)
            when kind = 'learning_shared' then delayed(created_t(learning), 2, b, 'share_delay')
            when kind = 'learning_viewed' then delayed(created_t(learning), 5, b, 'view_delay')
            else grown(u(b, 'at'))
        end as t
    from actors

),

people as (

    select
        *,
        case
            when kind = 'learning_created' then owner_of(learning)
            when kind = 'learning_shared' and u(b, 'resharer') < 0.7 then owner_of(learning)
            when kind = 'learning_shared' then colleague(org_of(owner_of(learning)), b, 'sharer')
            when kind = 'learning_viewed' and u(b, 'cross_org') < 0.85
                then colleague(org_of(owner_of(learning)), b, 'viewer')
            when kind = 'learning_viewed' then active_user(t, b, 'viewer')
            else active_user(t, b, 'actor')
        end as usr
    from moments

),

timed as (

    select
        *,
        ts(t, b) as true_us
    from people

),

shaped as (

    select
        *,
        true_us + case
            when is_replay and u(i, 'resent') < 0.3 then (1 + floor(u(i, 'resent_after') * 3600)::bigint) * 1000000
            else 0
        end as event_us,
        u(src, 'invalid') < {invalid_share} as is_invalid,
        floor(u(src, 'invalid_kind') * 4)::int as invalid_kind
    from timed

),

final as (

    select
        case when is_invalid and invalid_kind = 0
            then case when u(src, 'blank') < 0.5 then '' else '   ' end
            else 'evt_' || ((src * {perm_events}) % {n})
        end as event_id,
        case when is_invalid and invalid_kind = 2 then null else make_timestamp(event_us) end as event_time,
        case when is_invalid and invalid_kind = 1 then '' else 'usr_' || usr end as user_id,
        'org_' || org_of(usr) as org_id,
        case when is_invalid and invalid_kind = 3 then 'learning_viewed' else kind end as event_name,
        case when learning is not null and not (is_invalid and invalid_kind = 3)
            then 'lrn_' || learning end as learning_id,
        case when learning is not null and not (is_invalid and invalid_kind = 3) then
            case
                when u(learning, 'type') < 0.6 then 'chart'
                when u(learning, 'type') < 0.9 then 'dashboard'
                else 'notebook'
            end
        end as learning_type,
        make_timestamp(event_us + case
            -- Late arrivals land 1-20 days after the event, others within ten minutes;
            -- replays another minute to two days after that.
            when u(src, 'late') < {late_share} then floor((1 + u(src, 'late_by') * 19) * 86400)::bigint
            else 1 + floor(u(src, 'latency') * 600)::bigint
        end * 1000000 + case
            when is_replay then (60 + floor(u(i, 'replay_lag') * 172800)::bigint) * 1000000
            else 0
        end) as loaded_at
    from shaped

)

select
    event_id,
    event_time,
    user_id,
    org_id,
    event_name,
    learning_id,
    learning_type,
    loaded_at
from final
"""

COLUMNS = """
    event_id varchar,
    event_time timestamp,
    user_id varchar,
    org_id varchar,
    event_name varchar,
    learning_id varchar,
    learning_type varchar,
    loaded_at timestamp
"""


def events_query(events: int, seed: int, start: date, days: int) -> tuple[str, str]:
    """The macro definitions and the SELECT producing the events, with literals inlined."""
    params = parameters(events, seed, start, days)
    params.update(invalid_share=INVALID_SHARE, late_share=LATE_SHARE)
    return MACROS.format(**params), EVENTS_SQL.format(**params)


def generate(connection: duckdb.DuckDBPyConnection, events: int, seed: int, schema: str = "raw",
             table: str = "events", start: date = date(2025, 1, 1), days: int = 365,
             sort: bool = False, parquet: Path | None = None) -> None:
    macros, select = events_query(events, seed, start, days)
    connection.execute(macros)
    connection.execute(f"create schema if not exists {schema}")
    connection.execute(f"create or replace table {schema}.{table} ({COLUMNS})")
    order = "order by loaded_at, event_id" if sort else ""
    connection.execute(f"insert into {schema}.{table} select * from ({select}) {order}")
    if parquet is not None:
        parquet.parent.mkdir(parents=True, exist_ok=True)
        connection.execute(f"copy {schema}.{table} to '{parquet}' (format parquet, compression zstd)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, required=True, help="number of rows to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duckdb", type=Path, required=True, help="DuckDB database file")
    parser.add_argument("--schema", default="raw")
    parser.add_argument("--table", default="events")
    parser.add_argument("--parquet", type=Path, help="also write the table to this Parquet file")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2025, 1, 1), help="first day (UTC)")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--sort", action="store_true", help="write rows in loaded_at order (slower)")
    parser.add_argument("--threads", type=int, help="DuckDB threads (default: all cores)")
    parser.add_argument("--memory-limit", help="DuckDB memory_limit, e.g. 12GB")
    parser.add_argument("--temp-directory", help="DuckDB temp_directory for spilling")
    args = parser.parse_args(argv)

    args.duckdb.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(args.duckdb))
    for setting, value in (("threads", args.threads), ("memory_limit", args.memory_limit),
                           ("temp_directory", args.temp_directory)):
        if value is not None:
            connection.execute(f"set {setting} = '{value}'")
    began = time.perf_counter()
    generate(connection, args.events, args.seed, args.schema, args.table, args.start, args.days,
             sort=args.sort, parquet=args.parquet)
    elapsed = time.perf_counter() - began
    rows = connection.execute(f"select count(*) from {args.schema}.{args.table}").fetchone()[0]
    connection.close()
    print(f"wrote {rows:,} events to {args.duckdb}:{args.schema}.{args.table}"
          f"{f' and {args.parquet}' if args.parquet else ''} in {elapsed:.1f}s")


if __name__ == "__main__":
    main()
