"""The app's own database and the workbooks shipped in `data/`.

Guarantees: `sync_shipped` loads every workbook in `data/` that the database has not
seen yet, through the same `ingest` as any upload, so the app needs no set-up step for
data and picks up a changed file in `data/` when it next starts. A file already loaded
(same bytes) changes nothing, so a focal point's newer upload is never overwritten by a
restart.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from .audit import Actor
from .ingest import FileReport, ingest

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_DB = Path(os.environ.get("DASHBOARD_DB", ROOT / "var" / "dashboard.duckdb"))
SHIPPED_BY = "data/"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".csv")


def shipped_files(data_dir: Path = DATA_DIR) -> list[Path]:
    # Sorted so that a plan's workbook loads before files that report on it.
    return sorted(p for p in data_dir.iterdir() if p.is_file() and p.suffix.lower() in WORKBOOK_SUFFIXES)


def sync_shipped(con: duckdb.DuckDBPyConnection, data_dir: Path = DATA_DIR) -> list[FileReport]:
    actor = Actor(SHIPPED_BY, "system")
    return [ingest(con, path.name, path.read_bytes(), actor=actor) for path in shipped_files(data_dir)]


def connect(path: Path | str = DEFAULT_DB) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(str(path))
