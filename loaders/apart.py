"""Work run in a Python process of its own, for a server that many sessions share.

Guarantees: `run(module, payload)` hands `payload` (a dict) to `python -m module` on its
standard input and returns the bytes that process writes on its standard output, or
raises `ApartError` with the end of what it wrote on its standard error; `serve(make)`
is that module's side: it reads the payload, calls `make(**payload)` and writes the
bytes it returns. The payload is pickled by the server itself from its own objects
(rows it read from its database, a file's issues); a file a user sent crosses inside it
as a plain bytes value, never read as a pickle.

At most `AT_ONCE` such processes run at a time; more callers wait for their turn.

Why: every session of a server runs in one Python interpreter. A file that takes
seconds of Python to write (a workbook of 50 000 rows through openpyxl or xlsxwriter)
holds that interpreter from every other session meanwhile, and its peak memory stays
with the server; a process of its own does neither.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
# This machine's two cores: twenty donors clicking an export together wait in line
# rather than start twenty processes, each of 160-490 MB at its peak (an export's
# imports alone take 157 MB; 117 603 issues, 399 MB for Excel and 485 MB for a CSV).
AT_ONCE = 2
_running = threading.BoundedSemaphore(AT_ONCE)


class ApartError(RuntimeError):
    """The process of its own failed; the message ends with what it said."""


def run(module: str, payload: dict, timeout: float = 300) -> bytes:
    given = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    with _running:
        done = subprocess.run([sys.executable, "-m", module], input=given, capture_output=True, timeout=timeout,
                              cwd=ROOT)
    if done.returncode:
        raise ApartError(f"{module} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return done.stdout


def serve(make: Callable[..., bytes]) -> None:
    payload = pickle.loads(sys.stdin.buffer.read())
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a library's stray print must not end up in the file
    out.write(make(**payload))
    out.flush()
