"""Every source format, fed the same scenario as its tool lands it, gives the generic
format's marts; each format's bad rows are quarantined with the reason its staging model
gives them; staging models produce the canonical columns."""

from __future__ import annotations

import difflib

import pytest

from sources_landing import VENDOR_FORMATS
from sources_scenario import EVENTS, REPLAYED

MARTS = {
    "fct_north_star_daily": "date_day",
    "fct_organization_north_star_daily": "date_day, organization_id",
}
CANONICAL_COLUMNS = ["event_id", "event_at", "user_id", "organization_id", "event_name",
                     "learning_id", "learning_type", "source_invalid_reason"]
# What a valid event is, apart from how the tool names and identifies it.
VALID_EVENT_SQL = """
    select event_at, event_date, user_id, organization_id, action, learning_id
    from main.int_events_valid
    order by all
"""


def _assert_same_rows(actual: list[tuple], expected: list[tuple], what: str) -> None:
    if actual != expected:
        diff = "\n".join(difflib.unified_diff([repr(row) for row in expected], [repr(row) for row in actual],
                                              "generic", "vendor", lineterm=""))
        pytest.fail(f"{what} differs from the generic format's:\n{diff}")


def test_generic_marts_are_not_trivial(source_builds):
    build = source_builds.get("generic")
    [(days, learning_user_days, broadcast_days, max_learning_users)] = build.query("""
        select count(*), count(*) filter (where weekly_learning_users > 0),
            count(*) filter (where broadcasted_learnings > 0), max(weekly_learning_users)
        from main.fct_north_star_daily
    """)
    assert days == 14
    assert learning_user_days > 0 and broadcast_days > 0 and max_learning_users >= 3
    organizations = build.query("""
        select organization_id, max(weekly_learning_users), max(broadcasted_learnings)
        from main.fct_organization_north_star_daily group by organization_id order by organization_id
    """)
    assert [row[0] for row in organizations] == ["org_acme", "org_beta"]
    assert all(learning_users > 0 and broadcasts > 0 for _, learning_users, broadcasts in organizations)
    [(valid, duplicates, quarantined)] = build.query("""
        select count(*) filter (where event_status = 'valid'), count(*) filter (where event_status = 'duplicate'),
            count(*) filter (where event_status = 'quarantined')
        from main.int_events_classified
    """)
    assert (valid, duplicates, quarantined) == (len(EVENTS), len(REPLAYED), 0)


@pytest.mark.parametrize("source_format", VENDOR_FORMATS)
@pytest.mark.parametrize("mart", MARTS)
def test_vendor_marts_match_generic(source_builds, source_format, mart):
    sql = f"select * from main.{mart} order by {MARTS[mart]}"
    expected = source_builds.get("generic").query(sql)
    assert expected, f"the generic {mart} is empty"
    _assert_same_rows(source_builds.get(source_format).query(sql), expected, mart)


@pytest.mark.parametrize("source_format", VENDOR_FORMATS)
def test_vendor_valid_events_match_generic(source_builds, source_format):
    """The same events survive, at the same instants, for the same users and organizations."""
    expected = source_builds.get("generic").query(VALID_EVENT_SQL)
    _assert_same_rows(source_builds.get(source_format).query(VALID_EVENT_SQL), expected, "int_events_valid")


@pytest.mark.parametrize("source_format", VENDOR_FORMATS)
def test_vendor_replays_count_once(source_builds, source_format):
    build = source_builds.get(source_format)
    [(valid, duplicates)] = build.query("""
        select count(*) filter (where event_status = 'valid'), count(*) filter (where event_status = 'duplicate')
        from main.int_events_classified
    """)
    assert (valid, duplicates) == (len(EVENTS), build.landing.replays)


@pytest.mark.parametrize("source_format", VENDOR_FORMATS)
def test_vendor_bad_rows_are_quarantined_with_their_reason(source_builds, source_format):
    build = source_builds.get(source_format)
    quarantined = dict(build.query("""
        select event_id, rejection_reason from main.int_events_classified where event_status = 'quarantined'
    """))
    assert quarantined == build.landing.quarantined


@pytest.mark.parametrize("source_format", VENDOR_FORMATS)
def test_staging_model_has_the_canonical_columns(source_builds, source_format):
    build = source_builds.get(source_format)
    columns = build.query(f"""
        select column_name, data_type from information_schema.columns
        where table_schema = 'main' and table_name = 'stg_{source_format}__events'
        order by ordinal_position
    """)
    assert [name for name, _ in columns] == CANONICAL_COLUMNS
    types = dict(columns)
    assert types["event_at"] == "TIMESTAMP"
    assert all(types[name] == "VARCHAR" for name in CANONICAL_COLUMNS if name != "event_at")
