"""The served dashboard's long-lived objects, set aside from Python's garbage collector.

Guarantees: `freeze_long_lived()` imports every module of `dashboard/` and `loaders/`
(and through them Streamlit, pandas, Plotly, DuckDB, pyarrow), collects once, then moves
every object alive into the collector's permanent generation (`gc.freeze`), so that no
later collection walks them again; it returns how many it set aside. Objects made later
(sessions, cached answers) are collected as before, and reference counting frees frozen
objects like any other. At exit they are handed back (`gc.unfreeze`), so the
interpreter's last collection finalizes them as it would have (DuckDB's bindings report
any object left unfinalized).

Why: Python's full collection walks every container object alive, and a served dashboard
holds some 180 000 of them, most of them modules, classes and functions that live as
long as the process: 0.1-0.12 s of the interpreter lock each time at scale, paid by
whichever session's run or request happens to trigger it (three times during the first
runs of one benchmark trial). Right after start, what is alive is what the process
keeps (modules, Streamlit's runtime), so freezing it holds back no garbage.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import pkgutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("dashboard", "loaders")


def freeze_long_lived() -> int:
    """Imports what the pages use, collects, freezes; returns the objects set aside."""
    for package in PACKAGES:
        importlib.import_module(package)
        for module in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            if not module.name.endswith("__main__"):  # a package's command line runs on import
                importlib.import_module(module.name)
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)
    return gc.get_freeze_count()
