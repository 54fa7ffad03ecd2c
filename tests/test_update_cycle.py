"""The focal point's update cycle: blank template, current data out, preview of the
change, her file back marked, and the same from the command line."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

import loaders
from loaders import marked, template
from loaders.audit import Actor
from loaders.headers import INDICATOR_FIELDS, STATUS_FIELDS
from tests.workbooks import plan_rows, xlsx

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "data").glob("*.xlsx"))
ADMIN = Actor("admin@example.org", "admin")


def fresh() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    loaders.ensure_schema(con)
    return con


def current(con) -> dict:
    """The current data, without where it came from (version, sheet, row)."""
    return {
        "actions": sorted(map(repr, con.execute(
            "SELECT * EXCLUDE (version, sheet, \"row\", source) FROM actions").fetchall())),
        "stated_totals": sorted(map(repr, con.execute(
            "SELECT country, plan, level, code, stated, computed, stated_funds, computed_funds, currency "
            "FROM stated_totals").fetchall())),
        "plans": sorted(map(repr, con.execute(
            "SELECT country, plan, currency, unallocated_funds, kind FROM plans").fetchall())),
        "indicators": sorted(map(repr, con.execute(
            "SELECT * EXCLUDE (version, sheet, \"row\") FROM indicator_values").fetchall())),
        "statuses": sorted(map(repr, con.execute(
            "SELECT country, plan, action_code, as_of, status, comment, source FROM current_action_status").fetchall())),
    }


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_blank_template_has_the_contracts_sheets_lists_and_an_example(language):
    book = load_workbook(io.BytesIO(template.blank(language)))
    names = template.SHEETS[language]
    assert book.sheetnames == [names["readme"], names["plan"], names["indicators"], names["status"], names["lists"]]
    plan = book[names["plan"]]
    assert [c.value for c in plan[1]] == template.plan_headers(language)
    assert [c.value for c in book[names["indicators"]][1]] == [
        f.label_fr if language == "fr" else f.label_en for f in INDICATOR_FIELDS]
    assert [c.value for c in book[names["status"]][1]] == [
        f.label_fr if language == "fr" else f.label_en for f in STATUS_FIELDS]
    assert plan.freeze_panes == "A2" and book[names["lists"]].sheet_state == "hidden"
    assert plan["A2"].value.startswith(template.EXAMPLE[language])
    validated = {str(rule.sqref).split(":")[0] for rule in plan.data_validations.dataValidation}
    assert {"A2", "C2", "J2", "K2", "Q2", "T2"} <= validated  # country, kind, priority, lead, currency, 1st semester
    assert plan["N3"].number_format == "#,##0"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_template_loaded_empty_says_nothing_to_load(language):
    report = loaders.ingest(fresh(), "modele.xlsx", template.blank(language), actor=ADMIN)
    assert report.status == "rejected" and len(report.errors) == 1
    assert report.errors[0].message_en.startswith("modele.xlsx: nothing to load")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_template_filled_with_a_shipped_plan_loads_to_the_same_figures(path):
    source = fresh()
    assert loaders.ingest(source, path.name, path.read_bytes(), actor=ADMIN).status == "loaded"
    country = source.execute("SELECT country FROM plans").fetchone()[0]
    filled = template.current_data(source, country, language="fr")
    target = fresh()
    report = loaders.ingest(target, "rempli.xlsx", filled, actor=ADMIN)
    assert report.status == "loaded", [i.message_en for i in report.errors]
    assert current(target) == current(source)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_current_data_loaded_back_unchanged_makes_no_version(language):
    con = fresh()
    loaders.sync_shipped(con)
    versions = con.execute("SELECT count(*) FROM versions").fetchone()[0]
    for country in ("CM", "CI"):
        for plan in [r[0] for r in con.execute("SELECT plan FROM plans WHERE country = ?", [country]).fetchall()]:
            data = template.current_data(con, country, plan, language)
            report = loaders.ingest(con, f"actuel_{country}.xlsx", data, actor=ADMIN)
            assert report.status == "loaded" and report.no_change and report.version is None, (
                plan, report.diff)
    assert con.execute("SELECT count(*) FROM versions").fetchone()[0] == versions


def test_current_data_written_apart_is_the_same_workbook():
    """The server writes a country's workbook in a process of its own (its rows read here)."""
    con = fresh()
    loaders.sync_shipped(con)

    def cells(data: bytes) -> dict:
        book = load_workbook(io.BytesIO(data))
        return {s.title: [[c.value for c in row] for row in s.iter_rows()] for s in book.worksheets}
    for country, plan, language in (("CM", None, "fr"), ("CI", None, "en")):
        here = cells(template.current_data(con, country, plan, language))
        assert cells(template.current_data_apart(con, country, plan, language)) == here
        assert len(here["Plan"]) > 10 and len(here["Indicateurs" if language == "fr" else "Indicators"]) > 1


def test_work_apart_runs_two_at_a_time_and_says_why_it_failed(monkeypatch):
    """Many exports clicked together wait in line for a process; a failed one raises with
    the end of what that process said, never a file of garbage."""
    import threading
    import time

    from loaders import apart

    running, most, lock = [0], [0], threading.Lock()
    real_run = subprocess.run

    def counted(*args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.2)
        with lock:
            running[0] -= 1
        return real_run([sys.executable, "-c", "import sys; sys.stdout.write('ok')"], capture_output=True)
    monkeypatch.setattr(apart.subprocess, "run", counted)
    results = []
    callers = [threading.Thread(target=lambda: results.append(apart.run("any.module", {}))) for _ in range(6)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    assert results == [b"ok"] * 6 and most[0] == apart.AT_ONCE == 2
    monkeypatch.undo()
    with pytest.raises(apart.ApartError, match="(?s)loaders.template failed: .*TypeError"):
        apart.run("loaders.template", {"rows": {}, "country": "CM", "language": "fr", "unexpected": 1})


def _cm_current_with_cost(con, code: str, cost) -> bytes:
    book = load_workbook(io.BytesIO(template.current_data(con, "CM", language="fr")))
    sheet = book["Plan"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("Code action")].value == code)
    row[headers.index("Coût estimé")].value = cost
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_one_changed_cost_is_exactly_one_change_with_the_new_totals():
    con = fresh()
    loaders.sync_shipped(con)
    data = _cm_current_with_cost(con, "1.1.1", 30000)  # was 20 000
    preview = loaders.ingest(con, "cm.xlsx", data, actor=ADMIN, dry_run=True)
    assert preview.status == "checked" and not preview.no_change
    diff = preview.diff
    assert diff["actions"]["changed"] == [{"country": "CM", "plan": "Plan d'action Alliance 8.7 2021-2025",
                                           "code": "1.1.1", "field": "estimated_cost", "old": 20000.0,
                                           "new": 30000.0}]
    assert not diff["actions"]["added"] and not diff["actions"]["removed"] and not diff["indicators"]["added"]
    assert not diff["indicators"]["replaced"] and not diff["statuses"]["added"]
    label = "CM · Plan d'action Alliance 8.7 2021-2025"
    assert diff["totals"]["before"][label]["estimated"] == 560000 and diff["totals"]["after"][label]["estimated"] == 570000
    assert diff["totals"]["after"][label]["gap"] == 545000
    assert con.execute("SELECT count(*) FROM versions").fetchone()[0] == 3, "a preview writes nothing"
    loaded = loaders.ingest(con, "cm.xlsx", data, actor=ADMIN)
    assert loaded.status == "loaded" and loaded.version == 4
    assert con.execute("SELECT estimated_cost FROM actions WHERE action_code = '1.1.1'").fetchone()[0] == 30000


@pytest.mark.parametrize("making", [marked.marked, marked.marked_apart], ids=["here", "in-a-process-of-its-own"])
def test_the_marked_workbook_has_a_fill_and_a_comment_on_exactly_the_faulty_cells(making):
    bad = xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1.1", "A", "-3", ""],
                                  ["CM", "P", "1", "Axe", None, None, "1.2", "B", "douze", "50"],
                                  ["CM", "P", "1", "Axe", None, None, "1.3", "C", "10", "20"])})
    report = loaders.ingest(fresh(), "faux.xlsx", bad, actor=ADMIN)
    assert report.status == "rejected"
    book = load_workbook(io.BytesIO(making("faux.xlsx", bad, report.issues)))
    sheet = book["Plan"]
    flagged = {c.coordinate for row in sheet.iter_rows() for c in row if c.comment is not None}
    assert flagged == {i.cell for i in report.issues} == {"I2", "I3", "J4"}
    for cell in flagged:
        assert sheet[cell].fill.fgColor.rgb.endswith(("F4B6B6", "FCD9A8"))
        assert "—" in sheet[cell].comment.text  # French, then English
    assert sheet["I2"].fill.fgColor.rgb.endswith("F4B6B6") and sheet["J4"].fill.fgColor.rgb.endswith("FCD9A8")
    assert sheet["A2"].comment is None and sheet["A2"].value == "CM"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "loaders", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_the_command_line_template_export_preview_and_marked_file(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    assert run("ingest", *map(str, SHIPPED), "--db", db).returncode == 0
    blank = tmp_path / "modele.xlsx"
    assert run("template", "--lang", "en", "-o", str(blank)).returncode == 0
    assert load_workbook(blank).sheetnames[1:4] == ["Plan", "Indicators", "Progress"]
    exported = tmp_path / "cm.xlsx"
    result = run("export", "--country", "CM", "--db", db, "-o", str(exported))
    assert result.returncode == 0, result.stderr
    con = duckdb.connect(db)
    changed = tmp_path / "cm_change.xlsx"
    changed.write_bytes(_cm_current_with_cost(con, "1.1.1", 30000))
    con.close()
    preview = run("ingest", str(changed), "--db", db, "--dry-run", "--json")
    assert preview.returncode == 0, preview.stderr
    diff = json.loads(preview.stdout)["diff"]
    assert [(c["code"], c["field"], c["old"], c["new"]) for c in diff["actions"]["changed"]] == [
        ("1.1.1", "estimated_cost", 20000.0, 30000.0)]
    text = run("ingest", str(changed), "--db", db, "--dry-run")
    assert "~ action 1.1.1 (CM · Plan d'action Alliance 8.7 2021-2025) estimated_cost : 20000.0 → 30000.0" in text.stdout
    unchanged = run("ingest", str(exported), "--db", db, "--json")
    assert json.loads(unchanged.stdout)["no_change"] is True
    bad = tmp_path / "faux.xlsx"
    bad.write_bytes(xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1.1", "A", "-3", ""])}))
    out = tmp_path / "faux_marque.xlsx"
    assert run("ingest", str(bad), "--db", db, "--marked", str(out)).returncode == 1
    assert load_workbook(out)["Plan"]["I2"].comment is not None
    assert run("export", "--country", "ZZ", "--db", db, "-o", str(tmp_path / "z.xlsx")).returncode == 1


def test_a_preview_made_stale_by_another_load_is_recomputed_not_applied(tmp_path, monkeypatch):
    """On the page: check a file, let another version land, press Load: nothing is
    written, the preview is shown again, and a second Load writes it."""
    from dashboard import access, db
    from tests.test_pages import app

    monkeypatch.setattr(db, "DEFAULT_DB", tmp_path / "stale.duckdb")
    db.drop_answers()
    try:
        at = app("pages/upload.py")
        mine = xlsx({"Plan": plan_rows(["CM", "Plan à jour", "1", "Axe", None, None, "1", "A", "100", ""])})
        at.session_state["previews"] = []
        grant = access.grant(access.User("local", "local"), "load")
        base = db.latest_version()
        preview = db.load_file(grant, "a_jour.xlsx", mine, dry_run=True)
        at.session_state["previews"] = [{"name": "a_jour.xlsx", "data": mine, "report": preview, "base": base}]
        at.run()
        assert at.button(key="load")
        other = xlsx({"Plan": plan_rows(["CI", "Autre plan", "1", "Axe", None, None, "1", "B", "5", ""])})
        assert db.load_file(grant, "autre.xlsx", other).status == "loaded"  # lands between preview and confirm
        versions = db.latest_version()
        at.button(key="load").click().run()
        assert db.latest_version() == versions, "a stale preview is never applied"
        assert any("une autre version a été chargée depuis l'aperçu" in w.value for w in at.warning)
        at.button(key="load").click().run()
        assert db.latest_version() == versions + 1
        assert any("a_jour.xlsx : chargé, version" in re.sub(r"\\(.)", r"\1", s.value) for s in at.success)
    finally:
        db.drop_answers()


def test_since_the_last_meeting_shows_what_changed_between_two_versions():
    from loaders import history

    con = fresh()
    loaders.sync_shipped(con)
    data = _cm_current_with_cost(con, "1.1.1", 30000)
    assert loaders.ingest(con, "cm.xlsx", data, actor=ADMIN).version == 4
    changes = history.between(con, 3, 4)
    assert [(c["code"], c["field"], c["old"], c["new"]) for c in changes["actions"]["changed"]] == [
        ("1.1.1", "estimated_cost", 20000.0, 30000.0)]
    label = "CM · Plan d'action Alliance 8.7 2021-2025"
    before, after = changes["totals"]["before"][label], changes["totals"]["after"][label]
    assert (before["estimated"], after["estimated"]) == (560000.0, 570000.0)
    axis = "Lutte contre le travail des enfants"
    assert before["by_axis"][axis]["gap"] + 10000 == after["by_axis"][axis]["gap"]
    assert before["by_axis"][axis]["coverage"] > after["by_axis"][axis]["coverage"]
    since_start = history.between(con, 0, 3)
    assert len(since_start["actions"]["added"]) == 107 and len(since_start["indicators"]["added"]) == 53
    assert history.between(con, 4, 4)["actions"] == {"added": [], "removed": [], "changed": []}


def test_the_versions_page_compares_two_versions():
    from tests.test_pages import app

    at = app("pages/versions.py")
    assert not at.exception
    assert any(s.value == "Depuis la dernière réunion" for s in at.subheader)
    at.selectbox(key="since_a").set_value(1).run()
    at.selectbox(key="since_b").set_value(3).run()
    assert any("Lignes de plan (actions ou activités) : 77 ajoutée(s)" in m.value for m in at.markdown)


def test_the_command_line_dry_run_lists_the_same_changes_as_the_page(tmp_path):
    import os

    from dashboard import access, db
    from dashboard.i18n import TEXT
    from tests.test_pages import app

    at = app("pages/upload.py")
    with db.database().cursor() as cursor:
        data = _cm_current_with_cost(cursor, "1.2.1", 45000)
    grant = access.grant(access.User("local", "local"), "load")
    report = db.load_file(grant, "cm.xlsx", data, dry_run=True)
    at.session_state["previews"] = [{"name": "cm.xlsx", "data": data, "report": report,
                                     "base": db.latest_version()}]
    at.run()
    page_rows = at.dataframe[0].value  # the first preview table: actions changed
    fields = {entry["fr"]: key.removeprefix("field_") for key, entry in TEXT.items() if key.startswith("field_")}
    on_page = [(row["Code"], fields.get(row["Champ"], row["Champ"]), re.sub(r"\D", "", row["Avant"]),
                re.sub(r"\D", "", row["Après"])) for _, row in page_rows.iterrows()]
    changed = tmp_path / "cm.xlsx"
    changed.write_bytes(data)
    result = run("ingest", str(changed), "--db", os.environ["DASHBOARD_DB"], "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    diff = json.loads(result.stdout)["diff"]
    in_cli = [(c["code"], c["field"], str(int(c["old"])), str(int(c["new"]))) for c in diff["actions"]["changed"]]
    assert on_page == in_cli and len(in_cli) == 1 and in_cli[0][0] == "1.2.1"


@pytest.fixture
def own_versions(tmp_path, monkeypatch):
    from tests.test_pages import own_database

    yield from own_database(tmp_path / "versions.duckdb", monkeypatch, {})


def test_a_comparison_of_two_versions_is_worked_out_once_then_again_after_a_load(own_versions, monkeypatch):
    # Across many versions a comparison takes seconds: a click elsewhere on the page must
    # not redo it; a load must (its numbers may move on).
    from dashboard import access, db
    from loaders import history
    from tests.test_pages import app

    from dashboard import preview

    worked_out, shaped = [], []
    between = history.between
    monkeypatch.setattr(history, "between", lambda con, a, b: worked_out.append((a, b)) or between(con, a, b))
    # Its tables are shaped (8 000 cells formatted, at scale) once too.
    shown = preview._shown
    monkeypatch.setattr(preview, "_shown", lambda rows, columns: shaped.append(len(rows)) or shown(rows, columns))
    at = app("pages/versions.py")
    # Each version reads as its number, its file and the day it was loaded.
    first_label = at.selectbox(key="since_a").options[0]
    assert first_label.startswith("1 · ") and first_label.count(" · ") == 2, first_label
    at.selectbox(key="since_a").set_value(1).run()
    at.selectbox(key="since_b").set_value(3).run()
    at.selectbox(key="version_pick").set_value(2).run()
    assert worked_out.count((1, 3)) == 1
    assert any("Lignes de plan (actions ou activités) : 77 ajoutée(s)" in m.value for m in at.markdown)
    tables = len(shaped)
    assert tables >= 2, "the 77 actions added and the counts added are tables"
    at.run()
    at.selectbox(key="version_pick").set_value(1).run()
    assert len(shaped) == tables and len(at.dataframe) >= tables
    grant = access.grant(access.User("local", "local"), "load")
    with db.database().cursor() as cursor:
        data = _cm_current_with_cost(cursor, "1.1.1", 30000)
    assert db.load_file(grant, "cm.xlsx", data).status == "loaded"
    at.run()
    assert worked_out.count((1, 3)) == 2 and len(shaped) > tables  # shaped anew from the new comparison
    at.selectbox(key="since_a").set_value(3).run()
    at.selectbox(key="since_b").set_value(4).run()
    assert any("1 modifiée(s)" in m.value for m in at.markdown), [m.value for m in at.markdown][:6]
