"""Every page on a projector (1280x720) and a phone (390x844), in Debian's chromium.

Nothing may be cut: no metric value or label clipped with an ellipsis, no page wider
than the screen, no chart wider than its column, no chart text smaller than the body
text. A screenshot of each page at each size
is saved in tests/artifacts/screens/ to be looked at; the brief's button, on any page,
gives the PDF of the view.
"""

from __future__ import annotations

import subprocess
import tomllib

import pytest

from tests.browser import ARTIFACTS, ROOT, open_page, streamlit_app

SCREENS = {"projector": {"width": 1280, "height": 720}, "phone": {"width": 390, "height": 844}}
PAGES = {"overview": "", "overview_ci": "?country=C%C3%B4te+d%27Ivoire+%2F+Ivory+Coast", "funding": "funding",
         "schedule": "schedule", "enforcement": "enforcement", "progress": "progress", "trends": "trends",
         "compare": "compare", "meeting": "meeting", "data_quality": "data_quality", "upload": "upload",
         "versions": "versions"}

BODY = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]["baseFontSize"]  # px
CUT = """() => {
  const cut = [];
  for (const el of document.querySelectorAll(
      '[data-testid="stMetricValue"] *, [data-testid="stMetricValue"], [data-testid="stMetricLabel"] p')) {
    if (el.scrollWidth > el.clientWidth + 1) cut.push(el.innerText);
  }
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    const svg = chart.querySelector('.main-svg');
    if (svg && svg.getBoundingClientRect().width > chart.getBoundingClientRect().width + 1) cut.push('chart');
  }
  for (const text of document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg text')) {
    const size = parseFloat(getComputedStyle(text).fontSize);
    if (text.textContent.trim() && size < BODY) cut.push(`chart text at ${size}px: ${text.textContent.slice(0, 40)}`);
  }
  const main = document.querySelector('[data-testid="stMain"]') || document.scrollingElement;
  if (main.scrollWidth > main.clientWidth + 1) cut.push('page wider than the screen');
  return cut;
}""".replace("BODY", str(BODY))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with streamlit_app(tmp_path_factory.mktemp("screens") / "app.duckdb", tmp_path_factory.mktemp("log")) as base:
        yield base


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_page_fits_the_screen(server, browser, screen):
    context = browser.new_context(viewport=SCREENS[screen], accept_downloads=True)
    page = context.new_page()
    folder = ARTIFACTS / "screens" / screen
    folder.mkdir(parents=True, exist_ok=True)
    problems = {}
    try:
        for name, path in PAGES.items():
            open_page(page, f"{server}/{path}")
            page.wait_for_timeout(500)
            page.screenshot(path=str(folder / f"{name}.png"))  # what the screen shows first
            assert page.locator('[data-testid="stException"]').count() == 0, name
            cut = page.evaluate(CUT)
            if cut:
                problems[name] = cut
            # The whole page at the same width: the app scrolls inside its own frame, so the
            # window is made as tall as the page (the width, which decides what is cut, stays).
            tall = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
            page.set_viewport_size({"width": SCREENS[screen]["width"], "height": min(int(tall) + 50, 8000)})
            page.wait_for_timeout(700)
            page.screenshot(path=str(folder / f"{name}-whole.png"))
            cut = page.evaluate(CUT)
            if cut:
                problems[f"{name} (whole)"] = cut
            page.set_viewport_size(SCREENS[screen])
    finally:
        context.close()
    assert not problems, problems


def test_brief_from_the_sidebar_of_any_page(server, browser, tmp_path):
    context = browser.new_context(viewport=SCREENS["projector"], accept_downloads=True)
    page = context.new_page()
    try:
        open_page(page, f"{server}/progress?country=Cameroun+%2F+Cameroon")
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_role("button", name="Préparer la note").click()
        download_button = sidebar.locator('[data-testid="stDownloadButton"] button', has_text="Télécharger la note")
        download_button.wait_for(timeout=90_000)
        with page.expect_download() as download:
            download_button.click()
        assert download.value.suggested_filename.startswith("note-pays-CM-")
        pdf = tmp_path / "brief.pdf"
        download.value.save_as(str(pdf))
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert "560 000" in text and "4,5 %" in text
    finally:
        context.close()
