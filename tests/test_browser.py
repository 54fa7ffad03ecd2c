"""The dashboard in a real browser: Debian's chromium driven by Playwright, against
`streamlit run` on localhost with a database of its own.

Every page loads with no error element and its Plotly charts drawn; a screenshot of
each is saved in tests/artifacts/ to be looked at. Links carry the filters, the language
switch works, a focal point's upload is answered cell by cell, and an export carries
the active filters. Nothing is downloaded: chromium comes from Debian (scripts/test.sh).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.workbooks import plan_rows, xlsx

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHART_PAGES = {"": 0, "funding": 3, "schedule": 5, "enforcement": 3, "progress": 1, "data_quality": 0, "upload": 0}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    env = {**os.environ, "DASHBOARD_DB": str(tmp_path_factory.mktemp("browser") / "app.duckdb")}
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.terminate()
        pytest.fail("streamlit did not start")
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: scripts/test.sh installs it"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 2400}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


def open_page(page: Page, url: str, charts: int = 0) -> None:
    """Open `url` and wait until the app is idle and `charts` Plotly charts are drawn."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=90_000)
    page.wait_for_selector("h1", timeout=90_000)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count()
        drawn = page.locator('[data-testid="stPlotlyChart"] .main-svg').count()
        if not running and drawn >= charts and page.locator('[data-testid="stSkeleton"]').count() == 0:
            break
        time.sleep(0.25)
    time.sleep(0.5)


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
    page.get_by_role("button", name="Charger", exact=True).click()
    page.wait_for_selector("text=refusé", timeout=60_000)
    assert page.get_by_text("plan_faux.xlsx, feuille « Plan », cellule I2").count() == 1
    open_page(page, f"{server}/upload")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(good))
    page.get_by_role("button", name="Charger", exact=True).click()
    page.wait_for_selector("text=chargé, version 4", timeout=60_000)
    open_page(page, f"{server}/?plan=Essai")
    assert "700" in page.locator('[data-testid="stMetricValue"]').first.inner_text()


def test_export_carries_the_active_filters(server, page):
    open_page(page, f"{server}/funding?country=Cameroun+%2F+Cameroon")
    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button', has_text="CSV").first.click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.startswith("# Pays: Cameroun\n")
    assert "3.2.2" in text and "Construire des centres" in text
