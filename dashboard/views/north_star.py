"""North Star: WLU by day (with the range the anomaly detection expects, the target and
the anomalies) and by week, the headline numbers against a week earlier, and the metric
tree with each metric's owner team, latest value and target attainment.

Reads fct_north_star_metrics_daily and fct_north_star_weekly."""

import pandas as pd
import streamlit as st

from north_star_dashboard import charts, data, layout, metrics

LATEST_QUERY = """
select *
from {schema}.fct_north_star_metrics_daily
where date_day = (select max(date_day) from {schema}.fct_north_star_metrics_daily)
"""
NORTH_STAR_DAILY_QUERY = """
select date_day, value, target_value, lower_bound, upper_bound, is_anomaly, anomaly_direction
from {schema}.fct_north_star_metrics_daily
where relationship = 'north_star'
order by date_day
"""
WEEKLY_QUERY = "select * from {schema}.fct_north_star_weekly order by week_start_date"

source = data.warehouse()
latest = data.read(source, LATEST_QUERY)
if latest.empty:
    st.info("The metrics mart is empty: the events hold no valid event yet.")
    st.stop()
tree = metrics.tree_order(zip(latest["metric_name"], latest["parent_metric_name"]))
latest = latest.set_index("metric_name").loc[[name for name, _ in tree]].reset_index()
north_star = latest[latest["relationship"] == "north_star"].iloc[0]
latest_day = north_star["date_day"]

st.title(f"North Star: {metrics.label(north_star['metric_name'])}")
st.caption(f"Latest day {latest_day:%A %Y-%m-%d}; changes are against the same weekday a week "
           f"earlier ({latest_day - pd.Timedelta(days=7):%Y-%m-%d}).")

for alert in latest[latest["is_anomaly"]].itertuples():
    st.warning(
        f"**Alert: {metrics.label(alert.metric_name)}** is a {alert.anomaly_direction} on "
        f"{latest_day:%Y-%m-%d}: {metrics.count(alert.value)}, expected "
        f"{alert.expected_value:,.0f} (between {alert.lower_bound:,.0f} and {alert.upper_bound:,.0f}). "
        f"Owner: {alert.owner_team or 'unassigned'}."
    )

for column, row in zip(layout.card_cells(len(latest)), latest.itertuples()):
    column.metric(
        metrics.label(row.metric_name),
        metrics.count(row.value),
        **metrics.delta(row.value, row.value_week_earlier, row.target_direction),
        delta_description="vs a week earlier",
        help=f"{metrics.RELATIONSHIPS.get(row.relationship, row.relationship)}, "
             f"owned by {row.owner_team or 'nobody yet'}",
        border=True,
    )

label = metrics.label(north_star["metric_name"])
daily = data.read(source, NORTH_STAR_DAILY_QUERY)
left, right = st.columns(2)
with left:
    st.subheader("By day")
    st.altair_chart(charts.daily_with_expected_range(daily, label, north_star["target_value"]),
                    width="stretch")
    st.caption("Line: the value of the window ending on the day. Shaded: the range the anomaly "
               "detection expected. Dashed: the target. Red points: anomalies.")
with right:
    st.subheader("By week")
    weekly = data.read(source, WEEKLY_QUERY)
    st.altair_chart(charts.weekly_bars(weekly, north_star["metric_name"], label,
                                       north_star["target_value"]), width="stretch")
    st.caption("Each week's value as of its last day. Pale: a week not complete (the first "
               "one, or the one still running). Dashed: the target.")

st.subheader("The metric tree")
table = pd.DataFrame({
    "metric": ["\u2003" * depth + metrics.label(name) for name, depth in tree],
    "role": latest["relationship"].map(metrics.RELATIONSHIPS),
    "owner team": latest["owner_team"].fillna("—"),
    "latest": latest["value"].map(metrics.count),
    "vs a week earlier": [metrics.change(value, earlier) or "–"
                          for value, earlier in zip(latest["value"], latest["value_week_earlier"])],
    "target": latest["target_value"].map(metrics.target),
    "attainment": latest["target_attainment"].map(metrics.percent),
    "alert": latest["anomaly_direction"].where(latest["is_anomaly"]).fillna(""),
})
st.table(table.set_index("metric"))
st.caption("Attainment is the latest value over the target. The tree, owners and targets "
           "come from the seed `north_star_metric_tree` (or the var of that name).")
