"""Script runs take turns: one at a time, first come first served; a long run delays
the queue by at most its patience.

Guarantees:
- at most `AT_ONCE` runs that have held their turn for less than `PATIENCE` seconds run
  at once; a run that has to wait is given its turn in the order it arrived;
- a run that has held its turn for `PATIENCE` (a long one: the first after a load) no
  longer counts: the run at the head of the queue then goes ahead beside it, and the
  queue goes on in order behind that one. Nobody waits for a long run for more than
  `PATIENCE`, and the queue never breaks up into everyone at once;
- the turn is given back however the run ends (a page's stop, a rerun, an error), or
  earlier by `step_aside()`: work known to take seconds (a workbook checked or loaded, a
  restore, a brief) gives its turn to the next in line and goes on without one.

Why: every session's script runs in one Python process and shares one interpreter lock.
Ten sessions opened together each took ten times their time alone, all finishing at the
end (in the benchmark of 27 November 2026, nine first runs started within 30 ms took
0.35 s each against 0.04 s alone), and while they shared the lock the server's event
loop, which accepts new sessions and sends every page's messages, waited behind all of
them. Taking turns, the first finishes in its own time and the queue's mean wait halves.
An earlier version let each waiting run give up after waiting `PATIENCE` itself: behind
a burst of twenty short runs, a dozen then gave up together and shared the lock again
(runs of about a second each, at scale, against 0.03 s alone).
"""

from __future__ import annotations

import collections
import itertools
import threading
import time
from contextlib import contextmanager
from typing import Iterator

AT_ONCE = 1
PATIENCE = 0.5  # seconds: a warm page runs in 0.02-0.07 s alone


_held = threading.local()  # per script thread: how to give back the turn it holds, if any


class Turns:
    def __init__(self, at_once: int = AT_ONCE, patience: float = PATIENCE):
        self.at_once = at_once
        self.patience = patience
        self._lock = threading.Lock()
        self._holders: dict[int, float] = {}  # each turn held: since when (monotonic)
        self._queue: collections.deque[threading.Event] = collections.deque()
        self._tickets = itertools.count()

    @property
    def _holding(self) -> int:
        return len(self._holders)

    def _room(self, now: float) -> float | None:
        """None if a turn is free now (long runs not counted), else the seconds until the
        earliest of the runs that count becomes a long one."""
        counted = [since for since in self._holders.values() if now - since < self.patience]
        if len(counted) < self.at_once:
            return None
        return min(counted) + self.patience - now

    @contextmanager
    def turn(self) -> Iterator[float]:
        """Holds a turn for the block's duration; yields the seconds waited for it."""
        asked = time.perf_counter()
        mine = threading.Event()
        with self._lock:
            self._queue.append(mine)
        try:
            ticket = self._wait_at(mine)
        except BaseException:  # never leave a place in the queue nobody will take
            with self._lock:
                if mine in self._queue:
                    self._queue.remove(mine)
                if self._queue:
                    self._queue[0].set()
            raise
        _held.give_back = lambda: self._give_back(ticket)
        try:
            yield time.perf_counter() - asked
        finally:
            give_back = getattr(_held, "give_back", None)
            _held.give_back = None
            if give_back is not None:
                give_back()

    def _wait_at(self, mine: threading.Event) -> int:
        """Waits until `mine` is at the head of the queue and a turn is free; takes it."""
        while True:
            with self._lock:
                timeout = None  # not at the head: the run ahead wakes me when I am
                if self._queue[0] is mine:
                    now = time.monotonic()
                    timeout = self._room(now)
                    if timeout is None:
                        self._queue.popleft()
                        ticket = next(self._tickets)
                        self._holders[ticket] = now
                        if self._queue:
                            self._queue[0].set()  # the new head looks for room itself
                        return ticket
                mine.clear()  # set again (under the lock) by whoever changes what I wait for
            mine.wait(timeout)

    def _give_back(self, ticket: int) -> None:
        with self._lock:
            del self._holders[ticket]
            if self._queue:
                self._queue[0].set()


SCRIPT_RUNS = Turns()


def step_aside() -> None:
    """Gives this run's turn to the next in line, if it holds one: called before work that
    takes seconds, so that nobody waits for it (the run goes on without a turn)."""
    give_back = getattr(_held, "give_back", None)
    _held.give_back = None
    if give_back is not None:
        give_back()
