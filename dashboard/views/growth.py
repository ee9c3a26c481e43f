"""Growth: the growth accounting of the Weekly Learning Users (new, retained,
resurrected, churned, quick ratio) and of the activated organizations (gained and lost,
and which ones).

Reads fct_north_star_growth_accounting, fct_organization_north_star_daily and the
definitions of the build (int_north_star__run_manifest)."""

import pandas as pd
import streamlit as st

from north_star_dashboard import charts, data, layout, metrics

GROWTH_QUERY = "select * from {schema}.fct_north_star_growth_accounting order by date_day"
ACTIVATION_CHANGES_QUERY = """
with

latest as (

    select max(date_day) as date_day from {schema}.fct_north_star_growth_accounting

),

activated as (

    select organization_id, date_day
    from {schema}.fct_organization_north_star_daily
    where is_activated

),

today as (

    select activated.organization_id
    from activated
    inner join latest on activated.date_day = latest.date_day

),

window_earlier as (

    select activated.organization_id
    from activated
    inner join latest on activated.date_day = latest.date_day - {window_days}

)

select organization_id, 'gained' as change from today
where organization_id not in (select organization_id from window_earlier)
union all
select organization_id, 'lost' as change from window_earlier
where organization_id not in (select organization_id from today)
order by change, organization_id
"""
PARTS = {"new_count": 1, "resurrected_count": 1, "churned_count": -1}

source = data.warehouse()
growth = data.read(source, GROWTH_QUERY)
if growth.empty:
    st.info("The growth accounting mart is empty: the events hold no valid event yet.")
    st.stop()
window_days = int(data.definitions(source)["north_star_window_days"])
latest_day = growth["date_day"].max()
earlier_day = latest_day - pd.Timedelta(days=window_days)

st.title("Growth accounting")
st.caption(f"Latest day {latest_day:%A %Y-%m-%d}, against the window before ({window_days} days "
           f"earlier, {earlier_day:%Y-%m-%d}): new members are there for the first time ever, "
           "resurrected ones are back after an absence, churned ones were there a window "
           "earlier and are not now.")


def show_headline(metric_name: str, labels: dict[str, str]) -> pd.DataFrame:
    rows = growth[growth["metric_name"] == metric_name].set_index("date_day")
    today, before = rows.loc[latest_day], rows.loc[earlier_day] if earlier_day in rows.index else None
    for column, (name, label) in zip(layout.card_cells(len(labels)), labels.items()):
        value = today[name]
        previous = None if before is None else before[name]
        if name == "quick_ratio":
            column.metric(label, metrics.ratio(value), border=True,
                          help="(new + resurrected) / churned; – when nothing churned")
        else:
            column.metric(label, metrics.count(value), border=True, delta_description="vs a window earlier",
                          **metrics.delta(value, previous, "decrease" if name == "churned_count" else "increase"))
    return rows.reset_index()


st.header(metrics.label("weekly_learning_users"))
users = show_headline("weekly_learning_users", {
    "current_count": "Weekly Learning Users", "new_count": "New", "retained_count": "Retained",
    "resurrected_count": "Resurrected", "churned_count": "Churned", "quick_ratio": "Quick ratio",
})
users = users[~users["is_warm_up"]]
st.altair_chart(charts.signed_stacked_bars(users, PARTS, "users"), width="stretch")
st.caption("Per day: new and resurrected members above zero, churned ones below. The first "
           "window of the data (warm-up, where everyone is new) is left out.")
st.altair_chart(charts.lines(users, {"quick_ratio": "quick ratio"}, "quick ratio", rule=1.0,
                             rule_title="1: as many gained as lost"), width="stretch")

st.header(metrics.label("activated_organizations"))
organizations = show_headline("activated_organizations", {
    "current_count": "Activated", "new_count": "Activated for the first time",
    "resurrected_count": "Activated again", "churned_count": "No longer activated",
})
organizations = organizations[~organizations["is_warm_up"]]
st.altair_chart(charts.signed_stacked_bars(organizations, PARTS, "organizations"), width="stretch")
changes = data.read(source, ACTIVATION_CHANGES_QUERY.replace("{window_days}", str(window_days)))
gained, lost = st.columns(2)
with gained:
    st.subheader("Gained")
    names = changes.loc[changes["change"] == "gained", "organization_id"].tolist()
    st.markdown("\n".join(f"- {name}" for name in names) if names else "No organization.")
with lost:
    st.subheader("Lost")
    names = changes.loc[changes["change"] == "lost", "organization_id"].tolist()
    st.markdown("\n".join(f"- {name}" for name in names) if names else "No organization.")
st.caption(f"Organizations activated on {latest_day:%Y-%m-%d} and not on {earlier_day:%Y-%m-%d} "
           "(gained), and the other way round (lost).")
