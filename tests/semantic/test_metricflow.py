"""The semantic layer as MetricFlow's own CLI answers it (`mf`, run through
tooling.semantic_layer, which only switches off its update check), over the demo build:
the configs validate, also against the warehouse, and a query by week returns the weekly
mart's values — each metric as of the week's last day, not a sum of its days.

The weekly mart is the reference: its values are tested against hand-worked scenarios
and the reference model elsewhere; MetricFlow computes them its own way, from the
daily mart and the semantic models' non_additive_dimension.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from tooling.dbt_runner import ROOT, dbt_env

WEEKLY_METRICS = ("weekly_learning_users", "broadcasted_learnings", "consumption_of_learnings",
                  "activated_organizations", "weekly_active_users")
MF_SECONDS = 600


def mf(demo_build, *args: str) -> subprocess.CompletedProcess:
    env = dbt_env({**demo_build.env, "DBT_PROJECT_DIR": str(demo_build.project_dir),
                   "DBT_PROFILES_DIR": str(ROOT)})
    return subprocess.run([sys.executable, "-m", "tooling.semantic_layer", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=MF_SECONDS)


def query(demo_build, tmp_path: Path, *args: str) -> list[dict]:
    output = tmp_path / "result.csv"
    result = mf(demo_build, "query", *args, "--csv", str(output))
    assert result.returncode == 0 and output.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    with output.open(newline="") as rows:
        return list(csv.DictReader(rows))


def day(text: str) -> date:
    return date.fromisoformat(text[:10])


def weekly_mart(demo_build) -> dict[date, dict[str, int]]:
    rows = demo_build.query(f"select week_start_date, {', '.join(WEEKLY_METRICS)} from fct_north_star_weekly")
    return {row[0]: dict(zip(WEEKLY_METRICS, row[1:])) for row in rows}


def test_configs_validate_also_against_the_warehouse(demo_build):
    result = mf(demo_build, "validate-configs")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Breaking issues" not in result.stdout, result.stdout[-3000:]
    assert "Successfully validated metrics against data warehouse" in result.stdout, result.stdout[-3000:]


def test_weekly_learning_users_by_week_equal_the_weekly_mart(demo_build, tmp_path):
    rows = query(demo_build, tmp_path, "--metrics", "weekly_learning_users", "--group-by", "metric_time__week")
    answered = {day(row["metric_time__week"]): int(row["weekly_learning_users"]) for row in rows}
    expected = {week: values["weekly_learning_users"] for week, values in weekly_mart(demo_build).items()}
    assert len(expected) >= 10
    assert answered == expected


def test_the_weekly_review_saved_query_equals_the_weekly_mart(demo_build, tmp_path):
    rows = query(demo_build, tmp_path, "--saved-query", "north_star_weekly_review")
    answered = {day(row["metric_time__week"]): {name: int(row[name]) for name in WEEKLY_METRICS}
                for row in rows}
    assert answered == weekly_mart(demo_build)


def test_organization_metrics_by_week_are_the_values_of_the_weeks_last_day(demo_build, tmp_path):
    """Per organization and (Monday) week, the value on the week's last day with data:
    worked out here from the daily marts, in Python."""
    rows = query(demo_build, tmp_path, "--metrics",
                 "organization_weekly_learning_users,organization_consumption_of_learnings",
                 "--group-by", "metric_time__week,organization")
    answered = {(day(row["metric_time__week"]), row["organization"]):
                (int(row["organization_weekly_learning_users"]), int(row["organization_consumption_of_learnings"]))
                for row in rows}
    last_day = defaultdict(lambda: date.min)
    for (day_of_data,) in demo_build.query("select date_day from fct_north_star_daily"):
        week = day_of_data - timedelta(days=day_of_data.weekday())
        last_day[week] = max(last_day[week], day_of_data)
    weeks_by_last_day = {last: week for week, last in last_day.items()}
    expected = {
        (weeks_by_last_day[row_day], organization): (learning_users, consumption)
        for row_day, organization, learning_users, consumption in demo_build.query(
            "select date_day, organization_id, weekly_learning_users, consumption_of_learnings "
            "from fct_organization_north_star_daily")
        if row_day in weeks_by_last_day
    }
    assert len({organization for _, organization in expected}) >= 10
    assert answered == expected


def test_a_month_is_the_value_of_its_last_day(demo_build, tmp_path):
    metrics = ("weekly_learning_users", "activated_organizations")
    rows = query(demo_build, tmp_path, "--metrics", ",".join(metrics), "--group-by", "metric_time__month")
    answered = {day(row["metric_time__month"]): tuple(int(row[name]) for name in metrics) for row in rows}
    expected = {}
    for row_day, *values in sorted(demo_build.query(
            f"select date_day, {', '.join(metrics)} from fct_north_star_daily")):
        expected[row_day.replace(day=1)] = tuple(values)  # the month's last day wins
    assert len(expected) >= 4
    assert answered == expected
