"""What `make demo` prints after the build, for a product manager as much as for an
engineer: the metric tree with each metric's full name, owner, latest week against the
week before, target and alert; the latest weeks; the alerts; the experiment readouts; and
where the database, the dashboard, the semantic layer and the docs are."""

from __future__ import annotations

import duckdb

from tooling.alerts import latest_alerts
from tooling.metric_names import RELATIONSHIPS, label

WEEKS_SHOWN = 8
METRICS = ("weekly_learning_users", "broadcasted_learnings", "consumption_of_learnings",
           "activated_organizations", "weekly_active_users")

TREE_QUERY = """
select metric_name, parent_metric_name, relationship, owner_team, date_day, value,
       target_value, target_attainment, anomaly_direction
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


def _table(rows: list[list[str]], left_columns: int = 1) -> None:
    """Rows as columns: the first `left_columns` left-aligned (names), numbers right."""
    widths = [max(len(line[i]) for line in rows) for i in range(len(rows[0]))]
    for line in rows:
        cells = [cell.ljust(width) if index < left_columns else cell.rjust(width)
                 for index, (cell, width) in enumerate(zip(line, widths))]
        print("  " + "  ".join(cells).rstrip())


def _change(value, previous) -> str:
    if value is None or previous is None:
        return "–"
    difference = value - previous
    return f"{difference:+,}" + (f" ({difference / previous:+.0%})" if previous else "")


def _tree_order(tree_rows) -> list[tuple]:
    """(row, depth) depth first from the North Star, children by name; rows no parent
    leads to (a tree the tree test refuses) follow at depth 0."""
    children: dict = {}
    for row in tree_rows:
        children.setdefault(row[1], []).append(row)
    ordered: list[tuple] = []

    def visit(parent, depth):
        for row in sorted(children.get(parent, []), key=lambda row: row[0]):
            if all(row[0] != seen[0] for seen, _ in ordered):
                ordered.append((row, depth))
                visit(row[0], depth + 1)

    visit(None, 0)
    ordered += [(row, 0) for row in sorted(tree_rows) if all(row[0] != seen[0] for seen, _ in ordered)]
    return ordered


def _tree_lines(tree_rows, this_week: dict, week_before: dict) -> list[list[str]]:
    lines = [["metric", "role", "owner team", "this week", "change", "target", "attained", "alert"]]
    for (name, _, relationship, owner, _, value, target, attainment, anomaly), depth in _tree_order(tree_rows):
        lines.append([
            "  " * depth + label(name), RELATIONSHIPS.get(relationship, relationship), owner or "–",
            f"{this_week.get(name, value):,}", _change(this_week.get(name), week_before.get(name)),
            "–" if target is None else f"{target:,g}", "–" if attainment is None else f"{attainment:.0%}",
            anomaly or "",
        ])
    return lines


def _week_lines(weeks) -> list[list[str]]:
    """Metrics as rows, weeks as columns (a not complete week marked *)."""
    header = ["week starting"] + [f"{week[0]:%m-%d}" + ("" if week[-1] else "*") for week in weeks]
    return [header] + [[label(name)] + [f"{week[1 + index]:,}" for week in weeks]
                       for index, name in enumerate(METRICS)]


def _alert_line(alert) -> str:
    """An alert in words (`make alerts` prints the scheduler's one-line form)."""
    return (f"Alert: {label(alert.metric_name)} is a {alert.direction} on {alert.date_day}: "
            f"{alert.value:,}, {_change(alert.value, alert.value_week_earlier)} against "
            f"{alert.value_week_earlier:,} a week earlier, where about {alert.expected_value:,.0f} "
            f"(between {alert.lower_bound:,.0f} and {alert.upper_bound:,.0f}) was expected. "
            f"Owner: {alert.owner_team or 'unassigned'}.")


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
                   f"{units:,} vs {control_units:,} units, sample-ratio p = {_p(srm_p)}")
        table = blocks.setdefault((experiment, variant, heading), [[
            "outcome per unit", "mean", "control", "lift", "95% interval", "p", "CUPED lift", "CUPED p",
            "significant"]])
        table.append([("* " if is_target else "  ") + label(metric),
                      "" if mean is None else f"{mean:.2f}", "" if control_mean is None else f"{control_mean:.2f}",
                      _percent(lift), "" if lower is None else f"[{lower:+.0%}, {upper:+.0%}]", _p(p_value),
                      _percent(cuped_lift), _p(cuped_p), "yes" if significant else "no"])
    return [(heading, table) for (_, _, heading), table in blocks.items()]


def show_latest(duckdb_path: str, schema: str = "main", dashboard_url: str = "http://127.0.0.1:8501") -> None:
    with duckdb.connect(duckdb_path, read_only=True) as connection:
        weeks = connection.execute(
            f"select week_start_date, {', '.join(METRICS)}, is_complete_week "
            f"from {schema}.fct_north_star_weekly order by week_start_date desc limit {WEEKS_SHOWN}"
        ).fetchall()[::-1]
        organizations = connection.execute(
            f"select count(*), count(*) filter (where is_activated_latest) from {schema}.dim_organizations"
        ).fetchone()
        tree_rows = connection.execute(TREE_QUERY.format(schema=schema)).fetchall()
        alerts = latest_alerts(connection, schema)
        experiments = connection.execute(EXPERIMENTS_QUERY.format(schema=schema)).fetchall()
    if not weeks:
        print("\nThe events hold no valid event: the marts are empty.")
        return
    latest_week = weeks[-1]
    this_week = dict(zip(METRICS, latest_week[1:-1]))
    week_before = dict(zip(METRICS, weeks[-2][1:-1])) if len(weeks) > 1 else {}
    latest_day = tree_rows[0][4] if tree_rows else None
    state = "complete" if latest_week[-1] else f"not complete: data up to {latest_day}"

    print(f"\nThe North Star and its inputs, week of {latest_week[0]} ({state}), against the week before")
    print("(each week's value is the 7-day window ending on its last day with data)\n")
    if tree_rows:
        _table(_tree_lines(tree_rows, this_week, week_before), left_columns=3)
    print(f"\n  {organizations[1]} of {organizations[0]} organizations are activated on {latest_day}.")
    print(f"\nThe latest {len(weeks)} weeks (* a week not complete)\n")
    _table(_week_lines(weeks))
    print()
    for alert in alerts:
        print(_alert_line(alert))
    if not alerts:
        print(f"No anomaly on the latest day ({latest_day}).")
    print("\nExperiments (units whose horizon is complete; * the metric the experiment targets)")
    for heading, table in _experiment_blocks(experiments):
        print(f"\n  {heading}")
        _table(table)
    if not experiments:
        print("  No experiment has units with a complete horizon.")
    print(f"""
Where to look
  database   {duckdb_path} (DuckDB; marts fct_*, dim_*, audit_*)
  dashboard  make dashboard, then open {dashboard_url}
  metrics    .venv/bin/python -m tooling.cli mf -- query --saved-query north_star_weekly_review
  lineage    .venv/bin/python -m tooling.cli dbt -- docs generate, then
             .venv/bin/python -m tooling.cli dbt -- docs serve --no-browser --port 8080
  alerts     make alerts (exit 1 when the latest day has one, for a scheduler)""")
