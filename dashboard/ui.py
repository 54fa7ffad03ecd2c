"""Rendering pieces every page uses: tables with exports, charts, empty states.

Guarantees: every table is shown with CSV and Excel downloads whose files carry the
active filters (CSV: `#` lines above the header; Excel: a `Filtres`/`Filters` sheet);
every chart is drawn with Plotly's PNG download (camera icon) named after it; a scope
with nothing in it gives a sentence, never an empty chart.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from .filters import country_name, describe
from .i18n import lang, money_card, percent, t
from .scope import Scope


def empty(message: str | None = None) -> None:
    st.info(message or t("no_match"), icon=":material/filter_alt:")


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become `a; b`, so a spreadsheet shows them in one cell."""
    out = frame.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).any():
            out[column] = out[column].map(lambda v: "; ".join(map(str, list(v))) if v is not None else "")
    return out


def _filter_lines(scope: Scope) -> list[tuple[str, str]]:
    lines = describe(scope) or [(t("active_filters"), t("none"))]
    stamp = "Exporté le" if lang() == "fr" else "Exported on"
    return [*lines, (stamp, dt.date.today().isoformat())]


def csv_bytes(frame: pd.DataFrame, scope: Scope) -> bytes:
    head = "".join(f"# {name}: {value}\n" for name, value in _filter_lines(scope))
    return (head + _flat(frame).to_csv(index=False)).encode("utf-8-sig")


def excel_bytes(frame: pd.DataFrame, scope: Scope, title: str) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="xlsxwriter") as writer:
        sheet = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Data"
        data = _flat(frame)
        for column in data.select_dtypes(include=["datetimetz"]).columns:
            data[column] = data[column].dt.tz_localize(None)
        data.to_excel(writer, sheet_name=sheet, index=False)
        pd.DataFrame(_filter_lines(scope), columns=[t("filters"), ""]).to_excel(
            writer, sheet_name=t("filters"), index=False)
        writer.sheets[sheet].autofit()
    return buffer.getvalue()


def funding_metrics(totals, currency: str, helps: dict[str, str] | None = None) -> None:
    """The four funding cards: estimated, available, gap, coverage (not capped)."""
    helps = helps or {}
    cards = (("estimated", money_card(totals.estimated, currency)), ("available", money_card(totals.available, currency)),
             ("gap", money_card(totals.gap, currency)), ("coverage", percent(totals.coverage)))
    for column, (key, value) in zip(st.columns(4), cards):
        column.metric(t(key), value, border=True, help=helps.get(key))


def table(frame: pd.DataFrame, scope: Scope, name: str, title: str, column_config: dict | None = None,
          height: int | str = "auto") -> None:
    """A table and its two downloads. `name` is the file stem, `title` the sheet title."""
    date_format = "DD/MM/YYYY" if lang() == "fr" else "D MMM YYYY"
    config = {column: st.column_config.DateColumn(format=date_format)
              for column in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[column])}
    st.dataframe(frame, hide_index=True, column_config={**config, **(column_config or {})}, height=height)
    with st.container(horizontal=True):
        st.download_button(t("download_csv"), csv_bytes(frame, scope), f"{name}.csv", "text/csv",
                           key=f"csv-{name}", icon=":material/download:", help=t("download"))
        st.download_button(t("download_xlsx"), excel_bytes(frame, scope, title), f"{name}.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key=f"xlsx-{name}", icon=":material/download:", help=t("download"))


def chart(figure: go.Figure, name: str, height: int | None = None) -> None:
    # Title on the left, legend on the right above the plot, so they never overlap;
    # a builder that placed its legend elsewhere (the Gantt, below) keeps its place.
    figure.update_layout(font={"size": 15}, margin={"t": 90, "l": 10, "r": 10, "b": 10},
                         title={"x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top"},
                         separators=",\u202f" if lang() == "fr" else ".,")
    if figure.layout.legend.y is None:
        figure.update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1})
    if height:
        figure.update_layout(height=height)
    st.plotly_chart(figure, config={
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }, key=f"chart-{name}")


def localize(frame: pd.DataFrame, columns: list[str], headers: dict[str, str] | None = None) -> pd.DataFrame:
    """The columns to show, in order, ready to read: country names, statuses in words,
    headers in the active language (`headers` overrides the header of a column)."""
    out = frame[columns].copy()
    if "country" in out:
        out["country"] = out["country"].map(country_name)
    if "status" in out:
        out["status"] = out["status"].map(t)
    return out.rename(columns={c: (headers or {}).get(c, t(c)) for c in columns})
