"""What the dashboard's pages must show on the demo build, worked out from the marts with
SQL and Python of the tests' own (not with the dashboard's queries): each page's metric
cards, as label -> (value, change against the comparison day or None).

The pages are addressed by their script (AppTest) and by their URL path (the browser)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest

from tooling.dbt_runner import ROOT

APP = ROOT / "dashboard" / "app.py"
# The browser tests' screenshots, for review.
SCREENSHOTS = ROOT / "target" / "browser"
# The demo is built with the default definitions.
WINDOW_DAYS = 7
ACTIVATION_THRESHOLD = 5


@dataclass(frozen=True)
class Page:
    script: str
    url_path: str
    charts: int  # charts drawn on the demo build


PAGES = {
    "north_star": Page("views/north_star.py", "", 2),
    "growth": Page("views/growth.py", "growth", 3),
    "organizations": Page("views/organizations.py", "organizations", 3),
    "experiments": Page("views/experiments.py", "experiments", 1),
    "data_quality": Page("views/data_quality.py", "data_quality", 1),
}


def number(text: str) -> float:
    return float(text.replace(",", ""))


def leading_change(delta: str | None) -> int | None:
    """The signed count a card's delta starts with: `+12 (+8%)` -> 12."""
    if not delta:
        return None
    found = re.match(r"([+-][\d,]+)", delta)
    assert found, f"a change should start with a signed count: {delta!r}"
    return int(found.group(1).replace(",", ""))


def _north_star_cards(build) -> dict:
    names = ["weekly_learning_users", "broadcasted_learnings", "consumption_of_learnings",
             "activated_organizations", "weekly_active_users"]
    labels = ["Weekly Learning Users (WLU)", "Broadcasted Learnings (BL)",
              "Consumption of Learnings (CoL)", "Activated Organizations (AO)", "Weekly Active Users (WAU)"]
    daily = {row[0]: row[1:] for row in build.query(f"select date_day, {', '.join(names)} from fct_north_star_daily")}
    latest = max(daily)
    earlier = daily.get(latest - timedelta(days=7))
    return {label: (daily[latest][index], None if earlier is None else daily[latest][index] - earlier[index])
            for index, label in enumerate(labels)}


def _growth_cards(build) -> dict:
    columns = ["current_count", "new_count", "retained_count", "resurrected_count", "churned_count"]
    rows = {(row[0], row[1]): row[2:] for row in build.query(
        f"select date_day, metric_name, {', '.join(columns)}, quick_ratio from fct_north_star_growth_accounting")}
    latest = max(day for day, _ in rows)
    earlier = latest - timedelta(days=WINDOW_DAYS)
    cards = {}
    for metric, labels in {
        "weekly_learning_users": ["Weekly Learning Users", "New", "Retained", "Resurrected", "Churned"],
        "activated_organizations": ["Activated", "Activated for the first time", None,
                                    "Activated again", "No longer activated"],
    }.items():
        today, before = rows[latest, metric], rows.get((earlier, metric))
        for index, label in enumerate(labels):
            if label:
                cards[label] = (today[index], None if before is None else today[index] - before[index])
    cards["Quick ratio"] = (round(rows[latest, "weekly_learning_users"][5], 2), None)
    return cards


def _organizations_cards(build) -> dict:
    total, activated, close = build.query(
        "select count(*), count(*) filter (where is_activated_latest), "
        f"count(*) filter (where latest_weekly_learning_users = {ACTIVATION_THRESHOLD}) from dim_organizations")[0]
    return {"Activated organizations": (activated, None),
            f"Close to activation (exactly {ACTIVATION_THRESHOLD} WLU)": (close, None),
            "Organizations": (total, None)}


def _data_quality_cards(build) -> dict:
    (raw,) = build.query("select count(*) from north_star_demo_events")[0]
    valid, quarantined, duplicate, waiting, unaccounted = build.query(
        "select valid_rows, quarantined_rows, duplicate_rows, waiting_rows, unaccounted_rows "
        "from audit_event_reconciliation")[0]
    return {"Raw rows": (raw, None), "Valid": (valid, None), "Quarantined": (quarantined, None),
            "Duplicates (replays)": (duplicate, None), "Late, waiting": (waiting, None),
            "Unaccounted": (unaccounted, None)}


def _experiments_cards(build) -> dict:
    experiments, significant, mismatched = build.query(
        "select count(distinct experiment_id), count(*) filter (where is_significant),"
        " count(distinct experiment_id) filter (where srm_p_value < 0.001)"
        " from fct_north_star_experiment_results")[0]
    return {"Experiments": (experiments, None), "Significant results": (significant, None),
            "Sample ratio mismatches": (mismatched, None)}


def expected_cards_of(build) -> dict[str, dict]:
    return {
        "north_star": _north_star_cards(build),
        "growth": _growth_cards(build),
        "organizations": _organizations_cards(build),
        "experiments": _experiments_cards(build),
        "data_quality": _data_quality_cards(build),
    }


def assert_cards_match(shown: dict[str, tuple[str, str | None]], expected: dict) -> None:
    """`shown`: label -> (value text, delta text) as the page shows them."""
    assert set(shown) == set(expected), f"cards shown {sorted(shown)}, expected {sorted(expected)}"
    for label, (value, change) in expected.items():
        shown_value, shown_delta = shown[label]
        assert number(shown_value) == pytest.approx(value), f"{label}: {shown_value} shown, {value} expected"
        assert leading_change(shown_delta) == change, f"{label}: change {shown_delta!r} shown, {change} expected"
