"""Each dashboard page is an exposure that lists exactly what the page reads (the
relations its queries name), with an owner; `make dashboard` builds the marts when any of
them is missing."""

from __future__ import annotations

import json
import re

import pytest
from dashboard_pages import APP, PAGES

from tooling.dashboard import RELATIONS_READ

def relations_read(page: str) -> set[str]:
    source = (APP.parent / PAGES[page].script).read_text()
    read = set(re.findall(r"\{schema\}\.(\w+)", source))
    if "data.definitions(" in source:
        read.add("int_north_star__run_manifest")  # north_star_dashboard/data.py
    return read


@pytest.fixture(scope="module")
def exposures(demo_build) -> dict[str, dict]:
    manifest = json.loads((demo_build.target_path / "manifest.json").read_text())
    return {exposure["name"]: exposure for exposure in manifest["exposures"].values()}


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_exposure_lists_what_it_reads(exposures, page):
    exposure = exposures[f"dashboard_{page}"]
    depends_on = {node.split(".")[-1] for node in exposure["depends_on"]["nodes"]}
    assert depends_on == relations_read(page)
    assert exposure["owner"]["name"] and exposure["owner"]["email"]
    assert exposure["url"].startswith("http://127.0.0.1:8501/")


def test_every_exposure_is_a_page(exposures):
    assert set(exposures) == {f"dashboard_{page}" for page in PAGES}


def test_make_dashboard_builds_when_anything_a_page_reads_is_missing():
    assert set(RELATIONS_READ) == set().union(*(relations_read(page) for page in PAGES))
