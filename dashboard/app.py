"""The North Star dashboard: `make dashboard` serves it on 127.0.0.1 (tooling/dashboard.py).

Each page reads the marts of the latest dbt build (north_star_dashboard/warehouse.py says
where) and is documented as a dbt exposure in models/marts/_marts__exposures.yml.
"""

import sys
from pathlib import Path

import streamlit as st

# The pages import the shared package beside this file and the repository's tooling
# (the metrics' names), however the app is started.
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from north_star_dashboard import data  # noqa: E402

PAGES = [
    st.Page("views/north_star.py", title="North Star", url_path="north_star", default=True),
    st.Page("views/growth.py", title="Growth", url_path="growth"),
    st.Page("views/organizations.py", title="Organizations", url_path="organizations"),
    st.Page("views/experiments.py", title="Experiments", url_path="experiments"),
    st.Page("views/data_quality.py", title="Data quality", url_path="data_quality"),
]

st.set_page_config(page_title="North Star dashboard", layout="wide")
page = st.navigation(PAGES)
st.sidebar.caption(f"Reading {data.warehouse().describe()}")
page.run()
