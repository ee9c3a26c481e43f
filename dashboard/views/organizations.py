"""Organizations: the activated organizations, the ones close to activation (exactly at
the threshold: one more Weekly Learning User activates them), every organization, and
one organization's trend with its growth accounting.

Reads dim_organizations, fct_organization_north_star_daily,
fct_organization_growth_accounting, fct_north_star_daily (the days of the series) and
the definitions of the build (int_north_star__run_manifest)."""

import pandas as pd
import streamlit as st

from north_star_dashboard import charts, data, layout, metrics

ORGANIZATIONS_QUERY = """
select *
from {schema}.dim_organizations
order by latest_weekly_learning_users desc, organization_id
"""
DAYS_QUERY = "select date_day from {schema}.fct_north_star_daily order by date_day"
ORGANIZATION_DAILY_QUERY = """
select date_day, weekly_learning_users, broadcasted_learnings, consumption_of_learnings, is_activated
from {schema}.fct_organization_north_star_daily
where organization_id = '{organization}'
order by date_day
"""
ORGANIZATION_GROWTH_QUERY = """
select *
from {schema}.fct_organization_growth_accounting
where organization_id = '{organization}' and not is_warm_up
order by date_day
"""
COLUMNS = {
    "organization_id": "organization",
    "latest_weekly_learning_users": "Weekly Learning Users",
    "is_activated_latest": "activated",
    "first_activated_date": "first activated",
    "peak_weekly_learning_users": "peak WLU",
    "user_count": "users",
    "learning_count": "learnings",
    "last_active_date": "last active",
}


def quoted(text: str) -> str:
    return text.replace("'", "''")


source = data.warehouse()
organizations = data.read(source, ORGANIZATIONS_QUERY)
days = data.read(source, DAYS_QUERY)
if organizations.empty or days.empty:
    st.info("No organization has a valid event yet.")
    st.stop()
threshold = int(data.definitions(source)["north_star_activation_threshold"])
latest_day = days["date_day"].max()
activated = organizations[organizations["is_activated_latest"]]
close = organizations[organizations["latest_weekly_learning_users"] == threshold]

st.title("Organizations")
st.caption(f"On the latest day, {latest_day:%A %Y-%m-%d}. An organization is activated with more "
           f"than {threshold} Weekly Learning Users.")
cells = st.columns(3)
cells[0].metric("Activated organizations", metrics.count(len(activated)), border=True)
cells[1].metric(f"Close to activation (exactly {threshold} WLU)", metrics.count(len(close)), border=True,
                help="One more Weekly Learning User activates them.")
cells[2].metric("Organizations", metrics.count(len(organizations)), border=True,
                help="Organizations with a valid event.")


st.subheader("Close to activation")
if close.empty:
    st.markdown(f"No organization has exactly {threshold} Weekly Learning Users today. The "
                "nearest ones, with the Weekly Learning Users they still need:")
    nearest = organizations[~organizations["is_activated_latest"]].head(5)
    st.table(pd.DataFrame({
        "organization": nearest["organization_id"],
        "Weekly Learning Users": nearest["latest_weekly_learning_users"].map(metrics.count),
        "still needed": (threshold + 1 - nearest["latest_weekly_learning_users"]).map(metrics.count),
    }).set_index("organization"))
else:
    layout.table(close, COLUMNS)

st.subheader("Every organization")
layout.table(organizations, COLUMNS)

st.subheader("One organization over time")
choices = organizations["organization_id"].tolist()
default = close["organization_id"].iloc[0] if not close.empty else choices[0]
organization = st.selectbox("Organization", choices, index=choices.index(default))
daily = data.read(source, ORGANIZATION_DAILY_QUERY.replace("{organization}", quoted(organization)))
# A day without a row is a day without activity in the window: zero everywhere.
daily = days.merge(daily, on="date_day", how="left").fillna(
    {"weekly_learning_users": 0, "broadcasted_learnings": 0, "consumption_of_learnings": 0})
st.altair_chart(charts.lines(daily, {
    "weekly_learning_users": metrics.label("weekly_learning_users"),
    "broadcasted_learnings": metrics.label("broadcasted_learnings"),
}, "count", rule=threshold + 0.5, rule_title=f"activated above {threshold} WLU"), width="stretch")
st.altair_chart(charts.lines(daily, {
    "consumption_of_learnings": metrics.label("consumption_of_learnings"),
}, "views by consumers"), width="stretch")
growth = data.read(source, ORGANIZATION_GROWTH_QUERY.replace("{organization}", quoted(organization)))
if growth.empty:
    st.caption("No growth accounting yet: the organization never had Weekly Learning Users "
               "after the first window of the data.")
else:
    st.altair_chart(charts.signed_stacked_bars(
        growth, {"new_count": 1, "resurrected_count": 1, "churned_count": -1}, "its WLU"), width="stretch")
    st.caption("Its Weekly Learning Users gained (new, resurrected) and lost (churned) against "
               "the window before.")
