"""One DuckDB file shared by the running dashboard and the command line.

DuckDB lets one process at a time open a file for writing, so the two take turns:
- the dashboard holds a pooled connection only while it is busy: `SharedDatabase`
  closes it after `IDLE_SECONDS` without a query, and at once when a command-line
  writer says it is waiting (a flag file next to the database naming its process);
- the command line (`exclusive`) raises that flag, retries the lock until the dashboard
  lets go (saying once that it waits), then works alone and closes;
- while the command line holds the file, the dashboard's queries retry the lock for up
  to `WAIT_SECONDS`, then fail with `DatabaseBusy` (a sentence, never a traceback).
Every load is one DuckDB transaction, so killing either process at any moment loses
nothing that was committed and leaves nothing half-written. A process that ends closes
its shared connections first (`atexit`), so it never leaves DuckDB to Python's exit.
`stamp` changes whenever another process wrote, so the dashboard knows to drop its
cached answers.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
import time
import weakref
from pathlib import Path
from typing import Callable, Iterator

import duckdb

IDLE_SECONDS = 1.0
WAIT_SECONDS = 120.0
RETRY_SECONDS = 0.05


class DatabaseBusy(RuntimeError):
    """The file stayed locked by another program for longer than we wait."""


def _flag(path: str) -> Path:
    return Path(f"{path}.writer-waiting")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def writer_waiting(path: str) -> bool:
    """A command-line writer is waiting for the file (a flag left by a dead process is ignored)."""
    try:
        pid = int(_flag(path).read_text().strip() or 0)
    except (OSError, ValueError):
        return False
    return pid != os.getpid() and pid > 0 and _alive(pid)


def _is_lock_error(error: Exception) -> bool:
    return "lock" in str(error).lower()


def connect_retrying(path: str, wait: float = WAIT_SECONDS, on_wait: Callable[[], None] | None = None):
    """Open the file, retrying while another process holds its lock."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            return duckdb.connect(path)
        except duckdb.IOException as error:
            if not _is_lock_error(error) or time.monotonic() > deadline:
                if _is_lock_error(error):
                    raise DatabaseBusy(str(error).splitlines()[0]) from error
                raise
            if on_wait and not told:
                on_wait()
                told = True
            time.sleep(RETRY_SECONDS)


@contextlib.contextmanager
def exclusive(path: str, wait: float = WAIT_SECONDS,
              on_wait: Callable[[], None] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The command line's turn: ask the dashboard to let go, then hold the file alone."""
    flag = _flag(path)
    try:
        flag.write_text(str(os.getpid()))
    except OSError:
        flag = None  # a read-only folder: we can still wait for the lock
    try:
        con = connect_retrying(path, wait, on_wait)
    finally:
        if flag is not None:
            flag.unlink(missing_ok=True)
    try:
        yield con
    finally:
        con.close()


def stamp(path: str) -> tuple:
    """Changes whenever the file or its write-ahead log changes: another process wrote."""
    parts = []
    for name in (path, f"{path}.wal"):
        try:
            info = os.stat(name)
            parts.append((info.st_mtime_ns, info.st_size))
        except OSError:
            parts.append(None)
    return tuple(parts)


class SharedDatabase:
    """The dashboard's side: a connection opened on demand, shared by its threads
    (each query on its own cursor) and closed when idle or when a writer waits."""

    def __init__(self, path: str, idle: float = IDLE_SECONDS, wait: float = WAIT_SECONDS):
        self.path = str(path)
        self.idle = idle
        self.wait = wait
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_used = 0.0
        self._state = threading.Condition()
        self._stopping = threading.Event()
        self._closer = threading.Thread(target=self._close_when_idle, daemon=True, name="duckdb-idle-closer")
        self._closer.start()
        _OPEN.add(self)

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._state:
            deadline = time.monotonic() + self.wait
            # A waiting writer goes first: no new work starts until it has had its turn.
            while writer_waiting(self.path) and time.monotonic() < deadline:
                if self._con is not None and self._users == 0:
                    self._close()
                self._state.wait(RETRY_SECONDS)
            if self._con is None:
                self._con = connect_retrying(self.path, max(deadline - time.monotonic(), 1.0))
            self._users += 1
            cursor = self._con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._state:
                self._users -= 1
                self._last_used = time.monotonic()
                self._state.notify_all()

    def _close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def _close_when_idle(self) -> None:
        while not self._stopping.wait(min(self.idle / 2, 0.25)):
            with self._state:
                if self._con is None or self._users:
                    continue
                if writer_waiting(self.path) or time.monotonic() - self._last_used > self.idle:
                    self._close()
                    self._state.notify_all()

    def close(self) -> None:
        with self._state:
            while self._users:
                self._state.wait(RETRY_SECONDS)
            self._close()

    def shutdown(self, wait: float = 2.0) -> None:
        """Stop the idle closer, then close the file in the calling thread once the
        queries under way (for at most `wait` seconds) are done; never under a query."""
        self._stopping.set()
        self._closer.join(timeout=5)
        deadline = time.monotonic() + wait
        with self._state:
            while self._users and time.monotonic() < deadline:
                self._state.wait(RETRY_SECONDS)
            if not self._users:
                self._close()


_OPEN: weakref.WeakSet[SharedDatabase] = weakref.WeakSet()


@atexit.register
def _shut_down_all() -> None:
    # The idle closer is a daemon thread: left running into the interpreter's exit, it
    # could be closing DuckDB (C++) just as Python stops every thread that wants the
    # GIL back, and the process then aborts ("FATAL: exception not rethrown") after all
    # its work is done. So each one is stopped and its file closed first.
    for shared in list(_OPEN):
        shared.shutdown()
