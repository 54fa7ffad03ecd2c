"""The served process's long-lived objects set aside from the garbage collector
(deploy/heap.py, called by serve.py once Streamlit's runtime has started)."""

from __future__ import annotations

import subprocess
import sys

from tests.browser import ROOT

FREEZE = """
import gc, sys
import duckdb
connection = duckdb.connect()
connection.execute("select 42").fetchall()
from deploy.heap import freeze_long_lived
frozen = freeze_long_lived()
modules = sorted(name for name in sys.modules if name.split(".")[0] in ("dashboard", "loaders"))
print(frozen, len(gc.get_objects()), " ".join(modules))
"""


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_page_module_is_imported_and_set_aside_and_given_back_at_exit():
    done = run(FREEZE)
    assert done.returncode == 0, done.stderr
    frozen, still_tracked, modules = done.stdout.split(maxsplit=2)
    # Streamlit, pandas, Plotly and the dashboard's own modules: well over 100 000 objects
    # that no later collection walks again, and next to nothing left for it.
    assert int(frozen) > 100_000 and int(still_tracked) < int(frozen) // 100
    for module in ("dashboard.ui", "dashboard.figures", "dashboard.brief.deck", "loaders.ingest", "loaders.schema"):
        assert module in modules.split()
    assert "__main__" not in modules  # a package's command line is never run by the import
    # Handed back at exit: DuckDB's bindings finalize everything, and report nothing left over.
    assert "leaked" not in done.stderr
