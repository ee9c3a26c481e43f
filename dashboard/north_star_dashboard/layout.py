"""Page layout shared by the pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

CARDS_PER_ROW = 3


def card_cells(count: int, per_row: int = CARDS_PER_ROW) -> list:
    """Columns for `count` metric cards, `per_row` to a row: wide enough for the metrics'
    full names."""
    return [cell for _ in range(0, count, per_row) for cell in st.columns(per_row)][:count]


def table(frame: pd.DataFrame, names: dict[str, str] | None = None) -> None:
    """A mart's rows as an interactive table: the columns of `names`, renamed (default:
    every column, underscores as spaces), days without a time of day."""
    names = names or {column: column.replace("_", " ") for column in frame.columns}
    shown = frame[list(names)].rename(columns=names)
    days = {name: st.column_config.DateColumn(format="YYYY-MM-DD")
            for name in shown.columns if pd.api.types.is_datetime64_any_dtype(shown[name])}
    st.dataframe(shown, hide_index=True, width="stretch", column_config=days)
