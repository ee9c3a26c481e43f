"""How the pages read the marts: cached for a minute per warehouse and query, and a
failed read shown as one error on the page (what failed, what to do) instead of a
traceback."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from north_star_dashboard.warehouse import Warehouse, WarehouseError

CACHE_SECONDS = 60
# The run manifest (int_north_star__run_manifest) records the definitions each build used.
DEFINITIONS_QUERY = """
select definition_vars, run_started_at
from {schema}.int_north_star__run_manifest
where run_status = 'completed'
order by run_started_at desc
limit 1
"""


def warehouse() -> Warehouse:
    try:
        return Warehouse.from_env()
    except WarehouseError as error:
        st.error(f"The dashboard's settings are wrong: {error}")
        st.stop()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner="Reading the marts…")
def _read(source: Warehouse, sql: str) -> pd.DataFrame:
    frame = source.query(sql)
    # Days as datetimes whatever the driver returned (DuckDB: datetime64, psycopg2: date).
    for column in frame.columns:
        if column == "date_day" or column.endswith("_date"):
            frame[column] = pd.to_datetime(frame[column])
    return frame


def read(source: Warehouse, sql: str) -> pd.DataFrame:
    try:
        return _read(source, sql)
    except WarehouseError as error:
        st.error(f"Cannot read the marts from {source.describe()}: {error}\n\n"
                 "Build them with `make demo`, or start the dashboard with `make dashboard`, "
                 "which builds them when they are missing.")
        st.stop()


def relation_exists(source: Warehouse, name: str) -> bool:
    try:
        return _relation_exists(source, name)
    except WarehouseError as error:
        st.error(f"Cannot read {source.describe()}: {error}")
        st.stop()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def _relation_exists(source: Warehouse, name: str) -> bool:
    return source.relation_exists(name)


def definitions(source: Warehouse) -> dict:
    """The definition vars of the latest build (window, thresholds, week start, ...)."""
    rows = read(source, DEFINITIONS_QUERY)
    if rows.empty:
        st.error("The build has no completed run yet: run `make demo` (or dbt build) first.")
        st.stop()
    return json.loads(rows["definition_vars"].iloc[0])
