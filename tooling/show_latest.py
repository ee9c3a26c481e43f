"""Prints the latest weeks of the North Star Metric and its inputs, the metric tree on the
latest day and its alerts, from the DuckDB build."""

from __future__ import annotations

import duckdb

from tooling.alerts import latest_alerts

WEEKS_SHOWN = 8

COLUMNS = {
    "week_start_date": "week",
    "weekly_learning_users": "WLU",
    "weekly_active_users": "WAU",
    "broadcasted_learnings": "BL",
    "consumption_of_learnings": "CoL",
    "activated_organizations": "AO",
    "is_complete_week": "complete",
}

TREE_QUERY = """
select metric_name, parent_metric_name, relationship, owner_team, date_day, value,
       target_value, target_attainment, is_anomaly
from {schema}.fct_north_star_metrics_daily
where date_day = (select max(date_day) from {schema}.fct_north_star_metrics_daily)
"""


def _table(rows: list[list[str]]) -> None:
    widths = [max(len(line[i]) for line in rows) for i in range(len(rows[0]))]
    for line in rows:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))


def _tree_lines(tree_rows) -> list[list[str]]:
    """Depth-first from the North Star, children by name: the tree as indented rows."""
    children: dict = {}
    for row in tree_rows:
        children.setdefault(row[1], []).append(row)
    lines = [["metric", "relationship", "owner", "value", "target", "attainment", "alert"]]

    def visit(parent, depth):
        for name, _, relationship, owner, _, value, target, attainment, anomaly in sorted(
                children.get(parent, []), key=lambda row: row[0]):
            lines.append([("  " * depth + name).ljust(30), relationship, owner or "", str(value),
                          "" if target is None else f"{target:g}",
                          "" if attainment is None else f"{attainment:.0%}", "ALERT" if anomaly else ""])
            visit(name, depth + 1)

    visit(None, 0)
    return lines


def show_latest(duckdb_path: str, schema: str = "main") -> None:
    with duckdb.connect(duckdb_path, read_only=True) as connection:
        rows = connection.execute(
            f"select {', '.join(COLUMNS)} from {schema}.fct_north_star_weekly "
            f"order by week_start_date desc limit {WEEKS_SHOWN}"
        ).fetchall()
        organizations = connection.execute(
            f"select count(*), count(*) filter (where is_activated_latest) from {schema}.dim_organizations"
        ).fetchone()
        tree_rows = connection.execute(TREE_QUERY.format(schema=schema)).fetchall()
        alerts = latest_alerts(connection, schema)
    print("\nNorth Star: Weekly Learning Users and its inputs, latest weeks")
    _table([list(COLUMNS.values())] + [[str(value) for value in row] for row in reversed(rows)])
    print(f"\n{organizations[1]} of {organizations[0]} organizations activated on the last day.")
    if tree_rows:
        print(f"\nThe metric tree on {tree_rows[0][4]}")
        _table(_tree_lines(tree_rows))
    print()
    for alert in alerts:
        print(alert.describe())
    if not alerts:
        print("No anomaly on the latest day.")
