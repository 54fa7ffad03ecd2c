"""The one owner of the dashboard's DuckDB connection.

Guarantees: one connection per server process (`st.cache_resource`), opened on the app's
database (`DASHBOARD_DB`, default `var/dashboard.duckdb`) and brought up to date with
the workbooks in `data/` on first use, so the app needs no set-up step; every query and
every load runs on its own cursor, so sessions never share a cursor across threads;
after every load or restore the query caches are cleared.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import loaders
from loaders.ingest import FileReport
from loaders.shipped import DEFAULT_DB


@st.cache_resource(show_spinner=False)
def _open(path: str):
    con = loaders.connect(path)
    loaders.ensure_schema(con)
    reports = loaders.sync_shipped(con)
    return con, reports


def connection():
    return _open(str(DEFAULT_DB))[0]


def shipped_reports() -> list[FileReport]:
    """What loading `data/` said at start (a shipped file with an error is shown, not hidden)."""
    return _open(str(DEFAULT_DB))[1]


def frame(sql: str, params: list | tuple = ()) -> pd.DataFrame:
    cursor = connection().cursor()
    try:
        return cursor.execute(sql, list(params)).df()
    finally:
        cursor.close()


def load_file(name: str, data: bytes, *, loaded_by: str, dry_run: bool = False) -> FileReport:
    cursor = connection().cursor()
    try:
        report = loaders.ingest(cursor, name, data, loaded_by=loaded_by, dry_run=dry_run)
    finally:
        cursor.close()
    if report.status == "loaded" and not report.unchanged:
        st.cache_data.clear()
    return report


def restore_version(version: int, *, loaded_by: str) -> FileReport:
    cursor = connection().cursor()
    try:
        report = loaders.restore(cursor, version, loaded_by=loaded_by)
    finally:
        cursor.close()
    st.cache_data.clear()
    return report


def stored_file(version: int) -> tuple[str, bytes] | None:
    cursor = connection().cursor()
    try:
        found = loaders.store.stored_file(cursor, version)
    finally:
        cursor.close()
    return (found[0], found[1]) if found else None
