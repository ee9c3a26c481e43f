"""The metrics' full names, as people read them: the demo's printout and the dashboard use
these (the semantic layer's metric labels are the same; a test checks it)."""

from __future__ import annotations

LABELS = {
    "weekly_learning_users": "Weekly Learning Users (WLU)",
    "broadcasted_learnings": "Broadcasted Learnings (BL)",
    "consumption_of_learnings": "Consumption of Learnings (CoL)",
    "activated_organizations": "Activated Organizations (AO)",
    "weekly_active_users": "Weekly Active Users (WAU)",
}
RELATIONSHIPS = {"north_star": "North Star", "input": "input", "guardrail": "guardrail"}


def label(metric_name: str) -> str:
    """The full name; a metric of a user's own tree without one reads as its words."""
    return LABELS.get(metric_name, metric_name.replace("_", " ").capitalize())
