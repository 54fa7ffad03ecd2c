"""The dashboard in a real browser: Debian's chromium driven by Playwright, against
`streamlit run` on localhost with a database of its own.

Every page loads with no error element and its Plotly charts drawn; a screenshot of
each is saved in tests/artifacts/ to be looked at. Links carry the filters, the language
switch works, a focal point's upload is answered cell by cell, and an export carries
the active filters. Nothing is downloaded: chromium comes from Debian (scripts/test.sh).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page

from tests.browser import ARTIFACTS, ROOT, open_page, settle, streamlit_app
from tests.workbooks import plan_rows, xlsx

CHART_PAGES = {"": 0, "funding": 3, "schedule": 5, "enforcement": 3, "progress": 3, "trends": 0, "compare": 2,
               "meeting": 0, "data_quality": 0, "upload": 0, "versions": 0}


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser") / "app.duckdb"


@pytest.fixture(scope="module")
def server(database, tmp_path_factory):
    with streamlit_app(database, tmp_path_factory.mktemp("log")) as base:
        yield base


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 2400}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("path", list(CHART_PAGES))
def test_page_loads_with_charts_and_no_error(server, page, path):
    open_page(page, f"{server}/{path}", charts=CHART_PAGES[path])
    assert page.locator('[data-testid="stException"]').count() == 0
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("Filtres", exact=True).count() == 1, "the page runs inside app.py's frame"
    assert sidebar.get_by_text("Langue / Language", exact=True).count() == 1
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert page.locator('[data-testid="stPlotlyChart"]').count() == CHART_PAGES[path]
    for chart in page.locator('[data-testid="stPlotlyChart"]').all():  # each one drawn, not a blank frame
        assert chart.locator(".main-svg").count() >= 1
        assert chart.bounding_box()["height"] > 200
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{path or 'overview'}.png"), full_page=True)


def test_a_link_carries_filters_and_language(server, page):
    open_page(page, f"{server}/funding?country=Cameroun+%2F+Cameroon")
    assert "560\u202f000" in page.locator('[data-testid="stMetricValue"]').first.inner_text()
    page.get_by_text("English", exact=True).click()
    page.wait_for_function("() => window.location.search.includes('lang=English')", timeout=30_000)
    page.wait_for_selector("h1:has-text('Funding')", timeout=30_000)
    assert "country=Cameroun" in page.url  # the same filter value in either language
    assert "US$560,000" in page.locator('[data-testid="stMetricValue"]').first.inner_text()
    open_page(page, page.url)  # the copied link reopens the same view
    assert "US$560,000" in page.locator('[data-testid="stMetricValue"]').first.inner_text()


def test_upload_answers_every_wrong_cell_then_loads(server, page, tmp_path):
    bad = tmp_path / "plan_faux.xlsx"
    bad.write_bytes(xlsx({"Plan": plan_rows(["CM", "Essai", "1", "Axe", None, None, "1", "A", "-3", ""])}))
    good = tmp_path / "plan_essai.xlsx"
    good.write_bytes(xlsx({"Plan": plan_rows(["CM", "Essai", "1", "Axe", None, None, "1", "A", "700", ""])}))
    open_page(page, f"{server}/upload")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bad))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("text=plan_faux.xlsx : refusé", timeout=60_000)
    assert page.get_by_text("plan_faux.xlsx, feuille « Plan », cellule I2").count() == 1
    assert page.get_by_role("button", name="Charger", exact=True).count() == 0, "a rejected file cannot be loaded"
    open_page(page, f"{server}/upload")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(good))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("text=Ce que plan_essai.xlsx va changer", timeout=60_000)
    page.get_by_role("button", name="Charger", exact=True).click()
    page.wait_for_selector("text=chargé, version 4", timeout=60_000)
    open_page(page, f"{server}/?plan=Essai")
    assert "700" in page.locator('[data-testid="stMetricValue"]').first.inner_text()


def test_upload_of_many_wrong_cells_says_each_kind_once_and_lists_them_all(server, page, tmp_path):
    """Thirty wrong costs and a wrong mark: the first twenty sentences, errors first, then
    the count of the others, each kind once, and every one of them in the CSV."""
    rows = [["CM", "Essai", "1", "Axe", None, None, f"1.{n}", "A", "-3", ""] for n in range(1, 31)]
    rows.append(["CM", "Essai", "1", "Axe", None, None, "1.31", "A", "abc", ""])
    many = tmp_path / "plan_beaucoup.xlsx"
    many.write_bytes(xlsx({"Plan": plan_rows(*rows)}))
    open_page(page, f"{server}/upload")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(many))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("text=plan_beaucoup.xlsx : refusé (31 erreur(s))", timeout=60_000)
    page.wait_for_selector("text=… et 11 autres problèmes (11 erreur(s), 0 avertissement(s))", timeout=30_000)
    assert page.get_by_text("plan_beaucoup.xlsx, feuille « Plan », cellule").count() == 20
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)  # each kind once
    page.screenshot(path=str(ARTIFACTS / "upload-many-wrong-cells.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger la liste des problèmes (CSV)").click()
    listed = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert listed[0] == "Gravité,Feuille,Cellule,Message" and len(listed) == 1 + 31
    assert [line.split(",")[2] for line in listed[1:]] == [f"I{n}" for n in range(2, 33)]
    # Her own file back, every faulty cell marked (made in a process of its own: loaders.marked).
    with page.expect_download() as download:
        page.get_by_role("button", name="Mon fichier, cellules à corriger marquées").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))["Plan"]
    assert {c.coordinate for row in sheet.iter_rows() for c in row if c.comment} == {f"I{n}" for n in range(2, 33)}
    # The list is built on click, outside the page's run: still in the language shown.
    open_page(page, f"{server}/upload?lang=English")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(many))
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_selector("text=… and 11 more issues", timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the list of issues (CSV)").click()
    listed = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert listed[0] == "Severity,Sheet,Cell,Message" and len(listed) == 1 + 31
    assert listed[1] == ("error,Plan,I2,\"plan_beaucoup.xlsx, sheet 'Plan', cell I2: the amount '-3' is negative; "
                         "a cost or funding is 0 or more\"")


def test_export_carries_the_active_filters(server, page):
    open_page(page, f"{server}/funding?country=Cameroun+%2F+Cameroon")
    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button', has_text="CSV").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.startswith("# Pays: Cameroun\n")
    assert "3.2.2" in text and "Construire des centres" in text


def test_a_load_from_the_command_line_shows_on_the_open_page(server, database, page, tmp_path):
    """The app serves, the command line loads into the same file, and the page already
    open shows the new version on its next rerun, without a restart."""
    open_page(page, f"{server}/versions")
    page.wait_for_selector("text=Restaurer une version")
    workbook = tmp_path / "plan_ligne_de_commande.xlsx"
    workbook.write_bytes(xlsx({"Plan": plan_rows(["CM", "Par la ligne de commande", "1", "Axe", None, None, "1",
                                                  "A", "1234", ""])}))
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "loaders", "ingest", str(workbook), "--db", str(database),
                             "--json"], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "loaded" and time.monotonic() - started < 60
    page.get_by_role("button", name="Réinitialiser les filtres").click()  # any rerun of the open page
    page.wait_for_selector("text=plan_ligne_de_commande.xlsx", state="attached", timeout=30_000)
    assert page.get_by_text("cli:", exact=False).count() >= 1
    open_page(page, f"{server}/?plan=Par+la+ligne+de+commande")
    assert "1\u202f234" in page.locator('[data-testid="stMetricValue"]').first.inner_text()


def test_the_update_cycle_in_the_browser(server, page, tmp_path):
    """Download Cameroon's current workbook, change one cost with openpyxl, upload it,
    read the preview, confirm, and see the new figure on the funding page."""
    from openpyxl import load_workbook

    open_page(page, f"{server}/upload")
    page.get_by_label("Données actuelles du pays").click()
    page.get_by_role("option", name="Cameroun").click()
    page.wait_for_timeout(1000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger les données actuelles").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "donnees_CM.xlsx"
    book = load_workbook(saved)
    sheet = book["Plan"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("Code action")].value == "1.1.1")
    assert row[headers.index("Coût estimé")].value == 20000
    row[headers.index("Coût estimé")].value = 120000
    changed = tmp_path / "cameroun_mis_a_jour.xlsx"
    book.save(changed)
    open_page(page, f"{server}/upload")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(changed))
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_selector("text=Ce que cameroun_mis_a_jour.xlsx va changer", timeout=90_000)
    page.wait_for_selector("text=Lignes de plan (actions ou activités) : 0 ajoutée(s), 0 retirée(s), 1 modifiée(s)", timeout=30_000)
    settle(page)
    page.screenshot(path=str(ARTIFACTS / "update_cycle_preview.png"), full_page=True)
    page.get_by_role("button", name="Charger", exact=True).click()
    page.wait_for_selector("text=cameroun_mis_a_jour.xlsx : chargé, version", timeout=90_000)
    from urllib.parse import quote_plus

    plan = quote_plus("Plan d'action Alliance 8.7 2021-2025")
    open_page(page, f"{server}/funding?plan={plan}")
    assert "660\u202f000" in page.locator('[data-testid="stMetricValue"]').first.inner_text()  # 560 000 + 100 000


def test_meeting_mode_with_the_keyboard_on_a_projector(server, browser):
    """At 1280×720, with the link's filters: the arrow keys and a presenter's remote
    (PageDown/PageUp) step through the screens; each one is saved to be looked at."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        # Other tests of this module change Cameroon's data on this server: the meeting must show
        # the funding page's own figure for the same link, whatever it is now.
        link = "?country=Cameroun+%2F+Cameroon"
        open_page(page, f"{server}/funding{link}")
        estimated = page.locator('[data-testid="stMetricValue"]').first.inner_text()
        open_page(page, f"{server}/meeting{link}")
        assert page.locator('[data-testid="stSidebar"][aria-expanded="true"]').count() == 0, "sidebar collapsed"
        assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == estimated
        seen = []
        for key in ("Right", "PageDown", "Right", "Right"):
            seen.append(page.locator("h1").first.inner_text())
            # Every screen, not only the first: the frame's page config must not reopen it.
            assert page.locator('[data-testid="stSidebar"][aria-expanded="true"]').count() == 0, seen[-1]
            page.screenshot(path=str(ARTIFACTS / f"meeting_{len(seen)}.png"))
            page.locator("body").press(key if key != "Right" else "ArrowRight")
            page.wait_for_function("(t) => document.querySelector('h1') && document.querySelector('h1').innerText "
                                   "!== t", arg=seen[-1], timeout=30_000)
            settle(page)
        seen.append(page.locator("h1").first.inner_text())
        assert seen[0] == "Financement : où en est-on ?" and seen[1] == "Où le financement manque, par axe"
        assert seen[4] == "Avancement des actions" and len(set(seen)) == 5
        page.screenshot(path=str(ARTIFACTS / "meeting_5.png"))
        page.locator("body").press("ArrowLeft")
        page.wait_for_function("() => document.querySelector('h1').innerText.startsWith('Répression')",
                               timeout=30_000)
        page.locator("body").press("PageUp")
        page.wait_for_function("() => document.querySelector('h1').innerText.startsWith('Ce semestre')",
                               timeout=30_000)
    finally:
        context.close()
