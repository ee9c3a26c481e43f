"""The Experiments page reads fct_north_star_experiment_results: without that relation (a
project that has not built it yet) it says that no readouts are built yet; with it (here a
table made by hand, with the mart's columns and readouts chosen to hit each branch) it shows
each experiment's lift, interval, p-value and sample-ratio check. The demo's readouts are
checked with the other pages (test_dashboard_pages, test_dashboard_browser)."""

from __future__ import annotations

import shutil

import duckdb
import pytest
from dashboard_pages import APP, PAGES
from streamlit.testing.v1 import AppTest

COLUMNS = ("experiment_id", "metric_name", "variant", "units", "control_units", "mean", "control_mean",
           "absolute_lift", "relative_lift", "relative_lift_ci_lower", "relative_lift_ci_upper",
           "p_value", "srm_p_value", "is_significant")
# Two experiments: exp_share_button with a significant lift on WLU and a sample ratio as
# planned; exp_onboarding whose assignment is broken (SRM p-value 1e-5 < 0.001).
READOUTS = [
    ("exp_share_button", "weekly_learning_users", "treatment", 1000, 1010, 0.32, 0.28, 0.04,
     0.142857, 0.03, 0.26, 0.012, 0.82, True),
    ("exp_share_button", "broadcasted_learnings", "treatment", 1000, 1010, 0.50, 0.49, 0.01,
     0.020408, -0.05, 0.09, 0.61, 0.82, False),
    ("exp_onboarding", "weekly_learning_users", "short_tour", 800, 1000, 0.20, 0.21, -0.01,
     -0.047619, -0.15, 0.06, 0.42, 0.00001, False),
]


def run_experiments_page(duckdb_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("NORTH_STAR_TARGET", "duckdb")
    monkeypatch.setenv("NORTH_STAR_DUCKDB_PATH", str(duckdb_path))
    monkeypatch.delenv("NORTH_STAR_DASHBOARD_SCHEMA", raising=False)
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    app.switch_page(PAGES["experiments"].script)
    return app.run()


@pytest.fixture
def readouts_database(tmp_path):
    path = tmp_path / "readouts.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute(
            "create table main.fct_north_star_experiment_results (experiment_id varchar, metric_name varchar,"
            " variant varchar, units bigint, control_units bigint, mean double, control_mean double,"
            " absolute_lift double, relative_lift double, relative_lift_ci_lower double,"
            " relative_lift_ci_upper double, p_value double, srm_p_value double, is_significant boolean)")
        connection.executemany(f"insert into main.fct_north_star_experiment_results values "
                               f"({', '.join('?' * len(COLUMNS))})", READOUTS)
    return path


def test_without_the_mart_the_page_says_no_readouts_are_built(demo_build, monkeypatch, tmp_path):
    path = tmp_path / "no_readouts.duckdb"
    shutil.copy(demo_build.duckdb_path, path)
    with duckdb.connect(str(path)) as connection:
        connection.execute("drop table main.fct_north_star_experiment_results")
    app = run_experiments_page(path, monkeypatch)
    assert not app.exception and not app.error
    assert [info.value.split(":")[0] for info in app.info] == ["No experiment readouts built yet"]
    assert not app.metric and not app.get("vega_lite_chart")


def test_with_readouts_the_page_shows_lift_interval_p_value_and_sample_ratio(readouts_database, monkeypatch):
    app = run_experiments_page(readouts_database, monkeypatch)
    assert not app.exception and not app.error
    assert {card.label: card.value for card in app.metric} == {
        "Experiments": "2", "Significant results": "1", "Sample ratio mismatches": "1"}

    # The first experiment by name: its assignment is broken.
    assert app.selectbox[0].value == "exp_onboarding"
    assert len(app.warning) == 1 and "**short_tour**: sample ratio mismatch (p = 1e-05)" in app.warning[0].value
    assert not app.success

    app.selectbox[0].set_value("exp_share_button").run()
    assert not app.exception and not app.error and not app.warning
    assert [success.value.split(":")[0] for success in app.success] == ["**treatment**"]
    readout = app.table[0].value
    assert list(readout.index) == ["Broadcasted Learnings (BL)", "Weekly Learning Users (WLU)"]
    assert list(readout["relative lift"]) == ["+2.0%", "+14.3%"]
    assert list(readout["interval"]) == ["-5.0% to +9.0%", "+3.0% to +26.0%"]
    assert list(readout["p-value"]) == ["0.6100", "0.0120"]
    assert list(readout["significant"]) == ["no", "yes"]
    assert len(app.get("vega_lite_chart")) == 1
