"""A shared server: who may do what, the audit trail, and workbook text that stays text.

Unit tests of the decisions (local or not, roles, malformed `[access]`), the loaders'
country check and audit rows, every page as a visitor who may not load, exports and
pages fed with hostile text. Sign-in itself is tested in a real browser
(tests/test_signin.py).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import access, db
from dashboard.scope import Scope
from dashboard.exports import csv_bytes, excel_bytes
from dashboard.ui import filter_lines
from loaders import audit, ingest, restore
from loaders.audit import Actor
from tests.conftest import dump
from tests.test_pages import PAGES, app
from tests.workbooks import plan_rows, xlsx

ROOT = Path(__file__).resolve().parent.parent
CM_WORKBOOK = ROOT / "data" / "cameroun_plan_alliance87_2021-2025.xlsx"
CI_WORKBOOK = ROOT / "data" / "cote_divoire_feuille_de_route_2021.xlsx"


# --- local or not --------------------------------------------------------------------------

@pytest.mark.parametrize("address,local", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("::ffff:127.0.0.1", True),
    ("10.0.0.5", False), ("192.168.1.20", False), ("8.8.8.8", False), ("::ffff:10.0.0.1", False),
    ("", False), (None, False), ("localhost", False), ("not an address", False)])
def test_only_a_loopback_client_is_local(address, local):
    assert access.is_loopback(address) is local
    user = access.resolve(False, access.AccessConfig(), address, None)
    assert access.may(user, "load") is local and access.may(user, "restore") is local


def test_a_request_through_a_proxy_is_not_local():
    assert access.address_of({"Host": "localhost:8501"}, "127.0.0.1") == "127.0.0.1"
    for header in ("X-Forwarded-For", "x-real-ip", "Forwarded"):
        assert access.address_of({header: "203.0.113.9"}, "127.0.0.1") is None
        assert not access.is_loopback(access.address_of({header: "127.0.0.1"}, "127.0.0.1"))


# --- roles ------------------------------------------------------------------------------------

SETTINGS = access.parse_access({"view": "public", "admins": ["Admin@Example.org"],
                                "focal_points": {"CM": ["amina@example.org"],
                                                 "CI": ["kouassi@example.org", "awa@example.org"]}})


def test_roles_from_access_with_emails_matched_case_insensitively():
    admin = access.resolve(True, SETTINGS, "10.0.0.5", "admin@example.org")
    focal = access.resolve(True, SETTINGS, "10.0.0.5", "amina@example.org")
    viewer = access.resolve(True, SETTINGS, "127.0.0.1", "someone@example.org")
    anonymous = access.resolve(True, SETTINGS, "127.0.0.1", None)
    assert (admin.role, focal.role, viewer.role, anonymous.role) == ("admin", "focal_point", "viewer", "anonymous")
    assert focal.countries == frozenset({"CM"}) and admin.countries is None
    assert [access.may(admin, a) for a in access.ACTIONS] == [True, True, True, True]
    assert [access.may(focal, a) for a in access.ACTIONS] == [True, False, False, True]
    assert not any(access.may(viewer, a) for a in access.ACTIONS)
    assert not any(access.may(anonymous, a) for a in access.ACTIONS), "a loopback address means nothing once signed in"
    assert anonymous.can_view
    private = access.parse_access({"view": "signed-in"})
    assert not access.resolve(True, private, None, None).can_view


def test_email_in_secrets_is_matched_whatever_its_case():
    settings = access.parse_access({"focal_points": {"CI": ["Awa@Example.ORG"]}})
    assert access.resolve(True, settings, None, "awa@example.org").countries == frozenset({"CI"})


@pytest.mark.parametrize("raw,expected", [
    ({"viewers": ["a@b.org"]}, "clé inconnue « viewers »"),
    ({"view": "everyone"}, "view = « everyone »"),
    ({"admins": ["not-an-email"]}, "« not-an-email » n'est pas une adresse électronique"),
    ({"admins": "a@b.org"}, "admins doit être une liste"),
    ({"focal_points": {"XX": ["a@b.org"]}}, "« XX » n'est pas un code pays"),
    ({"focal_points": {"CM": ["amina"]}}, "focal_points.CM : « amina » n'est pas une adresse"),
])
def test_a_malformed_access_section_is_one_sentence(raw, expected):
    with pytest.raises(access.AccessConfigError) as problem:
        access.parse_access(raw)
    assert expected in str(problem.value) and "\n" not in str(problem.value)


def test_a_malformed_access_stops_the_app_naming_the_line(tmp_path, monkeypatch):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\ncookie_secret = "x"\n'
                       'client_id = "x"\nclient_secret = "x"\n'
                       'server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"\n\n'
                       '[access]\nview = "public"\nadmins = ["admin@example.org"]\n[access.focal_points]\n'
                       'ZZ = ["amina@example.org"]\n', encoding="utf-8")
    monkeypatch.setattr(access, "_secrets_files", lambda: [secrets])
    monkeypatch.setattr(access, "_secrets", lambda: __import__("tomllib").loads(secrets.read_text()))
    at = app()
    assert not at.exception
    assert len(at.error) == 1 and "« ZZ » n'est pas un code pays" in at.error[0].value
    assert f"{secrets}, ligne/line 12" in at.error[0].value  # the line `ZZ = [...]`
    assert not at.metric and not at.get("plotly_chart"), "nothing else runs"


# --- every write needs a grant ----------------------------------------------------------------

def test_no_write_runs_without_a_grant():
    data = CM_WORKBOOK.read_bytes()
    viewer = access.resolve(True, SETTINGS, None, "someone@example.org")
    assert access.grant(viewer, "load") is None
    forged = access.Grant("load", Actor("mallory@example.org", "admin"), None, object())
    for attempt in (lambda: db.load_file(None, "x.xlsx", data), lambda: db.load_file(forged, "x.xlsx", data),
                    lambda: db.restore_version(None, 1), lambda: db.original_file(None, 1),
                    lambda: db.restore_version(access.grant(access.User("local", "local"), "load"), 1)):
        with pytest.raises(PermissionError):
            attempt()


def test_every_page_calls_writes_through_a_grant_only():
    """Static proof: the only calls to the writing functions pass a grant from access."""
    calls = re.compile(r"db\.(load_file|restore_version|original_file)\(([^,)]*)")
    for path in (ROOT / "pages").glob("*.py"):
        for name, first in calls.findall(path.read_text(encoding="utf-8")):
            assert first.strip() == "grant" or first.strip().startswith("access.grant(user"), (path.name, name, first)
    assert "import duckdb" not in "".join(p.read_text() for p in (ROOT / "pages").glob("*.py"))


@pytest.mark.parametrize("page", PAGES)
def test_a_visitor_from_another_address_sees_no_upload_control(page, monkeypatch):
    monkeypatch.setattr(access, "_client_address", lambda: "10.1.2.3")
    at = app(page)
    assert not at.exception
    assert not at.get("file_uploader"), page
    assert not [b for b in at.button if b.key in ("check", "load", "restore", "restore_confirm")], page
    assert not [b for b in at.get("download_button") if b.proto.id.endswith(("-template", "-current_data"))], page
    assert not [b for b in at.get("download_button") if b.proto.id.endswith("-original")], page
    assert any("Mode local" in c.value and "Consultation seulement" in c.value for c in at.sidebar.caption)
    if page in ("pages/upload.py", "pages/versions.py"):
        assert any("seul un navigateur ouvert sur le serveur lui-même peut charger" in i.value for i in at.info)


def test_the_server_s_own_browser_may_load_and_restore():
    at = app("pages/upload.py")
    assert at.get("file_uploader") and app("pages/versions.py").button(key="restore")
    assert any("ce navigateur est sur le serveur" in c.value.lower() for c in at.sidebar.caption)


# --- focal points: their countries only -----------------------------------------------------------

def test_a_focal_point_is_refused_a_file_with_another_country(con):
    ingest(con, CM_WORKBOOK.name, CM_WORKBOOK.read_bytes(), actor=Actor("amina@example.org", "focal_point"),
           countries=frozenset({"CM"}))
    before = dump(con)
    report = ingest(con, CI_WORKBOOK.name, CI_WORKBOOK.read_bytes(), actor=Actor("amina@example.org", "focal_point"),
                    countries=frozenset({"CM"}))
    assert report.status == "rejected" and dump(con) == before
    plan = next(i for i in report.errors if i.sheet == "Plan")
    assert plan.code == "other_country" and {i.sheet for i in report.errors} == {"Plan", "Indicateurs", "Suivi"}
    assert plan.message_en.startswith(f"{CI_WORKBOOK.name}, sheet 'Plan', row 5: this row is for country CI, "
                                      "which is not yours (CM); 23 row(s) of this sheet are for other countries")
    assert "cette ligne est pour le pays CI, qui n'est pas le vôtre (CM)" in plan.message_fr
    rows = audit.rows(con, who="amina@example.org")
    assert [(r["action"], r["outcome"], r["countries"]) for r in rows] == [
        ("load", "loaded", ["CM"]), ("load", "rejected", ["CI"])]


def test_a_mixed_file_is_refused_whole(con):
    mixed = xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "10", ""],
                                    ["CI", "Q", "1", "Axe", None, None, "1", "B", "10", ""])})
    report = ingest(con, "mixed.xlsx", mixed, actor=Actor("amina@example.org", "focal_point"),
                    countries=frozenset({"CM"}))
    assert report.status == "rejected"
    assert [(i.sheet, i.row) for i in report.errors] == [("Plan", 3)]
    assert con.execute("SELECT count(*) FROM versions").fetchone()[0] == 0


# --- the audit trail ------------------------------------------------------------------------------

def test_every_operation_leaves_one_audit_row(con):
    admin = Actor("admin@example.org", "admin")
    data = CM_WORKBOOK.read_bytes()
    ingest(con, "cm.xlsx", data, actor=admin, dry_run=True)
    ingest(con, "cm.xlsx", data, actor=admin)
    ingest(con, "cm.xlsx", data, actor=admin)
    ingest(con, "bad.xlsx", b"not a workbook", actor=admin)
    restore(con, 1, actor=admin)
    audit.record(con, admin, "download_original", "done", version=1, file_name="cm.xlsx")
    rows = audit.rows(con)
    assert [(r["action"], r["outcome"], r["version"]) for r in rows] == [
        ("dry_run", "checked", None), ("load", "loaded", 1), ("load", "unchanged", 1), ("load", "rejected", None),
        ("restore", "loaded", 2), ("download_original", "done", 1)]
    assert all(r["who"] == "admin@example.org" and r["role"] == "admin" for r in rows)
    assert rows[1]["sha256"] and rows[1]["file_name"] == "cm.xlsx" and rows[1]["countries"] == ["CM"]
    assert con.execute("SELECT loaded_by FROM versions ORDER BY version").fetchall() == [
        ("admin@example.org",), ("admin@example.org",)]


def test_no_code_path_updates_or_deletes_an_audit_row():
    pattern = re.compile(r"(UPDATE|DELETE\s+FROM|TRUNCATE|DROP\s+TABLE)\s+\"?audit_log", re.I)
    sources = [p for folder in ("loaders", "dashboard", "pages") for p in (ROOT / folder).glob("*.py")]
    sources.append(ROOT / "app.py")
    assert not [p.name for p in sources if pattern.search(p.read_text(encoding="utf-8"))]


def test_the_audit_page_is_for_administrators(monkeypatch):
    at = app("pages/audit.py")  # the server's own browser: local, every right
    assert not at.exception and at.title[0].value == "Journal d'audit"
    assert "Journal d'audit" in _navigation_titles(at)
    monkeypatch.setattr(access, "_client_address", lambda: "10.1.2.3")
    visitor = app()
    titles = _navigation_titles(visitor)
    assert "Vue d'ensemble" in titles and "Journal d'audit" not in titles


def test_the_audit_page_pages_the_trail_and_shows_each_new_row(tmp_path, monkeypatch):
    from tests.test_pages import own_database

    fixture = own_database(tmp_path / "trail.duckdb", monkeypatch, {})
    next(fixture)
    for n in range(130):
        db.record(Actor(f"person{n}@example.org", "viewer"), "sign_in")
    at = app("pages/audit.py")
    assert not at.exception and not at.error
    trail = at.dataframe[0].value
    assert len(trail) == 100 and trail["Qui"].iloc[0] == "person129@example.org"  # newest first
    assert any(c.value.startswith("Lignes 1 à 100 sur ") for c in at.caption)
    # A sign-in after the page was drawn shows on its next run (it clears no cached answer).
    db.record(Actor("late@example.org", "viewer"), "sign_in")
    at.run()
    assert at.dataframe[0].value["Qui"].iloc[0] == "late@example.org"
    at.selectbox(key="audit_who").set_value("person7@example.org").run()
    assert at.dataframe[0].value["Qui"].tolist() == ["person7@example.org"]
    next(fixture, None)


def test_an_audit_row_keeps_the_cached_answers_and_a_load_elsewhere_drops_them(tmp_path, monkeypatch):
    # Every sign-in and download writes an audit row, so the file changes; only a change of
    # the data (a load or restore, here or from the command line) may drop the answers.
    from tests.test_pages import own_database

    fixture = own_database(tmp_path / "answers.duckdb", monkeypatch, {})
    next(fixture)
    db.refresh()
    dropped = []
    real = db.drop_answers
    monkeypatch.setattr(db, "drop_answers", lambda: dropped.append(1) or real())
    db.record(Actor("someone@example.org", "viewer"), "sign_in")
    db.refresh()
    assert dropped == []
    with db.database().cursor() as cursor:  # as `python -m loaders ingest` writes: not through the app
        report = ingest(cursor, "p.xlsx", xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1.1", "A",
                                                                   "10", ""])}), loaded_by="cli")
    assert report.status == "loaded"
    db.refresh()
    assert dropped == [1]
    next(fixture, None)


def _navigation_titles(at) -> list[str]:
    """The pages st.navigation registered on the last run (AppTest keeps them)."""
    return [info.get("page_name") for info in at._registered_pages.values()]


# --- workbook text stays text --------------------------------------------------------------------

HOSTILE = {
    "formula": '=HYPERLINK("http://x","click")', "link": "[x](http://evil.example)",
    "image": "![](http://evil.example/p.png)", "html": "<img src=x onerror=alert(1)>", "bold": "**bold**",
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_exports_write_hostile_text_as_text(language, monkeypatch):
    from dashboard import i18n, ui

    monkeypatch.setattr(i18n, "lang", lambda: language)
    monkeypatch.setattr(ui, "lang", lambda: language)
    frame = pd.DataFrame({"action": list(HOSTILE.values()) + ["+1", "-2", "@SUM(A1)", "\tx", "\rx"]})
    sheet = load_workbook(io.BytesIO(excel_bytes(frame, filter_lines(Scope()), "Actions"))).worksheets[0]
    cells = [c for c in sheet["A"][1:]]
    assert all(c.data_type == "s" for c in cells)
    assert [c.value for c in cells][:5] == list(HOSTILE.values()), "shown exactly as typed"
    assert not any(c.hyperlink for c in cells)
    text = csv_bytes(frame, filter_lines(Scope())).decode("utf-8-sig")
    assert text.startswith("# Filtres actifs" if language == "fr" else "# Active filters")
    for line in text.splitlines()[3:]:
        assert not line.lstrip('"').startswith(("=", "+", "-", "@", "\t", "\r")), line


def test_pages_show_hostile_workbook_text_as_typed(tmp_path, monkeypatch):
    hostile = xlsx({"Plan": plan_rows(
        ["CM", HOSTILE["link"], "1", HOSTILE["image"], "1.1", HOSTILE["bold"], "1.1.1", HOSTILE["formula"], "10", "5"],
        [None, None, None, None, None, None, "1.1.2", HOSTILE["html"], "A définir", ""],
        header=["Pays", "Plan", "Code axe", "Axe", "Code effet", "Effet", "Code action", "Action", "Coût estimé",
                "Fonds disponibles"])})
    monkeypatch.setattr(db, "DEFAULT_DB", tmp_path / "hostile.duckdb")
    db.drop_answers()
    try:
        grant = access.grant(access.User("local", "local"), "load")
        at = app()
        report = db.load_file(grant, "[f](http://evil.example).xlsx", hostile)
        assert report.status == "loaded", [i.message_en for i in report.issues]
        from dashboard.safe import md

        overview = app(plan=[HOSTILE["link"]])
        assert overview.multiselect(key="plan").value == [HOSTILE["link"]]
        assert any(md(HOSTILE["link"]) in c.value for c in overview.caption), "the plan name is shown, escaped"
        assert any(HOSTILE["formula"] in str(v) for t in app("pages/funding.py", plan=[HOSTILE["link"]]).dataframe
                   for v in t.value.values.ravel()), "tables show the text as typed"
        for page in PAGES:
            at = app(page, plan=[HOSTILE["link"]])
            assert not at.exception, page
            for kind in ("markdown", "caption", "info", "warning", "success", "error", "subheader", "title"):
                for element in getattr(at, kind):
                    value = element.value
                    assert "[x](" not in value and "![](" not in value and "**bold**" not in value, (page, value)
                    assert "<img" not in value and "](http" not in value, (page, value)
            for metric in at.metric:
                assert "<img" not in metric.label and "](http" not in (metric.proto.help or ""), page
            for chart in at.get("plotly_chart"):
                assert "<img" not in chart.proto.spec and "\\u003cimg" not in chart.proto.spec, page
    finally:
        db.drop_answers()
