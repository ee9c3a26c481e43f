"""The docs site (`dbt docs generate` of the demo build) served on 127.0.0.1 and opened in
headless Chromium: the overview page explains the project, the marts' pages show their
descriptions, and the lineage graph of fct_north_star_daily runs from the raw source
through the marts to the dashboard's exposures, drawn on its canvas. Nothing is asked of
any other host (the site sends no usage statistics: dbt ran with them off).

Skipped when Chromium is not installed (`make test` installs Debian's chromium)."""

from __future__ import annotations

import functools
import json
import re
import threading
from collections import deque
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from dashboard_pages import SCREENSHOTS

from tooling.browser import PAGE_SECONDS, browser_context

DAILY_MART = "model.north_star.fct_north_star_daily"
SOURCE = "source.north_star.north_star.events"
DESCRIBED_MODELS = ("fct_north_star_daily", "fct_north_star_weekly", "fct_organization_north_star_daily",
                    "fct_north_star_metrics_daily", "fct_north_star_growth_accounting", "dim_organizations",
                    "north_star_time_spine_daily")
# A model page's description, rendered from its Markdown.
DESCRIPTION = '[marked="model.description"]'
# The lineage graph's elements, read from the docs site's own graph service.
GRAPH_SCRIPT = """() => {
    const elements = angular.element(document.body).injector().get('graph').graph.elements;
    return {
        nodes: elements.filter(element => element.group === 'nodes').map(element => element.data.unique_id),
        edges: elements.filter(element => element.group === 'edges')
                       .map(element => [element.data.source, element.data.target]),
    };
}"""
# Distinct colours drawn on the graph's canvases (a blank canvas has one).
CANVAS_COLOURS_SCRIPT = """() => {
    const colours = new Set();
    for (const canvas of document.querySelectorAll('#cy canvas')) {
        if (!canvas.width || !canvas.height) continue;
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < pixels.length; i += 4 * 97) colours.add(pixels.slice(i, i + 4).join(','));
    }
    return colours.size;
}"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def docs_site(demo_build, chromium):
    handler = functools.partial(QuietHandler, directory=str(demo_build.target_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with browser_context(chromium) as (context, guard):
            yield f"http://127.0.0.1:{server.server_address[1]}", context, guard
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture(scope="module")
def manifest(demo_build) -> dict:
    return json.loads((demo_build.target_path / "manifest.json").read_text())


def opening_words(markdown: str, count: int = 8) -> str:
    """The first words of a description as the site renders it (no Markdown marks)."""
    return " ".join(re.sub(r"[`*_#]", "", markdown).split()[:count])


def text_of(page, selector: str) -> str:
    return " ".join(page.inner_text(selector).split())


def test_the_overview_explains_the_framework_the_tree_and_the_pages(docs_site):
    url, context, guard = docs_site
    page, first_request = context.new_page(), len(guard.urls)
    try:
        page.goto(f"{url}/#!/overview", wait_until="domcontentloaded")
        page.wait_for_selector("text=The North Star of a collaborative analytics product",
                               timeout=PAGE_SECONDS * 1000)
        shown = text_of(page, "body")
        for words in ("Weekly Learning Users (WLU) North Star", "Where each dashboard page reads from",
                      "Data quality audit_event_reconciliation"):
            assert words in shown
        page.screenshot(path=str(SCREENSHOTS / "docs_overview.png"))
        assert not guard.offsite(first_request), guard.offsite(first_request)
    finally:
        page.close()


@pytest.mark.parametrize("model", DESCRIBED_MODELS)
def test_a_model_page_shows_its_description(docs_site, manifest, model):
    url, context, guard = docs_site
    words = opening_words(manifest["nodes"][f"model.north_star.{model}"]["description"])
    assert len(words.split()) == 8
    page, first_request = context.new_page(), len(guard.urls)
    try:
        page.goto(f"{url}/#!/model/model.north_star.{model}", wait_until="domcontentloaded")
        page.wait_for_selector(DESCRIPTION, timeout=PAGE_SECONDS * 1000)
        assert model in text_of(page, "h1")
        assert words in text_of(page, DESCRIPTION)
        assert not guard.offsite(first_request), guard.offsite(first_request)
    finally:
        page.close()


def reachable(edges: list, start: str) -> set[str]:
    following: dict[str, list[str]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    seen, queue = {start}, deque([start])
    while queue:
        for target in following.get(queue.popleft(), []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_the_lineage_of_the_daily_mart_runs_from_the_raw_source_to_the_dashboard(docs_site, manifest):
    url, context, guard = docs_site
    pages = {name for name in manifest["exposures"] if name.startswith("exposure.north_star.dashboard_")}
    child_edges = [(parent, child) for parent, children in manifest["child_map"].items() for child in children]
    exposures = pages & reachable(child_edges, DAILY_MART)
    # The experiment readout measures horizons on the day-level histories, not on this mart.
    assert pages - exposures == {"exposure.north_star.dashboard_experiments"}
    page, first_request = context.new_page(), len(guard.urls)
    try:
        page.goto(f"{url}/#!/model/{DAILY_MART}", wait_until="domcontentloaded")
        page.wait_for_selector(DESCRIPTION, timeout=PAGE_SECONDS * 1000)
        page.click('[ng-click="onLauncherClick()"]')   # the lineage graph of the model ...
        page.click('[ng-click="showExpanded()"]')     # ... in full: +fct_north_star_daily+
        page.wait_for_function(f"() => document.querySelectorAll('#cy canvas').length > 0 && ({GRAPH_SCRIPT})()"
                               ".nodes.length > 20", timeout=PAGE_SECONDS * 1000)
        page.wait_for_timeout(1000)  # the layout settles
        graph = page.evaluate(GRAPH_SCRIPT)
        assert {SOURCE, DAILY_MART} | exposures <= set(graph["nodes"])
        downstream_of_source = reachable(graph["edges"], SOURCE)
        assert DAILY_MART in downstream_of_source
        assert exposures <= downstream_of_source
        assert exposures <= reachable(graph["edges"], DAILY_MART)
        assert page.evaluate(CANVAS_COLOURS_SCRIPT) > 3, "the graph's canvas is blank"
        page.screenshot(path=str(SCREENSHOTS / "docs_lineage_fct_north_star_daily.png"))
        assert not guard.offsite(first_request), guard.offsite(first_request)
    finally:
        page.close()
