"""The one product-usage scenario that every source format's fixture is written from.

Two organizations over two weeks (Monday 2024-03-04 to Sunday 2024-03-17): learnings are
created, shared and viewed by colleagues (some views make a learning broadcast, some
users Weekly Learning Users), plus plain activity, one user who moves from one
organization to the other, and events close to midnight UTC. `REPLAYED` events are
delivered twice, as each tool replays them. Every format's landing of this scenario must
give the same marts as the generic format's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

ACME = "org_acme"
BETA = "org_beta"


@dataclass(frozen=True)
class ScenarioEvent:
    key: str                     # the logical event; vendors derive their ids from it
    at: datetime                 # when it happened, UTC (naive)
    user: str
    org: str
    name: str                    # generic event name (mapped or `other`)
    learning_id: str | None = None
    learning_type: str | None = None

    @property
    def is_learning_event(self) -> bool:
        return self.learning_id is not None


def _event(key, at, user, org, name, learning_id=None, learning_type=None) -> ScenarioEvent:
    return ScenarioEvent(key, datetime.fromisoformat(at), user, org, name, learning_id, learning_type)


EVENTS: list[ScenarioEvent] = [
    # Week 1, Acme: a dashboard that three colleagues view, a chart two colleagues view.
    _event("e01", "2024-03-04 09:00:00", "u_alice", ACME, "session_started"),
    _event("e02", "2024-03-04 09:05:00", "u_alice", ACME, "dashboard_created", "L_dash_revenue", "dashboard"),
    _event("e03", "2024-03-04 09:10:00", "u_alice", ACME, "dashboard_shared", "L_dash_revenue", "dashboard"),
    _event("e04", "2024-03-04 23:30:00", "u_arjun", ACME, "dashboard_viewed", "L_dash_revenue", "dashboard"),
    _event("e05", "2024-03-05 10:00:00", "u_amara", ACME, "dashboard_viewed", "L_dash_revenue", "dashboard"),
    _event("e06", "2024-03-05 10:30:00", "u_amara", ACME, "session_started"),
    _event("e07", "2024-03-06 08:00:00", "u_arjun", ACME, "chart_saved", "L_chart_churn", "chart"),
    _event("e08", "2024-03-06 08:05:00", "u_arjun", ACME, "chart_shared", "L_chart_churn", "chart"),
    _event("e09", "2024-03-06 14:00:00", "u_alice", ACME, "chart_viewed", "L_chart_churn", "chart"),
    _event("e10", "2024-03-07 09:00:00", "u_ana", ACME, "chart_viewed", "L_chart_churn", "chart"),
    _event("e11", "2024-03-07 09:30:00", "u_ana", ACME, "dashboard_viewed", "L_dash_revenue", "dashboard"),
    _event("e12", "2024-03-06 10:00:00", "u_sam", ACME, "session_started"),
    # Week 1, Beta: a notebook viewed by two colleagues, a chart viewed by one.
    _event("e13", "2024-03-05 07:00:00", "u_bo", BETA, "notebook_created", "L_nb_q1", "notebook"),
    _event("e14", "2024-03-05 07:30:00", "u_bo", BETA, "notebook_shared", "L_nb_q1", "notebook"),
    _event("e15", "2024-03-05 12:00:00", "u_bea", BETA, "notebook_viewed", "L_nb_q1", "notebook"),
    _event("e16", "2024-03-06 12:00:00", "u_ben", BETA, "notebook_viewed", "L_nb_q1", "notebook"),
    _event("e17", "2024-03-06 12:30:00", "u_ben", BETA, "cohort_computed"),
    _event("e18", "2024-03-08 16:00:00", "u_bea", BETA, "chart_saved", "L_chart_funnel", "chart"),
    _event("e19", "2024-03-08 16:10:00", "u_bea", BETA, "chart_shared", "L_chart_funnel", "chart"),
    _event("e20", "2024-03-09 11:00:00", "u_bo", BETA, "chart_viewed", "L_chart_funnel", "chart"),
    # Week 2 (the US switch to daylight time is on 2024-03-10).
    _event("e21", "2024-03-10 10:00:00", "u_alice", ACME, "session_started"),
    _event("e22", "2024-03-11 09:00:00", "u_amara", ACME, "chart_viewed", "L_chart_churn", "chart"),
    _event("e23", "2024-03-11 09:15:00", "u_ana", ACME, "dashboard_viewed", "L_dash_revenue", "dashboard"),
    _event("e24", "2024-03-12 13:00:00", "u_arjun", ACME, "notebook_created", "L_nb_ops", "notebook"),
    _event("e25", "2024-03-12 13:05:00", "u_arjun", ACME, "notebook_shared", "L_nb_ops", "notebook"),
    _event("e26", "2024-03-13 10:00:00", "u_alice", ACME, "notebook_viewed", "L_nb_ops", "notebook"),
    _event("e27", "2024-03-13 10:30:00", "u_amara", ACME, "notebook_viewed", "L_nb_ops", "notebook"),
    # Sam has moved from Acme to Beta (a group call on 2024-03-12 in Segment).
    _event("e28", "2024-03-13 11:00:00", "u_sam", BETA, "notebook_viewed", "L_nb_q1", "notebook"),
    _event("e29", "2024-03-14 09:00:00", "u_ben", BETA, "chart_viewed", "L_chart_funnel", "chart"),
    _event("e30", "2024-03-14 09:30:00", "u_bo", BETA, "session_started"),
    _event("e31", "2024-03-15 15:00:00", "u_bea", BETA, "notebook_viewed", "L_nb_q1", "notebook"),
    _event("e32", "2024-03-15 15:30:00", "u_ben", BETA, "dashboard_created", "L_dash_kpi", "dashboard"),
    _event("e33", "2024-03-16 08:00:00", "u_bo", BETA, "dashboard_viewed", "L_dash_kpi", "dashboard"),
    _event("e34", "2024-03-16 08:30:00", "u_bea", BETA, "dashboard_viewed", "L_dash_kpi", "dashboard"),
    _event("e35", "2024-03-17 18:00:00", "u_alice", ACME, "session_started"),
    _event("e36", "2024-03-17 23:59:59", "u_ana", ACME, "cohort_computed"),
]

# Delivered twice (a retry, a re-export, an at-least-once pipeline).
REPLAYED = ("e03", "e14", "e27", "e33")

BY_KEY = {event.key: event for event in EVENTS}


def vendor_name(generic_name: str, style: str) -> str:
    """The scenario's event name as a tool's tracking plan would spell it.

    title: Amplitude, Segment, Mixpanel ("Dashboard Viewed"); lower: PostHog
    ("dashboard viewed"); snake: Snowplow and the generic format ("dashboard_viewed").
    """
    words = generic_name.split("_")
    if style == "title":
        return " ".join(word.capitalize() for word in words)
    if style == "lower":
        return " ".join(words)
    return generic_name


def generic_rows() -> list[tuple]:
    """The scenario in the package's generic raw format, replays included."""
    rows = [(f"evt_{event.key}", event.at, event.user, event.org, event.name,
             event.learning_id, event.learning_type) for event in EVENTS]
    rows += [(f"evt_{key}", BY_KEY[key].at, BY_KEY[key].user, BY_KEY[key].org, BY_KEY[key].name,
              BY_KEY[key].learning_id, BY_KEY[key].learning_type) for key in REPLAYED]
    return rows
