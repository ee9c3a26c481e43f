"""Every source format, fed the same scenario as its tool lands it, gives the generic
format's marts; each format's bad rows are quarantined with the reason its staging model
gives them; staging models produce the canonical columns. Variants of a landing check the
vendor settings (sources_landing.VARIANT_LANDERS)."""

from __future__ import annotations

import difflib

import pytest

from sources_landing import (
    SEGMENT_VIEW_CALLS,
    SNOWPLOW_LEARNING_IN_ENTITY,
    SNOWPLOW_PAGE_VIEWS,
    VENDOR_FORMATS,
    _uuid,
)
from sources_scenario import BY_KEY, EVENTS, REPLAYED

MARTS = {
    "fct_north_star_daily": "date_day",
    "fct_organization_north_star_daily": "date_day, organization_id",
}
CANONICAL_COLUMNS = ["event_id", "event_at", "user_id", "organization_id", "event_name",
                     "learning_id", "learning_type", "source_invalid_reason"]
# Every landing of the scenario that must give the generic format's marts: each vendor
# format's, and Snowplow as its Snowflake loader lands it.
SCENARIO_BUILDS = (*VENDOR_FORMATS, "snowplow_snowflake")
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


@pytest.mark.parametrize("landing", SCENARIO_BUILDS)
@pytest.mark.parametrize("mart", MARTS)
def test_vendor_marts_match_generic(source_builds, landing, mart):
    sql = f"select * from main.{mart} order by {MARTS[mart]}"
    expected = source_builds.get("generic").query(sql)
    assert expected, f"the generic {mart} is empty"
    _assert_same_rows(source_builds.get(landing).query(sql), expected, mart)


@pytest.mark.parametrize("landing", SCENARIO_BUILDS)
def test_vendor_valid_events_match_generic(source_builds, landing):
    """The same events survive, at the same instants, for the same users and organizations."""
    expected = source_builds.get("generic").query(VALID_EVENT_SQL)
    _assert_same_rows(source_builds.get(landing).query(VALID_EVENT_SQL), expected, "int_events_valid")


@pytest.mark.parametrize("landing", SCENARIO_BUILDS)
def test_vendor_replays_count_once(source_builds, landing):
    build = source_builds.get(landing)
    [(valid, duplicates)] = build.query("""
        select count(*) filter (where event_status = 'valid'), count(*) filter (where event_status = 'duplicate')
        from main.int_events_classified
    """)
    assert (valid, duplicates) == (len(EVENTS), build.landing.replays)


@pytest.mark.parametrize("landing", SCENARIO_BUILDS)
def test_vendor_bad_rows_are_quarantined_with_their_reason(source_builds, landing):
    build = source_builds.get(landing)
    quarantined = dict(build.query("""
        select event_id, rejection_reason from main.int_events_classified where event_status = 'quarantined'
    """))
    assert quarantined == build.landing.quarantined


@pytest.mark.parametrize("landing", SCENARIO_BUILDS)
def test_staging_model_has_the_canonical_columns(source_builds, landing):
    build = source_builds.get(landing)
    columns = build.query(f"""
        select column_name, data_type from information_schema.columns
        where table_schema = 'main' and table_name = 'stg_{build.source_format}__events'
        order by ordinal_position
    """)
    assert [name for name, _ in columns] == CANONICAL_COLUMNS
    types = dict(columns)
    assert types["event_at"] == "TIMESTAMP"
    assert all(types[name] == "VARCHAR" for name in CANONICAL_COLUMNS if name != "event_at")


def _staged(build, event_ids) -> dict:
    """event_id -> (event_name, organization_id, learning_id, learning_type, source_invalid_reason)."""
    listed = ", ".join(f"'{event_id}'" for event_id in event_ids)
    rows = build.query(f"""
        select event_id, event_name, organization_id, learning_id, learning_type, source_invalid_reason
        from main.stg_{build.source_format}__events
        where event_id in ({listed})
    """)
    return {event_id: list(rest) for event_id, *rest in rows}


def test_segment_page_and_screen_calls_are_activity(source_builds):
    """Sam only views a page in week 1 (organization from his group call): he is active.
    Bo's screen call carries context.groupId. Both are replayed / deduplicated like tracks."""
    build = source_builds.get("segment")
    page, screen = (_uuid("segment", key) for key in SEGMENT_VIEW_CALLS)
    assert _staged(build, [page, screen]) == {
        page: ["Page Viewed", "org_acme", None, None, None],
        screen: ["Screen Viewed", "org_beta", None, None, None],
    }
    [(sam_week_one,)] = build.query("""
        select count(*) from main.int_events_valid
        where user_id = 'u_sam' and event_date < date '2024-03-11' and action = 'other'
    """)
    assert sam_week_one == 1
    [(page_copies,)] = build.query(f"""
        select count(*) from main.int_events_classified where event_id = '{page}' and event_status = 'duplicate'
    """)
    assert page_copies == 1


def test_segment_pages_switched_off_or_missing_are_not_read(source_builds):
    """An empty pages var and a missing screens table: the build reads the track calls only."""
    build = source_builds.get("segment_without_pages")
    [(view_calls,)] = build.query("""
        select count(*) from main.stg_segment__events where event_name in ('Page Viewed', 'Screen Viewed')
    """)
    assert view_calls == 0
    with_pages = dict(source_builds.get("segment").query(
        "select date_day, weekly_active_users from main.fct_north_star_daily"))
    without_pages = dict(build.query("select date_day, weekly_active_users from main.fct_north_star_daily"))
    sam_page_day = BY_KEY[next(iter(SEGMENT_VIEW_CALLS))].at.date()
    assert without_pages[sam_page_day] == with_pages[sam_page_day] - 1


@pytest.mark.parametrize("landing", ["snowplow", "snowplow_snowflake"])
def test_snowplow_page_views_take_the_organization_from_the_context_entity(source_builds, landing):
    """The `contexts` JSON (enriched events) and the per-entity columns (Snowflake loader)."""
    build = source_builds.get(landing)
    page_views = {_uuid("snowplow", key): ["page_view", BY_KEY[key].org, None, None, None]
                  for key in SNOWPLOW_PAGE_VIEWS}
    assert _staged(build, list(page_views)) == page_views


def test_snowplow_learning_in_the_context_entity_and_structured_columns_by_var(source_builds):
    """The Snowflake landing: chart views name their learning only in the entity (its newer
    major-version column); Beta's structured events put organization, learning id and type in
    the se_ columns that the north_star_snowplow_structured_* vars name."""
    build = source_builds.get("snowplow_snowflake")
    in_entity = {_uuid("snowplow", key): [BY_KEY[key].name, BY_KEY[key].org, BY_KEY[key].learning_id,
                                          BY_KEY[key].learning_type, None]
                 for key in SNOWPLOW_LEARNING_IN_ENTITY}
    assert _staged(build, list(in_entity)) == in_entity
    structured = [event for event in EVENTS if event.org == "org_beta" and event.is_learning_event]
    expected = {_uuid("snowplow", event.key): [event.name, event.org, event.learning_id, event.learning_type, None]
                for event in structured}
    assert _staged(build, list(expected)) == expected
