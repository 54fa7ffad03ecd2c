"""Script runs take turns: one at a time, first come first served, never waiting long.

Guarantees:
- at most `AT_ONCE` runs hold a turn at once; a run that has to wait is given its turn
  in the order it arrived;
- no run waits more than `PATIENCE` seconds: past that it goes ahead without a turn, so a
  long run (the first after a load) delays the others by at most that much and never
  blocks them;
- the turn is given back however the run ends (a page's stop, a rerun, an error), or
  earlier by `step_aside()`: work known to take seconds (a workbook checked or loaded, a
  restore, a brief) gives its turn to the next in line and goes on without one.

Why: every session's script runs in one Python process and shares one interpreter lock.
Ten sessions opened together each took ten times their time alone, all finishing at the
end (in the benchmark of 27 November 2026, nine first runs started within 30 ms took
0.35 s each against 0.04 s alone), and while they shared the lock the server's event loop, which accepts new
sessions and sends every page's messages, waited behind all of them. Taking turns, the
first finishes in its own time, the queue's mean wait halves, and the event loop competes
with one run instead of ten.
"""

from __future__ import annotations

import collections
import threading
import time
from contextlib import contextmanager
from typing import Iterator

AT_ONCE = 1
PATIENCE = 0.5  # seconds: a warm page runs in 0.02-0.07 s, so about ten runs ahead in the queue


_held = threading.local()  # per script thread: how to give back the turn it holds, if any


class Turns:
    def __init__(self, at_once: int = AT_ONCE, patience: float = PATIENCE):
        self.at_once = at_once
        self.patience = patience
        self._lock = threading.Lock()
        self._holding = 0
        self._queue: collections.deque[threading.Event] = collections.deque()

    @contextmanager
    def turn(self) -> Iterator[float]:
        """Holds a turn for the block's duration; yields the seconds waited for it."""
        asked = time.perf_counter()
        with self._lock:
            if self._holding < self.at_once and not self._queue:
                self._holding += 1
                mine = None
            else:
                mine = threading.Event()
                self._queue.append(mine)
        holding = True
        if mine is not None:
            mine.wait(self.patience)
            with self._lock:
                # Set under the lock by the run handing its turn over: checked under it too.
                if not mine.is_set():
                    self._queue.remove(mine)
                    holding = False
        _held.give_back = self._hand_over if holding else None
        try:
            yield time.perf_counter() - asked
        finally:
            give_back = getattr(_held, "give_back", None)
            _held.give_back = None
            if give_back is not None:
                give_back()

    def _hand_over(self) -> None:
        with self._lock:
            if self._queue:
                self._queue.popleft().set()  # the turn passes on: the count holding stays the same
            else:
                self._holding -= 1


SCRIPT_RUNS = Turns()


def step_aside() -> None:
    """Gives this run's turn to the next in line, if it holds one: called before work that
    takes seconds, so that nobody waits for it (the run goes on without a turn)."""
    give_back = getattr(_held, "give_back", None)
    _held.give_back = None
    if give_back is not None:
        give_back()
