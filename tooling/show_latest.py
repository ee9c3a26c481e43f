"""Prints the latest weeks of the North Star Metric and its inputs from the DuckDB build."""

from __future__ import annotations

import duckdb

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


def show_latest(duckdb_path: str, schema: str = "main") -> None:
    with duckdb.connect(duckdb_path, read_only=True) as connection:
        rows = connection.execute(
            f"select {', '.join(COLUMNS)} from {schema}.fct_north_star_weekly "
            f"order by week_start_date desc limit {WEEKS_SHOWN}"
        ).fetchall()
        organizations = connection.execute(
            f"select count(*), count(*) filter (where is_activated_latest) from {schema}.dim_organizations"
        ).fetchone()
    headers = list(COLUMNS.values())
    table = [headers] + [[str(value) for value in row] for row in reversed(rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(headers))]
    print("\nNorth Star: Weekly Learning Users and its inputs, latest weeks")
    for line in table:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))
    print(f"\n{organizations[1]} of {organizations[0]} organizations activated on the last day.")
