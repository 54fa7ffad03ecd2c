"""Shared fixtures: an empty in-memory store, and one loaded with the shipped data.

The app's database for page tests is a fresh file per test session (set before any
import reads DASHBOARD_DB), so tests never touch var/dashboard.duckdb.
"""

from __future__ import annotations

import os
import tempfile

os.environ["DASHBOARD_DB"] = os.path.join(tempfile.mkdtemp(prefix="dashboard-tests-"), "app.duckdb")

import duckdb  # noqa: E402
import pytest  # noqa: E402

from loaders import ensure_schema, ingest, sync_shipped  # noqa: E402


@pytest.fixture
def con():
    connection = duckdb.connect(":memory:")
    ensure_schema(connection)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def shipped_con():
    connection = duckdb.connect(":memory:")
    ensure_schema(connection)
    reports = sync_shipped(connection)
    assert all(r.status == "loaded" for r in reports), [i.message_en for r in reports for i in r.errors]
    yield connection
    connection.close()


@pytest.fixture
def load(con):
    """load(name, bytes) -> FileReport, into the test's own store."""
    def _load(name: str, data: bytes, **kwargs):
        return ingest(con, name, data, loaded_by="test", **kwargs)
    return _load


def dump(con) -> dict[str, list]:
    """Every storage table's rows, to prove that a rejected file changed nothing (the
    audit trail aside: a refusal is recorded there, by design)."""
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_name <> 'audit_log' ORDER BY 1").fetchall()]
    return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}


@pytest.fixture(autouse=True)
def browser_on_the_server(monkeypatch):
    """AppTest has no client address; page tests play a browser on the server itself
    (local mode may load). Tests of other clients override `_client_address` again."""
    from dashboard import access

    monkeypatch.setattr(access, "_client_address", lambda: "127.0.0.1")


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright, one per test module (nothing downloaded)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()
