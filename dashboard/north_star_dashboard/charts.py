"""The pages' charts, as Altair (Vega-Lite) specifications; Streamlit draws them."""

from __future__ import annotations

import altair as alt
import pandas as pd

HEIGHT = 280
ANOMALY_COLOR = "#d62728"
TARGET_COLOR = "#2ca02c"
BAND_COLOR = "#9ecae1"


def _target_rule(target) -> alt.Chart | None:
    if target is None or pd.isna(target):
        return None
    return alt.Chart(pd.DataFrame({"target": [float(target)]})).mark_rule(
        color=TARGET_COLOR, strokeDash=[6, 4], size=2
    ).encode(y="target:Q", tooltip=[alt.Tooltip("target:Q", title="target")])


def _layer(*charts) -> alt.LayerChart:
    return alt.layer(*[chart for chart in charts if chart is not None]).properties(height=HEIGHT)


def daily_with_expected_range(frame: pd.DataFrame, title: str, target=None) -> alt.LayerChart:
    """A metric by day (`date_day`, `value`): the line, the range the anomaly detection
    expected (`lower_bound`–`upper_bound`, shaded), the target (dashed) and the
    anomalies (`is_anomaly`, red points)."""
    # The expected range of the first weeks (few training values) is wide: the axis follows
    # the values and the target, and the range is cut at its edge.
    top = max(frame["value"].max(), 0 if target is None or pd.isna(target) else float(target)) * 1.15
    y_scale = alt.Scale(domain=[0, max(top, 1)])
    base = alt.Chart(frame).encode(x=alt.X("date_day:T", title=None))
    band = base.mark_area(color=BAND_COLOR, opacity=0.35, clip=True).encode(
        y=alt.Y("lower_bound:Q", title=title, scale=y_scale), y2="upper_bound:Q",
        tooltip=[alt.Tooltip("date_day:T", title="day"),
                 alt.Tooltip("lower_bound:Q", title="expected from", format=",.0f"),
                 alt.Tooltip("upper_bound:Q", title="expected to", format=",.0f")],
    )
    line = base.mark_line().encode(
        y=alt.Y("value:Q", title=title, scale=y_scale),
        tooltip=[alt.Tooltip("date_day:T", title="day"), alt.Tooltip("value:Q", title=title, format=",")],
    )
    anomalies = alt.Chart(frame[frame["is_anomaly"]]).mark_point(
        color=ANOMALY_COLOR, filled=True, size=90
    ).encode(
        x="date_day:T", y="value:Q",
        tooltip=[alt.Tooltip("date_day:T", title="day"), alt.Tooltip("value:Q", title=title, format=","),
                 alt.Tooltip("anomaly_direction:N", title="anomaly")],
    )
    return _layer(band, line, _target_rule(target), anomalies)


def weekly_bars(frame: pd.DataFrame, column: str, title: str, target=None) -> alt.LayerChart:
    """A weekly mart column as bars; weeks not complete (`is_complete_week`) are paler."""
    frame = frame.assign(week=frame["is_complete_week"].map({True: "complete", False: "not complete"}))
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("yearmonthdate(week_start_date):O", title="week starting",
                axis=alt.Axis(format="%b %d", labelAngle=0, labelOverlap=True)),
        y=alt.Y(f"{column}:Q", title=title),
        opacity=alt.Opacity("week:N", scale=alt.Scale(domain=["complete", "not complete"], range=[1.0, 0.4]),
                            legend=alt.Legend(title=None, orient="top", labelLimit=400)),
        tooltip=[alt.Tooltip("week_start_date:T", title="week starting"),
                 alt.Tooltip(f"{column}:Q", title=title, format=","), alt.Tooltip("week:N")],
    )
    return _layer(bars, _target_rule(target))


def signed_stacked_bars(frame: pd.DataFrame, parts: dict[str, int], title: str) -> alt.Chart:
    """Per day, the columns of `parts` stacked, each with its sign (+1 above, −1 below zero)."""
    long = frame.melt(id_vars=["date_day"], value_vars=list(parts), var_name="part", value_name="count")
    long["signed_count"] = long["count"] * long["part"].map(parts)
    long["part"] = long["part"].str.replace("_count", "", regex=False)
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("date_day:T", title=None),
        y=alt.Y("signed_count:Q", title=title),
        color=alt.Color("part:N", title=None, legend=alt.Legend(orient="top", labelLimit=400),
                        sort=[name.replace("_count", "") for name in parts]),
        tooltip=[alt.Tooltip("date_day:T", title="day"), alt.Tooltip("part:N"),
                 alt.Tooltip("count:Q", format=",")],
    ).properties(height=HEIGHT)


def lines(frame: pd.DataFrame, columns: dict[str, str], title: str, rule=None,
          rule_title: str = "") -> alt.LayerChart:
    """Columns of `frame` by `date_day` as lines, named by `columns`; an optional
    horizontal rule (a threshold)."""
    long = frame.rename(columns=columns).melt(id_vars=["date_day"], value_vars=list(columns.values()),
                                              var_name="series", value_name="value")
    chart = alt.Chart(long).mark_line().encode(
        x=alt.X("date_day:T", title=None),
        y=alt.Y("value:Q", title=title),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="top", labelLimit=400)),
        tooltip=[alt.Tooltip("date_day:T", title="day"), alt.Tooltip("series:N"),
                 alt.Tooltip("value:Q", format=",.2f")],
    )
    threshold = None
    if rule is not None:
        threshold = alt.Chart(pd.DataFrame({"rule": [float(rule)], "meaning": [rule_title]})).mark_rule(
            color=TARGET_COLOR, strokeDash=[6, 4], size=2
        ).encode(y="rule:Q", tooltip=[alt.Tooltip("meaning:N", title=""), alt.Tooltip("rule:Q", title="")])
    return _layer(chart, threshold)


def stacked_bars_by(frame: pd.DataFrame, x: str, y: str, color: str, x_title: str, y_title: str) -> alt.Chart:
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X(f"{x}:T", title=x_title),
        y=alt.Y(f"{y}:Q", title=y_title),
        color=alt.Color(f"{color}:N", title=None, legend=alt.Legend(orient="top", labelLimit=400)),
        tooltip=[alt.Tooltip(f"{x}:T", title=x_title), alt.Tooltip(f"{color}:N"),
                 alt.Tooltip(f"{y}:Q", format=",")],
    ).properties(height=HEIGHT)


def lift_intervals(frame: pd.DataFrame) -> alt.LayerChart:
    """Relative lift per metric and variant with its interval; the zero line is "no effect"."""
    base = alt.Chart(frame).encode(
        y=alt.Y("row:N", title=None, sort=None, axis=alt.Axis(labelLimit=400)),
        color=alt.Color("significance:N", title=None, legend=alt.Legend(orient="top", labelLimit=400),
                        scale=alt.Scale(domain=["significant", "not significant"],
                                        range=[ANOMALY_COLOR, "#7f7f7f"])),
    )
    interval = base.mark_rule(size=3).encode(
        x=alt.X("relative_lift_ci_lower:Q", title="relative lift", axis=alt.Axis(format="%")),
        x2="relative_lift_ci_upper:Q",
    )
    point = base.mark_point(filled=True, size=90).encode(
        x="relative_lift:Q",
        tooltip=[alt.Tooltip("row:N", title=""),
                 alt.Tooltip("relative_lift:Q", title="lift", format="+.1%"),
                 alt.Tooltip("relative_lift_ci_lower:Q", title="from", format="+.1%"),
                 alt.Tooltip("relative_lift_ci_upper:Q", title="to", format="+.1%"),
                 alt.Tooltip("p_value:Q", title="p-value", format=".4f")],
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="black", strokeDash=[4, 4]).encode(
        x="zero:Q")
    return alt.layer(interval, point, zero).properties(height=alt.Step(48))
