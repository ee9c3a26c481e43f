"""Fixtures of the dashboard tests: the cards each page must show on the demo build
(dashboard_pages.py works them out), the organizations gained and lost, and Chromium."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dashboard_pages import WINDOW_DAYS, expected_cards_of

from tooling.browser import find_chromium


@pytest.fixture(scope="session")
def chromium() -> str:
    found = find_chromium()
    if not found:
        pytest.skip("Chromium is not installed (`make test` installs Debian's chromium)")
    return found


@pytest.fixture(scope="session")
def expected_cards(demo_build) -> dict[str, dict]:
    return expected_cards_of(demo_build)


@pytest.fixture(scope="session")
def activation_changes(demo_build) -> dict[str, list[str]]:
    """Organizations activated on the latest day and not a window earlier (gained), and the
    other way round (lost)."""
    rows = demo_build.query("select date_day, organization_id from fct_organization_north_star_daily "
                            "where is_activated")
    (latest,) = demo_build.query("select max(date_day) from fct_north_star_daily")[0]
    today = {organization for day, organization in rows if day == latest}
    before = {organization for day, organization in rows if day == latest - timedelta(days=WINDOW_DAYS)}
    return {"gained": sorted(today - before), "lost": sorted(before - today)}
