"""The dashboard's shared database connection (loaders/database.py)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from loaders.database import SharedDatabase
shared = [SharedDatabase(f"{sys.argv[2]}/db{i}.duckdb", idle=0.001) for i in range(8)]
for _ in range(30):
    for database in shared:
        with database.cursor() as con:
            con.execute("SELECT 42").fetchall()
print("done", flush=True)
"""


def test_a_process_that_ends_with_its_database_open_closes_it_first(tmp_path):
    # A server or test run that stops while its idle closers run must close DuckDB before
    # Python stops its threads: left to the interpreter's exit, DuckDB reported leaked
    # objects on every run and, now and then, the process aborted after its work was done.
    result = subprocess.run([sys.executable, "-c", PROBE, str(ROOT), str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
    assert "leaked" not in result.stderr and "FATAL" not in result.stderr, result.stderr[-2000:]


def test_shutdown_stops_the_idle_closer_and_closes_the_file(tmp_path):
    from loaders.database import SharedDatabase

    shared = SharedDatabase(tmp_path / "s.duckdb", idle=60)
    with shared.cursor() as con:
        assert con.execute("SELECT 1").fetchone() == (1,)
    assert shared._closer.is_alive() and shared._con is not None
    shared.shutdown()
    assert not shared._closer.is_alive() and shared._con is None
    # The file is free again: another program can open it for writing.
    import duckdb

    duckdb.connect(str(tmp_path / "s.duckdb")).close()


def test_shutdown_never_closes_the_file_under_a_query(tmp_path):
    from loaders.database import SharedDatabase

    shared = SharedDatabase(tmp_path / "q.duckdb", idle=60)
    with shared.cursor() as con:
        shared.shutdown(wait=0.2)
        assert shared._con is not None and con.execute("SELECT 2").fetchone() == (2,)
    shared.shutdown()
    assert shared._con is None
