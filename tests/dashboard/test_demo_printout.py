"""What `make demo` prints after its build (tooling.show_latest), read as a product
manager reads it: every metric by its full name, this week against the week before as
the weekly mart has them, the alert in words, and where the database, the dashboard and
the semantic layer are. The full names are the semantic layer's metric labels."""

from __future__ import annotations

import json

from tooling.metric_names import LABELS
from tooling.show_latest import show_latest


def test_the_printout_names_each_metric_and_its_change_against_the_week_before(demo_build, capsys):
    show_latest(str(demo_build.duckdb_path), dashboard_url="http://127.0.0.1:8501")
    printed = capsys.readouterr().out
    weeks = demo_build.query("select * from fct_north_star_weekly order by week_start_date desc limit 2")
    columns = [name for (name,) in demo_build.query(
        "select column_name from information_schema.columns where table_name = 'fct_north_star_weekly' "
        "order by ordinal_position")]
    this_week, week_before = (dict(zip(columns, week)) for week in weeks)
    lines = printed.splitlines()
    tree = lines[next(index for index, line in enumerate(lines) if line.split() == [
        "metric", "role", "owner", "team", "this", "week", "change", "target", "attained", "alert"]) + 1:]
    tree_lines = {line.strip().split("  ")[0]: line for line in tree[:tree.index("")]}
    for name, label in LABELS.items():
        difference = this_week[name] - week_before[name]
        relative = f"{difference / week_before[name]:+.0%}"
        assert f"{this_week[name]:,}  " in tree_lines[label] and f"{difference:+,} ({relative})" in tree_lines[label], \
            (label, tree_lines.get(label))
    assert f"week of {this_week['week_start_date']} (complete), against the week before" in printed
    # The demo's planted anomaly: a 13th organization's 40 users on its last day.
    last_day, spike, week_earlier = demo_build.query(
        "select date_day, weekly_active_users, (select weekly_active_users from fct_north_star_daily as earlier"
        " where earlier.date_day = latest.date_day - 7) from fct_north_star_daily as latest"
        " order by date_day desc limit 1")[0]
    difference = spike - week_earlier
    assert (f"Alert: Weekly Active Users (WAU) is a spike on {last_day}: {spike:,}, {difference:+,} "
            f"({difference / week_earlier:+.0%}) against {week_earlier:,} a week earlier") in printed
    assert f"database   {demo_build.duckdb_path}" in printed
    assert "dashboard  make dashboard, then open http://127.0.0.1:8501" in printed
    assert "--saved-query north_star_weekly_review" in printed


def test_the_full_names_are_the_semantic_layers_metric_labels(demo_build):
    semantic = json.loads((demo_build.target_path / "semantic_manifest.json").read_text())
    labels = {metric["name"]: metric["label"] for metric in semantic["metrics"] if metric["name"] in LABELS}
    assert labels == LABELS
