"""The dashboard as a person sees it: served on 127.0.0.1 (tooling.dashboard, as `make
dashboard` serves it) and opened page by page in headless Chromium (Debian's, driven by
Playwright). Each page must get its data over the websocket, show the marts' latest
values in its metric cards, draw its charts (an SVG with marks), show no error box and
raise no script error, and ask nothing of any host but 127.0.0.1. Screenshots go to
target/browser/ for review.

Skipped when Chromium is not installed (`make test` installs Debian's package)."""

from __future__ import annotations

import pytest
from dashboard_pages import PAGES, SCREENSHOTS, assert_cards_match

from tooling.browser import browser_context, open_dashboard_page, save_screenshot
from tooling.dashboard import running_dashboard
from tooling.dbt_runner import dbt_env

CARDS_SCRIPT = """() => [...document.querySelectorAll('[data-testid="stMetric"]')].map(card => [
    card.querySelector('[data-testid="stMetricLabel"]').innerText.trim(),
    card.querySelector('[data-testid="stMetricValue"]').innerText.trim(),
    card.querySelector('[data-testid="stMetricDelta"]')?.innerText.trim() || null])"""
# Per chart: its size and the marks drawn in its SVG (bars, lines, areas, rules, points).
CHARTS_SCRIPT = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(chart => {
    const svg = chart.querySelector('svg.marks');
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    const marks = svg ? svg.querySelectorAll('g[class*="mark-"] > path, g[class*="mark-"] > line').length : 0;
    return [box.width, box.height, marks];
})"""
ERROR_BOXES = '[data-testid="stException"], [data-testid="stAlertContentError"]'


@pytest.fixture(scope="module")
def served_dashboard(demo_build, chromium, tmp_path_factory):
    log = tmp_path_factory.mktemp("dashboard") / "streamlit.log"
    with running_dashboard(dbt_env(demo_build.env), log=log) as url, \
            browser_context(chromium) as (context, guard):
        yield url, context, guard


@pytest.mark.parametrize("page", PAGES)
def test_page_in_chromium(served_dashboard, expected_cards, page):
    url, context, guard = served_dashboard
    browser_page = context.new_page()
    first_request = len(guard.urls)
    frames, script_errors = [], []
    browser_page.on("websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame)))
    browser_page.on("pageerror", lambda error: script_errors.append(str(error)))
    try:
        open_dashboard_page(browser_page, f"{url}/{PAGES[page].url_path}")
        save_screenshot(browser_page, SCREENSHOTS / f"dashboard_{page}.png")
        assert frames, "no data came over the websocket"
        shown = {label: (value, delta) for label, value, delta in browser_page.evaluate(CARDS_SCRIPT)}
        assert_cards_match(shown, expected_cards[page])
        charts = browser_page.evaluate(CHARTS_SCRIPT)
        assert len(charts) == PAGES[page].charts, charts
        assert all(width > 100 and height > 100 and marks > 0 for width, height, marks in charts), charts
        assert not browser_page.query_selector_all(ERROR_BOXES), [
            box.inner_text() for box in browser_page.query_selector_all(ERROR_BOXES)]
        assert not script_errors
        assert not guard.offsite(first_request), f"requests that left 127.0.0.1: {guard.offsite(first_request)}"
    finally:
        browser_page.close()


def test_every_page_is_in_the_navigation(served_dashboard):
    url, context, _ = served_dashboard
    browser_page = context.new_page()
    try:
        open_dashboard_page(browser_page, url)
        links = browser_page.eval_on_selector_all('[data-testid="stSidebarNavLink"]',
                                                  "links => links.map(link => link.innerText.trim())")
        assert links == ["North Star", "Growth", "Organizations", "Experiments", "Data quality"]
    finally:
        browser_page.close()
