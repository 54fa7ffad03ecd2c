"""`python -m loaders ...` as a focal point or an analyst runs it."""

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.workbooks import plan_rows, xlsx

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "loaders", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_ingest_json_loaded_then_unchanged(tmp_path):
    db = tmp_path / "t.duckdb"
    cm = ROOT / "data" / "cameroun_plan_alliance87_2021-2025.xlsx"
    first = run("ingest", str(cm), "--db", str(db), "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["status"] == "loaded" and report["counts"]["actions"] == 30
    assert {i["code"] for i in report["issues"]} == {"duplicate_action_code", "stated_total_mismatch"}
    again = json.loads(run("ingest", str(cm), "--db", str(db), "--json").stdout)
    assert (again["status"], again["unchanged"], again["version"]) == ("loaded", True, 1)


def test_rejected_file_exit_1_and_sentences_no_traceback(tmp_path):
    db = tmp_path / "t.duckdb"
    bad = tmp_path / "mauvais.xlsx"
    bad.write_bytes(xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "-3", ""])}))
    result = run("ingest", str(bad), "--db", str(db))
    assert result.returncode == 1
    assert "mauvais.xlsx, feuille « Plan », cellule I2" in result.stdout
    assert "mauvais.xlsx, sheet 'Plan', cell I2" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM versions").fetchone() == (0,)


def test_dry_run_writes_nothing(tmp_path):
    db = tmp_path / "t.duckdb"
    result = run("ingest", str(ROOT / "data" / "cote_divoire_partenariat_cpc_2022.xlsx"), "--db", str(db),
                 "--dry-run", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["status"] == "checked"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM versions").fetchone() == (0,)


def test_missing_file_and_usage_errors(tmp_path):
    missing = run("ingest", str(tmp_path / "absent.xlsx"), "--db", str(tmp_path / "t.duckdb"))
    assert missing.returncode == 1 and "cannot be found" in missing.stdout
    assert run("ingest").returncode == 2
    assert run("frobnicate").returncode == 2


def test_versions_and_restore(tmp_path):
    db = str(tmp_path / "t.duckdb")
    v1 = tmp_path / "v1.xlsx"
    v1.write_bytes(xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "10", ""])}))
    v2 = tmp_path / "v2.xlsx"
    v2.write_bytes(xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "20", ""])}))
    assert run("ingest", str(v1), str(v2), "--db", db).returncode == 0
    restored = run("restore", "1", "--db", db, "--json")
    assert restored.returncode == 0 and json.loads(restored.stdout)["version"] == 3
    listing = [json.loads(line) for line in run("versions", "--db", db, "--json").stdout.splitlines()]
    assert [(v["version"], v["action"], v["restored_from"]) for v in listing] == [
        (1, "load", None), (2, "load", None), (3, "restore", 1)]
    assert run("restore", "99", "--db", db).returncode == 1


def test_database_held_by_another_program(tmp_path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('ready', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run("ingest", str(ROOT / "data" / "cote_divoire_partenariat_cpc_2022.xlsx"), "--db", str(db),
                     "--wait", "1")
        assert result.returncode == 1
        assert "the dashboard is using the database; loading as soon as it is free" in result.stderr
        assert "stayed open in another program; nothing was loaded" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.kill()


def test_killing_a_load_at_any_moment_loses_nothing(tmp_path):
    """A load killed mid-way leaves the database as it was before, or with the whole
    version: never part of one (one transaction per file)."""
    import signal
    import time

    from openpyxl import Workbook

    db = tmp_path / "killed.duckdb"
    assert run("ingest", str(ROOT / "data" / "cameroun_plan_alliance87_2021-2025.xlsx"), "--db", str(db)).returncode == 0
    big = Workbook()
    sheet = big.active
    sheet.title = "Plan"
    sheet.append(["Pays", "Plan", "Code axe", "Axe", "Code action", "Action", "Coût estimé", "Fonds disponibles"])
    for n in range(20_000):
        sheet.append(["CI", "Grand plan", str(n % 7), f"Axe {n % 7}", f"{n % 7}.{n}", f"Action {n}", 1000 + n, n])
    path = tmp_path / "grand_plan.xlsx"
    big.save(path)
    for delay in (0.5, 1.5, 3.0, 4.5):
        process = subprocess.Popen([sys.executable, "-m", "loaders", "ingest", str(path), "--db", str(db)], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        con = duckdb.connect(str(db))
        try:
            versions = con.execute("SELECT version, counts FROM versions ORDER BY version").fetchall()
            for version, counts in versions:
                stored = con.execute("SELECT count(*) FROM action_rows WHERE version = ?", [version]).fetchone()[0]
                assert stored == json.loads(counts)["actions"], (delay, version)
            assert versions[0][0] == 1 and len(versions) in (1, 2)
        finally:
            con.close()
