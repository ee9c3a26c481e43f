"""Data quality: does every raw row reconcile, why rows were quarantined (over time),
which late events wait for a full refresh, and which event names map to no action.

Reads audit_event_reconciliation, audit_quarantined_events, audit_late_events and
audit_unmapped_event_names."""

import streamlit as st

from north_star_dashboard import charts, data, layout, metrics

RECONCILIATION_QUERY = "select * from {schema}.audit_event_reconciliation"
QUARANTINE_BY_DAY_QUERY = """
select event_date, rejection_reason, count(*) as quarantined_rows
from {schema}.audit_quarantined_events
where event_date is not null
group by event_date, rejection_reason
"""
QUARANTINE_REASONS_QUERY = """
select
    rejection_reason,
    count(*) as quarantined_rows,
    count(event_date) as rows_with_a_day,
    min(event_date) as first_date,
    max(event_date) as last_date
from {schema}.audit_quarantined_events
group by rejection_reason
order by quarantined_rows desc, rejection_reason
"""
LATE_QUERY = "select * from {schema}.audit_late_events where late_rows > 0 order by event_date"
UNMAPPED_QUERY = """
select * from {schema}.audit_unmapped_event_names order by event_count desc, event_name
"""

source = data.warehouse()
reconciliation = data.read(source, RECONCILIATION_QUERY)
if reconciliation.empty:
    st.error("audit_event_reconciliation has no row: the build did not finish.")
    st.stop()
rows = reconciliation.iloc[0]

st.title("Data quality")
st.subheader("Every raw row accounted for")
if rows["is_reconciled"]:
    st.success(f"Reconciled: all {metrics.count(rows['raw_rows'])} raw rows are valid, quarantined, "
               "duplicates or waiting.")
else:
    st.error(f"{metrics.count(rows['unaccounted_rows'])} raw rows are in none of the groups: rows "
             "were lost between the raw table and the models.")
for cell, (column, label) in zip(layout.card_cells(6), {
    "raw_rows": "Raw rows", "valid_rows": "Valid", "quarantined_rows": "Quarantined",
    "duplicate_rows": "Duplicates (replays)", "waiting_rows": "Late, waiting",
    "unaccounted_rows": "Unaccounted",
}.items()):
    cell.metric(label, metrics.count(rows[column]), border=True)

st.subheader("Quarantine reasons")
reasons = data.read(source, QUARANTINE_REASONS_QUERY)
if reasons.empty:
    st.success("No row was quarantined.")
else:
    by_day = data.read(source, QUARANTINE_BY_DAY_QUERY)
    if not by_day.empty:
        week_start = data.definitions(source)["north_star_week_start"]
        by_week = (by_day.assign(week_start_date=metrics.week_start(by_day["event_date"], week_start))
                   .groupby(["week_start_date", "rejection_reason"], as_index=False)["quarantined_rows"].sum())
        st.altair_chart(charts.stacked_bars_by(by_week, "week_start_date", "quarantined_rows",
                                               "rejection_reason", "week starting", "quarantined rows"),
                        width="stretch")
    layout.table(reasons)
    st.caption("Rows without a usable time (missing, unreadable or implausible) have no day and "
               "appear in the table only. Each quarantined row is in audit_quarantined_events.")

st.subheader("Late events waiting")
late = data.read(source, LATE_QUERY)
if late.empty:
    st.success("No late event is waiting: every raw row was read by the models.")
else:
    st.warning(f"{metrics.count(late['late_rows'].sum())} raw rows arrived after the incremental "
               "run that covers their day: `dbt build --full-refresh` counts them.")
    layout.table(late)

st.subheader("Event names mapped to no action")
unmapped = data.read(source, UNMAPPED_QUERY)
if unmapped.empty:
    st.success("Every event name maps to an action.")
else:
    layout.table(unmapped)
    st.caption("They count as activity only. A learning action hiding here needs a row in the "
               "event mapping (seed north_star_event_mapping).")
