"""How numbers and changes are written on the pages, and the metrics' full names (from
tooling.metric_names, shared with the demo's printout)."""

from __future__ import annotations

import math

import pandas as pd

from tooling.metric_names import RELATIONSHIPS as RELATIONSHIPS
from tooling.metric_names import label as label


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def count(value) -> str:
    """A count as people read it: 1,234."""
    return "–" if is_missing(value) else f"{int(value):,}"


def target(value) -> str:
    return "–" if is_missing(value) else f"{value:,g}"


def percent(value, digits: int = 0) -> str:
    return "–" if is_missing(value) else f"{value:.{digits}%}"


def ratio(value) -> str:
    return "–" if is_missing(value) else f"{value:.2f}"


def change(value, previous) -> str | None:
    """`+12 (+8%)` against `previous`; None when there is nothing to compare with."""
    if is_missing(value) or is_missing(previous):
        return None
    difference = int(value) - int(previous)
    relative = f" ({difference / previous:+.0%})" if previous else ""
    return f"{difference:+,}{relative}"


def delta(value, previous, wanted: str = "increase") -> dict:
    """A metric card's change against `previous` (st.metric's delta arguments): green when
    it moves the way its owners want (`wanted`: the tree's target_direction), grey and
    without an arrow when it did not move."""
    unchanged = not is_missing(value) and not is_missing(previous) and value == previous
    return {"delta": change(value, previous),
            "delta_color": "off" if unchanged else "inverse" if wanted == "decrease" else "normal",
            "delta_arrow": "off" if unchanged else "auto"}


def tree_order(pairs) -> list[tuple[str, int]]:
    """(metric, depth) for (metric, parent) pairs, depth first from the North Star (the
    metric without a parent), children by name; metrics no parent leads to (a tree the
    tree test refuses) follow at depth 0 rather than disappear."""
    children: dict = {}
    for name, parent in pairs:
        children.setdefault(None if is_missing(parent) else parent, []).append(name)
    ordered: list[tuple[str, int]] = []

    def visit(parent, depth):
        for name in sorted(children.get(parent, [])):
            if all(name != seen for seen, _ in ordered):
                ordered.append((name, depth))
                visit(name, depth + 1)

    visit(None, 0)
    reached = {name for name, _ in ordered}
    ordered += [(name, 0) for name in sorted({name for names in children.values() for name in names} - reached)]
    return ordered


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def week_start(days, first_weekday: str):
    """The first day of each day's week, weeks starting on `first_weekday` (the build's
    north_star_week_start), for a pandas Series of datetimes."""
    offset = (days.dt.day_of_week - WEEKDAYS.index(first_weekday.lower())) % 7
    return days - pd.to_timedelta(offset, unit="D")
