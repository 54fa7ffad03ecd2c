"""The one owner of the dashboard's DuckDB database.

Guarantees: one `SharedDatabase` per server process (`st.cache_resource`) on the app's
database (`DASHBOARD_DB`, default `var/dashboard.duckdb`), brought up to date with the
workbooks in `data/` on first use, so the app needs no set-up step. It holds the file
only while busy, so `python -m loaders` can load while the app serves (see
loaders/database.py); every query runs on its own cursor. `refresh` drops the cached
answers when another process changed the data (a new version: an audit row alone, a
sign-in or a download, keeps them), and every load or restore clears them too, so each
open page shows the new version on its next rerun. Loads, restores and original files
need a `Grant` from `dashboard.access` and leave their audit row.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import loaders
from loaders import audit, history, template
from loaders.audit import Actor
from loaders.database import SharedDatabase, stamp
from loaders.ingest import FileReport
from loaders.shipped import DEFAULT_DB

from . import turns
from .access import Grant, check


def _newest_version(cursor) -> int:
    """The newest version number: every load and restore makes one, and nothing else does."""
    return int(cursor.execute("SELECT coalesce(max(version), 0) FROM versions").fetchone()[0])


@st.cache_resource(show_spinner=False)
def _open(path: str) -> tuple[SharedDatabase, list[FileReport], dict]:
    database = SharedDatabase(path)
    with database.cursor() as con:
        loaders.ensure_schema(con)
        reports = loaders.sync_shipped(con)
        data = _newest_version(con)
    return database, reports, {"stamp": stamp(path), "data": data}


def database() -> SharedDatabase:
    return _open(str(DEFAULT_DB))[0]


def shipped_reports() -> list[FileReport]:
    """What loading `data/` said at start (a shipped file with an error is shown, not hidden)."""
    return _open(str(DEFAULT_DB))[1]


_ALSO_CLEARED: list = []


def cleared_with_answers(clear) -> None:
    """`clear()` runs each time the cached answers are dropped: a cache of objects built
    from them (figures.py keeps its charts as objects) goes with them."""
    _ALSO_CLEARED.append(clear)


def drop_answers() -> None:
    """Drop every cached answer and what was built from them (each load does)."""
    st.cache_data.clear()
    for clear in _ALSO_CLEARED:
        clear()


def refresh() -> None:
    """Drop cached answers when another process changed the data (a load from the
    command line). The file also changes with every audit row (a sign-in, a download):
    then only the stamp is taken, so that one person signing in does not make every
    other person's next click start from nothing."""
    seen = _open(str(DEFAULT_DB))[2]
    now = stamp(str(DEFAULT_DB))
    if now != seen["stamp"]:
        seen["stamp"] = now
        data = latest_version()
        if data != seen["data"]:
            seen["data"] = data
            drop_answers()


def _changed() -> None:
    drop_answers()
    seen = _open(str(DEFAULT_DB))[2]
    seen["data"] = latest_version()
    seen["stamp"] = stamp(str(DEFAULT_DB))


def frame(sql: str, params: list | tuple = ()) -> pd.DataFrame:
    with database().cursor() as cursor:
        return cursor.execute(sql, list(params)).df()


def latest_version() -> int:
    """The newest version number: a preview made before another load is stale."""
    with database().cursor() as cursor:
        return _newest_version(cursor)


def load_file(grant: Grant, name: str, data: bytes, *, dry_run: bool = False, progress=None) -> FileReport:
    grant = check(grant, "load")
    turns.step_aside()  # a workbook takes seconds: the other sessions' runs go first
    with database().cursor() as cursor:
        report = loaders.ingest(cursor, name, data, actor=grant.actor, dry_run=dry_run, countries=grant.countries,
                                **({"progress": progress} if progress else {}))
    if report.status == "loaded" and not report.unchanged:
        _changed()
    return report


def restore_version(grant: Grant, version: int) -> FileReport:
    grant = check(grant, "restore")
    turns.step_aside()
    with database().cursor() as cursor:
        report = loaders.restore(cursor, version, actor=grant.actor)
    _changed()
    return report


def original_file(grant: Grant, version: int):
    """(file name, a callable giving the bytes) of a version the grant covers, else None.
    The bytes are read, and the download recorded, only when the button is clicked."""
    grant = check(grant, "download_original")
    shared = database()
    with shared.cursor() as cursor:
        countries = loaders.store.version_countries(cursor, version)
        found = cursor.execute("SELECT file_name, sha256 FROM versions WHERE version = ?", [version]).fetchone()
    if found is None or not grant.covers(countries):
        return None
    name, sha256 = found

    def fetch() -> bytes:
        # Runs when clicked, outside the script run: only the database object is used here.
        with shared.cursor() as cursor:
            stored = loaders.store.stored_file(cursor, version)
            audit.record(cursor, grant.actor, "download_original", "done", countries=countries, file_name=name,
                         sha256=sha256, version=version)
        return stored[1]
    return name, fetch


def record(actor: Actor, action: str, outcome: str = "done", detail: str | None = None) -> None:
    """An audit row for what is not a load: sign-in and sign-out."""
    with database().cursor() as cursor:
        audit.record(cursor, actor, action, outcome, detail=detail)


def signed_in_before(actor: Actor, detail: str) -> bool:
    with database().cursor() as cursor:
        return cursor.execute("SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND lower(who) = lower(?) "
                              "AND detail = ?", [actor.who, detail]).fetchone()[0] > 0


def current_workbook(grant: Grant, country: str, plan: str | None, language: str):
    """A callable giving a country's current data as a workbook (the export is recorded
    when it runs, on click), or None when the grant does not cover the country."""
    grant = check(grant, "load")
    if not grant.covers([country]):
        return None
    shared = database()

    def build() -> bytes:
        with shared.cursor() as cursor:
            data = template.current_data_apart(cursor, country, plan, language)
            audit.record(cursor, grant.actor, "export", "done", countries=[country], detail=plan)
        return data
    return build


@st.cache_resource(show_spinner=False, max_entries=2)
def _between(path: str, a: int, b: int) -> dict:
    """Shared, not copied: across many versions a difference holds ~100 MB of rows (120 000
    counts, 27 000 actions), which `st.cache_data` would unpickle on every rerun, and
    working it out again took 1.5 s a click. Its readers build new lists, never change it."""
    with database().cursor() as cursor:
        return history.between(cursor, a, b)


cleared_with_answers(_between.clear)


def changes_between(a: int, b: int, countries: frozenset[str] | None = None) -> dict:
    """What changed between versions a and b (loaders/history.py), kept to `countries`."""
    changes = _between(str(DEFAULT_DB), a, b)
    if countries is None:
        return changes
    keep = lambda rows: [r for r in rows if r.get("country") in countries]  # noqa: E731
    return {"actions": {k: keep(v) for k, v in changes["actions"].items()},
            "plans": {"changed": keep(changes["plans"]["changed"])},
            "indicators": {k: keep(v) for k, v in changes["indicators"].items()},
            "statuses": {"added": keep(changes["statuses"]["added"])},
            "totals": {side: {label: v for label, v in values.items() if label.split(" · ")[0] in countries}
                       for side, values in changes["totals"].items()}}


def version_at(day) -> int:
    with database().cursor() as cursor:
        return history.version_at(cursor, day)


def recorded(grant: Grant, action: str, build, file_name: str | None = None):
    """A download's bytes maker that leaves its audit row when it runs (on click)."""
    grant = check(grant, "load")
    shared = database()

    def make() -> bytes:
        data = build()
        with shared.cursor() as cursor:
            audit.record(cursor, grant.actor, action, "done", file_name=file_name)
        return data
    return make
