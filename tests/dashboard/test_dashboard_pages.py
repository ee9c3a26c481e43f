"""Every page of the dashboard run headless (Streamlit's AppTest) against the demo build:
no page raises or shows an error, the metric cards show the marts' latest values and
their changes, and the charts get data."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest
from dashboard_pages import APP, PAGES, assert_cards_match
from streamlit.testing.v1 import AppTest

PAGE_SECONDS = 120


@pytest.fixture
def on_demo_build(demo_build, monkeypatch):
    for name in ("NORTH_STAR_DASHBOARD_SCHEMA", "NORTH_STAR_PG_SCHEMA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in demo_build.env.items():
        monkeypatch.setenv(name, value)
    return demo_build


def run_page(script: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=PAGE_SECONDS)
    app.run()
    app.switch_page(script)
    return app.run()


def assert_no_failure(app: AppTest) -> None:
    assert not app.exception, [exception.message for exception in app.exception]
    assert not app.error, [error.value for error in app.error]


def cards(app: AppTest) -> dict[str, tuple[str, str | None]]:
    return {card.label: (card.value, card.delta or None) for card in app.metric}


def chart_data(app: AppTest) -> list[list]:
    """Per chart, its layers' data as DataFrames."""
    charts = []
    for chart in app.get("vega_lite_chart"):
        frames = {dataset.name: pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()
                  for dataset in chart.proto.datasets}
        spec = json.loads(chart.proto.spec)
        # Layers without data of their own draw the chart's.
        charts.append([frames[layer.get("data", spec.get("data"))["name"]] for layer in spec.get("layer", [spec])])
    return charts


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_the_marts_latest_values(on_demo_build, expected_cards, page):
    app = run_page(PAGES[page].script)
    assert_no_failure(app)
    assert_cards_match(cards(app), expected_cards[page])
    charts = chart_data(app)
    assert len(charts) == PAGES[page].charts
    assert all(not frames[0].empty for frames in charts), "a chart without data"


def test_north_star_page_shows_the_alert_and_the_metric_tree(on_demo_build):
    alerts = on_demo_build.query(
        "select metric_name, anomaly_direction from fct_north_star_metrics_daily "
        "where is_anomaly and date_day = (select max(date_day) from fct_north_star_daily)")
    assert alerts == [("weekly_active_users", "spike")]  # planted in the demo data
    app = run_page(PAGES["north_star"].script)
    assert [warning.value.split("**")[1] for warning in app.warning] == ["Alert: Weekly Active Users (WAU)"]
    tree = app.table[0].value
    owners = dict(on_demo_build.query("select metric_name, owner_team from north_star_metric_tree"))
    assert list(tree["owner team"]) == [owners[name] for name in (
        "weekly_learning_users", "activated_organizations", "broadcasted_learnings",
        "consumption_of_learnings", "weekly_active_users")]
    assert list(tree["attainment"])[:4] == [f"{value:.0%}" for (value,) in on_demo_build.query(
        "select value / target_value from fct_north_star_metrics_daily "
        "where date_day = (select max(date_day) from fct_north_star_daily) and target_value is not null "
        "order by case relationship when 'north_star' then 0 else 1 end, metric_name")]


def test_growth_page_names_the_organizations_gained_and_lost(on_demo_build, activation_changes):
    """By name, and as many as the growth mart counts (gained = new + resurrected, lost =
    churned)."""
    app = run_page(PAGES["growth"].script)
    shown = {block.value for block in app.markdown}
    for names in activation_changes.values():
        assert "\n".join(f"- {name}" for name in names) in shown if names else "No organization." in shown
    assert activation_changes["gained"], "the demo gains an organization in its last week"
    new, resurrected, churned = on_demo_build.query(
        "select new_count, resurrected_count, churned_count from fct_north_star_growth_accounting "
        "where metric_name = 'activated_organizations' "
        "and date_day = (select max(date_day) from fct_north_star_daily)")[0]
    assert (len(activation_changes["gained"]), len(activation_changes["lost"])) == (new + resurrected, churned)


def test_organizations_page_follows_the_chosen_organization(on_demo_build):
    """The chosen organization's Weekly Learning Users on every day of the series: the
    mart's value, and 0 on the days without a row (no activity in the window)."""
    organization = "org_stark"  # activated on 2026-09-15, no longer on the last day
    app = run_page(PAGES["organizations"].script)
    app.selectbox[0].set_value(organization).run()
    assert_no_failure(app)
    lines = chart_data(app)[0][0]
    shown = lines[lines["series"] == "Weekly Learning Users (WLU)"]
    shown = dict(zip(shown["date_day"].dt.date, shown["value"]))
    marts = dict(on_demo_build.query(
        "select date_day, weekly_learning_users from fct_organization_north_star_daily "
        f"where organization_id = '{organization}'"))
    days = [day for (day,) in on_demo_build.query("select date_day from fct_north_star_daily")]
    assert len(days) > len(marts) > 0
    assert shown == {day: marts.get(day, 0) for day in days}
