"""Each script run's duration, written where the benchmark reads it.

Guarantees: does nothing unless `DASHBOARD_RUN_LOG` names a file; then appends one line
per run: session id, page, seconds, and when the run started (Unix time).
benchmarks/bench_pages.py reads it to tell the server's time per session apart from
the browsers' rendering, and how close together sessions arrived.
"""

from __future__ import annotations

import os
import time

from streamlit.runtime.scriptrunner import get_script_run_ctx


def record(started: float, page: str, waited: float = 0.0) -> None:
    path = os.environ.get("DASHBOARD_RUN_LOG")
    if not path:
        return
    context = get_script_run_ctx()
    seconds = time.perf_counter() - started
    with open(path, "a", encoding="utf-8") as log:
        session = context.session_id if context else "-"
        log.write(f"{session}\t{page}\t{seconds:.4f}\t{time.time() - seconds:.3f}\t{waited:.4f}\n")
