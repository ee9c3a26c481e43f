"""Prints the latest weeks of the North Star Metric and its inputs, the metric tree on the
latest day and its alerts, and the experiment readouts, from the DuckDB build."""

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


EXPERIMENTS_QUERY = """
select experiment_id, unit_type, variant, control_variant, owner_team, metric_name, is_target_metric,
       units, control_units, mean, control_mean, relative_lift, relative_lift_ci_lower,
       relative_lift_ci_upper, p_value, cuped_relative_lift, cuped_p_value, srm_p_value, is_significant
from {schema}.fct_north_star_experiment_results
order by experiment_id, variant, is_target_metric desc, metric_name
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


def _percent(value) -> str:
    return "" if value is None else f"{value:+.0%}"


def _p(value) -> str:
    return "" if value is None else ("<0.0001" if value < 0.0001 else f"{value:.4f}")


def _experiment_blocks(rows) -> list[tuple[str, list[list[str]]]]:
    """One block per experiment and treatment: a heading and the table of its metrics
    (the target metric first, marked *)."""
    blocks: dict[tuple, list] = {}
    for row in rows:
        (experiment, unit_type, variant, control, owner, metric, is_target, units, control_units,
         mean, control_mean, lift, lower, upper, p_value, cuped_lift, cuped_p, srm_p, significant) = row
        heading = (f"{experiment} ({unit_type}s, {variant} vs {control}, owner {owner or 'none'}): "
                   f"{units} vs {control_units} units, sample-ratio p = {_p(srm_p)}")
        table = blocks.setdefault((experiment, variant, heading), [[
            "metric", "mean", "control", "lift", "95% interval", "p", "CUPED lift", "CUPED p", "significant"]])
        table.append([("* " if is_target else "  ") + metric,
                      "" if mean is None else f"{mean:.2f}", "" if control_mean is None else f"{control_mean:.2f}",
                      _percent(lift), "" if lower is None else f"[{lower:+.0%}, {upper:+.0%}]", _p(p_value),
                      _percent(cuped_lift), _p(cuped_p), "yes" if significant else "no"])
    return [(heading, table) for (_, _, heading), table in blocks.items()]


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
        experiments = connection.execute(EXPERIMENTS_QUERY.format(schema=schema)).fetchall()
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
    print("\nExperiments (units whose horizon is complete; * the target metric)")
    for heading, table in _experiment_blocks(experiments):
        print(f"\n{heading}")
        _table(table)
    if not experiments:
        print("No experiment has units with a complete horizon.")
