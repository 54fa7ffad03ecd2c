"""Sign-in for real: a local OpenID Connect provider (oidc-provider-mock on 127.0.0.1),
the app started with `streamlit run --secrets.files` on a test secrets.toml, and
Debian's chromium signing in as a viewer, a focal point and an administrator.

Each role sees and may do what `[access]` gives it, and nothing more; every step leaves
its audit row; sign-out works; with `view = "signed-in"` nothing shows before sign-in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser import ARTIFACTS, ROOT, background, free_port, open_page, settle, streamlit_app
from tests.workbooks import plan_rows, xlsx

CM_WORKBOOK = ROOT / "data" / "cameroun_plan_alliance87_2021-2025.xlsx"
CI_WORKBOOK = ROOT / "data" / "cote_divoire_feuille_de_route_2021.xlsx"


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    port = free_port()
    with background([sys.executable, "-m", "oidc_provider_mock", "-p", str(port), "-H", "127.0.0.1"],
                    tmp_path_factory.mktemp("oidc") / "oidc.log",
                    f"http://127.0.0.1:{port}/.well-known/openid-configuration"):
        yield f"http://127.0.0.1:{port}"


def secrets_file(folder: Path, provider: str, app_port: int, view: str) -> Path:
    path = folder / "secrets.toml"
    path.write_text(f"""
[auth]
redirect_uri = "http://localhost:{app_port}/oauth2callback"
cookie_secret = "a-test-cookie-secret-that-is-long-enough"
client_id = "dashboard-tests"
client_secret = "not-a-real-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[access]
view = "{view}"
admins = ["admin@example.org"]
[access.focal_points]
CM = ["Amina@Example.org"]
""", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("signin") / "app.duckdb"


@pytest.fixture(scope="module")
def server(provider, database, tmp_path_factory):
    port = free_port()
    folder = tmp_path_factory.mktemp("secrets")
    with streamlit_app(database, folder, port, secrets_file(folder, provider, port, "public")) as base:
        yield base


@pytest.fixture
def context(browser) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1440, "height": 1800}, accept_downloads=True)
    yield context
    context.close()


def sign_in(context: BrowserContext, base: str, email: str) -> Page:
    page = context.new_page()
    open_page(page, base)
    page.get_by_role("button", name="Se connecter").first.click()
    page.wait_for_selector('input[name="sub"]', timeout=60_000)  # the provider's own page
    page.fill('input[name="sub"]', email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{base}/**", timeout=60_000)
    settle(page)
    page.wait_for_selector(f"text=Connecté : {email.lower()}", timeout=60_000)
    return page


def navigation(page: Page) -> list[str]:
    """The page titles in the sidebar (each link's text starts with its icon's name)."""
    return [link.inner_text().strip().splitlines()[-1] for link in
            page.locator('[data-testid="stSidebarNavLink"]').all()]


def audit_rows(database: Path) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "loaders", "audit", "--db", str(database), "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def versions(database: Path) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "loaders", "versions", "--db", str(database), "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=180)
    return [json.loads(line) for line in result.stdout.splitlines()]


def upload(page: Page, file: Path) -> None:
    """Check the file, then load it when the check allows."""
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(file))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector(f"text={file.name} :", timeout=60_000)
    settle(page)
    if page.get_by_role("button", name="Charger", exact=True).count():
        page.get_by_role("button", name="Charger", exact=True).click()


def test_a_viewer_sees_the_dashboards_and_no_upload_control(server, context, database):
    page = sign_in(context, server, "viewer@example.org")
    assert "lecteur" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert "Charger des données" not in navigation(page) and "Journal d'audit" not in navigation(page)
    assert "Versions" not in navigation(page)
    assert page.locator('[data-testid="stMetricValue"]').count() > 0
    open_page(page, f"{server}/upload")
    assert page.locator('[data-testid="stFileUploader"]').count() == 0
    assert page.get_by_role("button", name="Charger", exact=True).count() == 0
    assert page.get_by_text("Page not found").count() == 1, "the upload page does not exist for a viewer"
    page.screenshot(path=str(ARTIFACTS / "signin_viewer.png"), full_page=True)
    open_page(page, server)
    page.get_by_role("button", name="Se déconnecter").click()
    # Streamlit ends the provider's session too (RP-initiated logout): confirm there, come back.
    page.get_by_role("button", name="End session").click(timeout=60_000)
    page.wait_for_url(f"{server}/**", timeout=60_000)
    settle(page)
    page.wait_for_selector("text=Non connecté.", timeout=60_000)
    assert page.get_by_role("button", name="Se connecter").count() == 1
    actions = [(r["who"], r["action"]) for r in audit_rows(database)]
    assert ("viewer@example.org", "sign_in") in actions and ("viewer@example.org", "sign_out") in actions


def test_a_focal_point_loads_her_country_and_is_refused_another(server, context, database, tmp_path):
    page = sign_in(context, server, "amina@example.org")
    open_page(page, f"{server}/upload")
    assert "Vos pays : CM" in page.locator('[data-testid="stSidebar"]').inner_text()
    mine = tmp_path / "plan_cm_point_focal.xlsx"
    mine.write_bytes(xlsx({"Plan": plan_rows(["CM", "Plan du point focal", "1", "Axe", None, None, "1", "A",
                                              "4321", ""])}))
    upload(page, mine)
    try:
        page.wait_for_selector("text=plan_cm_point_focal.xlsx : chargé, version", timeout=60_000)
    finally:
        page.screenshot(path=str(ARTIFACTS / "signin_focal_point_load.png"), full_page=True)
    before = versions(database)
    open_page(page, f"{server}/upload")
    theirs = tmp_path / "plan_ci.xlsx"
    theirs.write_bytes(xlsx({"Plan": plan_rows(["CM", "Plan du point focal", "1", "Axe", None, None, "1", "A",
                                                "4321", ""],
                                               ["CI", "Autre plan", "1", "Axe", None, None, "1", "B", "10", ""])}))
    upload(page, theirs)
    page.wait_for_selector("text=plan_ci.xlsx : refusé", timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "signin_focal_point.png"), full_page=True)
    assert page.get_by_text("plan_ci.xlsx, feuille « Plan », ligne 3 : cette ligne est pour le pays CI, qui n'est pas "
                            "le vôtre (CM)", exact=False).count() == 1
    page.screenshot(path=str(ARTIFACTS / "signin_focal_point.png"), full_page=True)
    assert versions(database) == before, "a refused file changes nothing"
    assert [v["loaded_by"] for v in before if v["file_name"] == mine.name] == ["amina@example.org"]
    rows = [(r["who"], r["action"], r["outcome"]) for r in audit_rows(database)]
    assert ("amina@example.org", "dry_run", "checked") in rows and ("amina@example.org", "load", "loaded") in rows
    assert ("amina@example.org", "dry_run", "rejected") in rows, "the refused file was stopped at its check"
    open_page(page, f"{server}/versions")
    assert page.get_by_role("button", name="Restaurer", exact=False).count() == 0, "restore is an admin's"
    assert page.get_by_text("cote_divoire_partenariat_cpc_2022.xlsx").count() == 0, "only her countries' versions"
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger le fichier d'origine").click()
    assert Path(download.value.path()).read_bytes() == mine.read_bytes()
    assert ("amina@example.org", "download_original", "done") in [
        (r["who"], r["action"], r["outcome"]) for r in audit_rows(database)]


def test_an_admin_restores_and_reads_the_audit_trail(server, context, database):
    page = sign_in(context, server, "admin@example.org")
    assert "Journal d'audit" in navigation(page)
    open_page(page, f"{server}/versions")
    page.get_by_role("button", name="Restaurer la version", exact=False).click()
    page.get_by_role("button", name="Confirmer la restauration").click()
    page.wait_for_selector("text=restaurée comme version", timeout=60_000)
    restored = [v for v in versions(database) if v["action"] == "restore"]
    assert restored and restored[-1]["loaded_by"] == "admin@example.org"
    open_page(page, f"{server}/audit")
    assert page.get_by_text("Journal d'audit", exact=True).count() >= 1
    page.screenshot(path=str(ARTIFACTS / "signin_admin_audit.png"), full_page=True)
    rows = [(r["who"], r["role"], r["action"], r["outcome"]) for r in audit_rows(database)]
    assert ("admin@example.org", "admin", "sign_in", "done") in rows
    assert ("admin@example.org", "admin", "restore", "loaded") in rows


def test_signed_in_view_shows_nothing_before_sign_in(provider, browser, tmp_path):
    port = free_port()
    secrets = secrets_file(tmp_path, provider, port, "signed-in")
    with streamlit_app(tmp_path / "private.duckdb", tmp_path, port, secrets) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            open_page(page, f"{base}/funding?country=Cameroun+%2F+Cameroon")
            text = page.locator("body").inner_text()
            assert "Ce tableau de bord est réservé aux personnes connectées" in text
            assert page.locator('[data-testid="stMetricValue"]').count() == 0
            assert "Filtres" not in text and "Cameroun" not in text and "560" not in text
            page = sign_in(context, base, "viewer@example.org")
            assert page.locator('[data-testid="stMetricValue"]').count() > 0
        finally:
            context.close()
