"""Loaders: focal points' spreadsheets -> the DuckDB store, per `../shared/spec/workbook.md`.

Guarantees: no Streamlit here; the command line (`python -m loaders`) and the upload page
call the same functions: `ingest` (parse -> validate -> load, one transaction per file),
`restore`, `list_versions`, `sync_shipped`. Bad input gets sentences, never tracebacks.
"""

from .ingest import FileReport, check, ingest, restore
from .schema import ensure_schema
from .shipped import DEFAULT_DB, connect, sync_shipped
from .store import list_versions

__all__ = ["FileReport", "check", "connect", "DEFAULT_DB", "ensure_schema", "ingest",
           "list_versions", "restore", "sync_shipped"]
