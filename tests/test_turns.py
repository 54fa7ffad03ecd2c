"""Script runs take turns (dashboard/turns.py): in order of arrival, a long run holding
up the queue by at most its patience, and the turn comes back however a run ends."""

import threading
import time
from pathlib import Path

import pytest

from dashboard.turns import Turns


def _start(turns: Turns, name: str, order: list, hold: threading.Event, waits: dict) -> threading.Thread:
    def run():
        with turns.turn() as waited:
            order.append(name)
            waits[name] = waited
            hold.wait(5)
    thread = threading.Thread(target=run)
    thread.start()
    return thread


def _until(condition, what: str, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.005)


def _queued(turns: Turns, count: int) -> None:
    _until(lambda: len(turns._queue) >= count, "the runs never queued")


def test_runs_wait_their_turn_in_order_of_arrival():
    turns = Turns(at_once=1, patience=5)
    order, waits, gates = [], {}, [threading.Event() for _ in range(4)]
    threads = [_start(turns, "first", order, gates[0], waits)]
    _until(lambda: order, "the first run never started")
    for index, name in enumerate(("second", "third", "fourth"), start=1):
        threads.append(_start(turns, name, order, gates[index], waits))
        _queued(turns, index)  # each arrives after the one before it
    assert order == ["first"], "a run started while another held the only turn"
    for gate in gates:
        gate.set()
    for thread in threads:
        thread.join(5)
    assert order == ["first", "second", "third", "fourth"]
    assert waits["first"] < 0.05 and waits["second"] > 0
    assert turns._holding == 0 and not turns._queue


def test_a_long_run_holds_up_the_queue_by_at_most_its_patience_one_run_going_ahead_at_a_time():
    turns = Turns(at_once=1, patience=0.3)
    order, waits = [], {}
    gates = {name: threading.Event() for name in ("long", "second", "third")}
    threads = [_start(turns, "long", order, gates["long"], waits)]
    _until(lambda: order, "the first run never started")
    threads.append(_start(turns, "second", order, gates["second"], waits))
    _queued(turns, 1)
    threads.append(_start(turns, "third", order, gates["third"], waits))
    _queued(turns, 2)
    # The long run passes its patience: the head of the queue goes ahead beside it...
    _until(lambda: "second" in order, "the queue waited past the long run's patience")
    assert 0.2 < waits["second"] < 1.0
    # ...and the one behind it still waits its turn: the queue does not break up at once.
    time.sleep(0.1)
    assert order == ["long", "second"], "a run that had not reached the head of the queue went ahead"
    gates["second"].set()
    _until(lambda: "third" in order, "the next in line never got the turn given back")
    assert order == ["long", "second", "third"]
    for gate in gates.values():
        gate.set()
    for thread in threads:
        thread.join(5)
    assert turns._holding == 0 and not turns._queue
    # Every turn is back: the next run goes straight in.
    with turns.turn() as waited:
        assert waited < 0.05


def test_a_burst_of_short_runs_goes_one_at_a_time_in_order_however_long_the_queue_waits():
    """Behind ten short runs, none gives up its place: each waits for the ones ahead of
    it, however long that takes in all (here past the patience), and they never share
    the interpreter."""
    turns = Turns(at_once=1, patience=0.3)
    order, running, most = [], [], []
    lock = threading.Lock()

    def short(name):
        with turns.turn():
            with lock:
                order.append(name)
                running.append(name)
                most.append(len(running))
            time.sleep(0.05)  # each well under its patience: none is a long run
            with lock:
                running.remove(name)
    threads = []
    with turns.turn():  # the burst queues up behind a run in progress
        for index in range(10):
            threads.append(threading.Thread(target=short, args=(index,)))
            threads[-1].start()
            _queued(turns, index + 1)
    for thread in threads:
        thread.join(5)
    assert order == list(range(10))
    assert max(most) == 1, "runs at the back of the queue gave up waiting and ran together"
    assert turns._holding == 0 and not turns._queue


def test_the_turn_comes_back_when_a_run_fails():
    turns = Turns(at_once=1, patience=5)
    with pytest.raises(RuntimeError):
        with turns.turn():
            raise RuntimeError("a page failed")
    assert turns._holding == 0
    with turns.turn() as waited:
        assert waited < 0.05


def test_two_at_once_when_allowed():
    turns = Turns(at_once=2, patience=5)
    order, waits, gate = [], {}, threading.Event()
    threads = [_start(turns, name, order, gate, waits) for name in ("a", "b")]
    _until(lambda: len(order) >= 2, "the second run waited although two may run at once")
    gate.set()
    for thread in threads:
        thread.join(5)
    assert turns._holding == 0


def test_every_page_run_takes_a_turn_and_logs_its_wait(tmp_path, monkeypatch):
    """The app's script runs go through the shared turns, and the run log's fifth column
    is the wait (the benchmark reads it)."""
    from streamlit.testing.v1 import AppTest

    from dashboard import turns as module

    taken = []
    original = module.SCRIPT_RUNS.turn

    def counted():
        taken.append(1)
        return original()
    monkeypatch.setattr(module.SCRIPT_RUNS, "turn", counted)
    log = tmp_path / "runs.log"
    monkeypatch.setenv("DASHBOARD_RUN_LOG", str(log))
    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120)
    app.run()
    assert not app.exception
    assert taken == [1]
    session, page, seconds, started, waited = log.read_text().splitlines()[-1].split("\t")
    assert page == "overview" and 0 <= float(waited) <= float(seconds)


def test_a_run_that_steps_aside_lets_the_next_one_go_and_gives_back_nothing_twice():
    from dashboard.turns import step_aside

    turns = Turns(at_once=1, patience=5)
    module_turns = __import__("dashboard.turns", fromlist=["_held"])
    order, long_work_done = [], threading.Event()

    def long_run():
        with turns.turn():
            order.append("long: started")
            step_aside()
            long_work_done.wait(5)
            order.append("long: done")
    holder = threading.Thread(target=long_run)
    holder.start()
    _until(lambda: order, "the first run never started")
    with turns.turn() as waited:
        order.append("next")
    assert waited < 1, "the next run waited for work that had stepped aside"
    assert order == ["long: started", "next"]
    long_work_done.set()
    holder.join(5)
    assert turns._holding == 0 and not turns._queue, "the turn was given back twice or kept"
    assert getattr(module_turns._held, "give_back", None) is None
    step_aside()  # outside any run: nothing to give back, nothing breaks
    assert turns._holding == 0


def test_loading_or_restoring_steps_aside(monkeypatch):
    """db.load_file and db.restore_version give their turn away before the work."""
    from dashboard import access, db, turns as module

    stepped = []
    monkeypatch.setattr(module, "step_aside", lambda: stepped.append("aside"))
    rejected = type("Report", (), {"status": "rejected"})()
    monkeypatch.setattr(db.loaders, "ingest", lambda *a, **k: stepped.append("ingest") or rejected)
    monkeypatch.setattr(db.loaders, "restore", lambda *a, **k: stepped.append("restore") or rejected)
    monkeypatch.setattr(db, "_changed", lambda: None)
    admin = access.User(mode="signin", role="admin", email="admin@example.org")
    db.load_file(access.grant(admin, "load"), "plan.xlsx", b"", dry_run=True)
    db.restore_version(access.grant(admin, "restore"), 1)
    assert stepped == ["aside", "ingest", "aside", "restore"]
