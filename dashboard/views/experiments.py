"""Experiments: each experiment's readout — per metric and variant the lift against
control with its interval and p-value — and the sample-ratio check.

Reads fct_north_star_experiment_results (one row per experiment, metric and variant
compared with control). Until that mart is built, the page says so."""

import pandas as pd
import streamlit as st

from north_star_dashboard import charts, data, metrics

RESULTS_RELATION = "fct_north_star_experiment_results"
RESULTS_QUERY = """
select *
from {schema}.fct_north_star_experiment_results
order by experiment_id, metric_name, variant
"""
# A sample-ratio check this improbable means the assignment is broken: the usual line
# (e.g. Kohavi, Tang and Xu, Trustworthy Online Controlled Experiments, ch. 21).
SRM_P_VALUE_LIMIT = 0.001

source = data.warehouse()
st.title("Experiments")
if not data.relation_exists(source, RESULTS_RELATION):
    st.info(f"No experiment readouts built yet: {source.describe()} has no {RESULTS_RELATION}. "
            "The readouts appear here once the experiment marts are built.")
    st.stop()
results = data.read(source, RESULTS_QUERY)
if results.empty:
    st.info(f"No experiment readouts built yet: {RESULTS_RELATION} is empty.")
    st.stop()

results = results.assign(srm_failed=results["srm_p_value"] < SRM_P_VALUE_LIMIT)
cells = st.columns(3)
cells[0].metric("Experiments", metrics.count(results["experiment_id"].nunique()), border=True)
cells[1].metric("Significant results", metrics.count(int(results["is_significant"].sum())), border=True,
                help="Metric and variant pairs whose lift is significant.")
cells[2].metric("Sample ratio mismatches",
                metrics.count(results.loc[results["srm_failed"], "experiment_id"].nunique()), border=True,
                help=f"Experiments with a sample-ratio p-value below {SRM_P_VALUE_LIMIT}.")

experiment = st.selectbox("Experiment", sorted(results["experiment_id"].unique()))
readout = results[results["experiment_id"] == experiment]

st.subheader("Sample-ratio check")
ratio = readout.groupby("variant", as_index=False).agg(
    units=("units", "max"), control_units=("control_units", "max"), srm_p_value=("srm_p_value", "min"))
for row in ratio.itertuples():
    if row.srm_p_value < SRM_P_VALUE_LIMIT:
        st.warning(f"**{row.variant}**: sample ratio mismatch (p = {row.srm_p_value:.2g}): "
                   f"{metrics.count(row.units)} units against {metrics.count(row.control_units)} in "
                   "control is not the planned split. Do not trust this readout before the "
                   "assignment is fixed.")
    else:
        st.success(f"**{row.variant}**: {metrics.count(row.units)} units against "
                   f"{metrics.count(row.control_units)} in control, as planned "
                   f"(p = {row.srm_p_value:.2g}).")

st.subheader("Lift against control")
readout = readout.assign(
    row=[f"{metrics.label(name)} · {variant}" for name, variant in zip(readout["metric_name"], readout["variant"])],
    significance=readout["is_significant"].map({True: "significant", False: "not significant"}),
)
st.altair_chart(charts.lift_intervals(readout), width="stretch")
st.table(pd.DataFrame({
    "metric": readout["metric_name"].map(metrics.label),
    "variant": readout["variant"],
    "mean": readout["mean"].map(lambda value: f"{value:,.4g}"),
    "control mean": readout["control_mean"].map(lambda value: f"{value:,.4g}"),
    "absolute lift": readout["absolute_lift"].map(lambda value: f"{value:+,.4g}"),
    "relative lift": readout["relative_lift"].map(lambda value: f"{value:+.1%}"),
    "interval": [f"{low:+.1%} to {high:+.1%}" for low, high in
                 zip(readout["relative_lift_ci_lower"], readout["relative_lift_ci_upper"])],
    "p-value": readout["p_value"].map(lambda value: f"{value:.4f}"),
    "significant": readout["is_significant"].map({True: "yes", False: "no"}),
}).set_index("metric"))
