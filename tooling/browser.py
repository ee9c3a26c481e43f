"""Debian's Chromium, driven by Playwright's Python package, for the browser tests and the
README's screenshot. Playwright's own browser download cannot work offline: the browser
is Debian's `chromium`, found on the PATH (or NORTH_STAR_CHROMIUM) and installed with
apt-get when missing and run as root, like the other engines' needs (tooling/engines.py).

The browser can reach only this machine: every host name but 127.0.0.1 resolves to
nothing, and background services (updates, sync, metrics) are off. Pages are still
watched (`LoopbackGuard`): a request to anywhere else is recorded as a failure even if
it went nowhere.

    python -m tooling.browser install              # chromium, if missing (make test)
    python -m tooling.browser screenshot PNG       # the North Star page (make screenshot)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from tooling.engines import apt_install

CHROMIUM_NAMES = ("chromium", "chromium-browser")
CHROMIUM_ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-domain-reliability", "--no-first-run", "--no-pings",
    "--disable-features=OptimizationHints,MediaRouter,Translate",
]
VIEWPORT = {"width": 1400, "height": 1000}
LOCAL_SCHEMES = ("data", "blob", "about")
# How long a page may take to show its data (Streamlit runs the page's script first).
PAGE_SECONDS = 60


def find_chromium() -> str | None:
    configured = os.environ.get("NORTH_STAR_CHROMIUM")
    if configured:
        return configured
    return next(filter(None, (shutil.which(name) for name in CHROMIUM_NAMES)), None)


def ensure_chromium() -> str:
    """Chromium's path; installs Debian's package when there is none (as root)."""
    found = find_chromium()
    if found:
        return found
    apt_install("chromium")
    found = find_chromium()
    if not found:
        raise RuntimeError("apt-get installed chromium, but it is not on the PATH")
    return found


class LoopbackGuard:
    """Every request and websocket of a browser context, and the ones that left 127.0.0.1."""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.on("page", self.watch)

    def watch(self, page) -> None:
        page.on("websocket", lambda websocket: self.urls.append(websocket.url))

    def offsite(self, since: int = 0) -> list[str]:
        """The requests to other hosts, from the `since`-th request on."""
        return [url for url in self.urls[since:]
                if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname != "127.0.0.1"]


@contextlib.contextmanager
def browser_context(chromium: str) -> Iterator[tuple[object, LoopbackGuard]]:
    """A headless Chromium context (1400 × 1000) and its guard, closed after the block."""
    from playwright.sync_api import sync_playwright

    # As root Chromium runs only without its sandbox; elsewhere the sandbox stays on.
    args = CHROMIUM_ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=args)
        try:
            context = browser.new_context(viewport=VIEWPORT)
            guard = LoopbackGuard(context)
            yield context, guard
        finally:
            browser.close()


def open_dashboard_page(page, url: str) -> None:
    """Opens a dashboard page and waits until its script has run and everything is drawn:
    Streamlit sends the page's elements over its websocket, then marks its root element
    `data-test-script-state="notRunning"`; elements whose code is still loading show a
    skeleton; a chart is drawn when its SVG (or canvas) of marks exists."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function(
        """() => document.querySelector(
                     '[data-testid="stApp"][data-test-script-state="notRunning"]'
                     + '[data-test-connection-state="CONNECTED"]')
                 && !document.querySelector('[data-testid^="stSkeleton"], [data-testid="stAppSkeleton"]')
                 && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                        .every(chart => chart.querySelector('svg.marks, canvas.marks'))""",
        timeout=PAGE_SECONDS * 1000,
    )


def save_screenshot(page, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main element, so the viewport grows to
    that element's height first."""
    height = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]');
        return main ? main.scrollHeight : document.body.scrollHeight;
    }""")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    page.wait_for_timeout(500)  # the charts resize to the new viewport
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    page.set_viewport_size(VIEWPORT)


def screenshot(output: Path) -> int:
    from tooling.dashboard import ensure_built, running_dashboard
    from tooling.dbt_runner import dbt_env

    env = dbt_env()
    if not ensure_built(env):
        return 1
    with running_dashboard(env) as url, browser_context(ensure_chromium()) as (context, guard):
        page = context.new_page()
        open_dashboard_page(page, url)
        save_screenshot(page, output)
        if guard.offsite():
            print(f"north_star: the page asked for {guard.offsite()}: not written")
            output.unlink()
            return 1
    print(f"north_star: wrote {output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tooling.browser", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("install", help="install Debian's chromium when it is missing")
    shot = commands.add_parser("screenshot", help="the dashboard's North Star page as a PNG")
    shot.add_argument("output", type=Path)
    options = parser.parse_args(argv)
    if options.command == "install":
        try:
            print(f"north_star: chromium is {ensure_chromium()}")
        except (RuntimeError, subprocess.CalledProcessError) as error:
            print(f"north_star: {error}; the browser tests will be skipped", file=sys.stderr)
        return 0
    return screenshot(options.output)


if __name__ == "__main__":
    sys.exit(main())
