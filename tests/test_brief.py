"""The country brief: PDF and PowerPoint, from the button's code and the command line.

The PDF is read back with poppler's pdftotext and pdftoppm, the deck with python-pptx;
both must carry Cameroon's four funding figures as the pages show them, the
enforcement caveat, and one picture per chart. Workbook text never becomes markup.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation

from dashboard import brief
from dashboard.brief.content import Brief, Section, Table, gather
from dashboard.i18n import t
from dashboard.scope import Scope

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts" / "brief"
CAMEROON = Scope(countries=("CM",))
FIGURES = {"fr": ["560 000", "25 000", "535 000", "4,5 %"], "en": ["US$560,000", "US$25,000", "US$535,000", "4.5%"]}


def words(text: str) -> str:
    """Text with every kind of space as one plain space (the PDF's line breaks too)."""
    return re.sub(r"\s+", " ", text)


def pdf_text(path: Path) -> str:
    return words(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                check=True).stdout)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Cameroon's brief in both languages and both formats, made once."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = {}
    for language in ("fr", "en"):
        for fmt in ("pdf", "pptx"):
            steps = []
            data = brief.make(CAMEROON, "USD", 1.08, language, fmt, lambda step, detail: steps.append(step))
            assert steps[0] == "figures" and steps[-1] == "document" and "charts" in steps
            path = ARTIFACTS / f"cameroon-{language}.{fmt}"
            path.write_bytes(data)
            out[language, fmt] = path
    return out


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pdf_carries_the_funding_figures_and_the_caveat(made, language):
    text = pdf_text(made[language, "pdf"])
    for figure in FIGURES[language]:
        assert figure in text, (figure, language)
    assert words(t("enf_caveat", language)) in text
    assert "Cameroun" in text if language == "fr" else "Cameroon" in text
    # The ten largest gaps, first of all 3.2.2's 100 000.
    assert "3.2.2" in text and ("100 000" in text if language == "fr" else "US$100,000" in text)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_pdf_pages_render_to_images(made, language, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(made[language, "pdf"]), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 2 <= len(pages) <= 6, "a few A4 pages"
    from PIL import Image

    for page in pages:
        image = Image.open(page).convert("L")
        assert image.width < image.height, "portrait A4"
        assert image.getextrema()[0] < 100, f"{page.name} has dark text on it"


def deck_texts(path: Path) -> str:
    texts = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return words(" ".join(texts))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_deck_has_the_same_figures_and_one_picture_per_chart(made, language):
    text = deck_texts(made[language, "pptx"])
    for figure in FIGURES[language]:
        assert figure in text, (figure, language)
    assert words(t("enf_caveat", language)) in text
    content = gather(CAMEROON, "USD", 1.08, language)
    charts = sum(len(section.charts) for section in content.sections)
    pictures = [shape for slide in Presentation(str(made[language, "pptx"])).slides for shape in slide.shapes
                if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert charts >= 2 and len(pictures) == charts


def test_not_costed_plan_reads_to_be_defined_never_zero():
    content = gather(Scope(countries=("CI",), plans=("Feuille de route de la Task force Alliance 8.7 (2021)",)),
                     "USD", 1.08, "fr")
    funding = content.sections[0]
    assert [value for _, value in funding.cards] == ["À définir"] * 4
    assert any("23 actions" in line for line in funding.lines)


def test_workbook_text_never_becomes_markup_or_a_link():
    hostile = '<img src=x onerror=alert(1)> =HYPERLINK("http://evil.example","x") \x0b'
    content = Brief("fr", "Note", hostile, [hostile], [Section(hostile, cards=[(hostile, hostile)], lines=[hostile],
                                                                 tables=[Table([hostile], [[hostile]])],
                                                                 notes=[hostile])])
    from dashboard.brief import deck, pdf

    page = pdf.html_of(content, [])
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    data = deck.write(content, [])
    path = Path(os.environ["DASHBOARD_DB"]).parent / "hostile.pptx"
    path.write_bytes(data)
    presentation = Presentation(str(path))
    for slide in presentation.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else (
                [c.text_frame for r in shape.table.rows for c in r.cells] if shape.has_table else [])
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.hyperlink.address is None
    assert "=HYPERLINK" in deck_texts(path)  # shown as typed, as text


def test_command_line_writes_the_format_of_the_extension(tmp_path):
    for name in ("brief.pdf", "brief.pptx"):
        done = subprocess.run([sys.executable, "-m", "dashboard.brief", "--country", "CM", "--lang", "en",
                               "-o", str(tmp_path / name)], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert "US$560,000" in pdf_text(tmp_path / "brief.pdf")
    assert "US$560,000" in deck_texts(tmp_path / "brief.pptx")


@pytest.mark.parametrize("arguments, sentence", [
    (["--country", "XX", "-o", "x.pdf"], "no data for XX"),
    (["--country", "CM", "--plan", "Nope", "-o", "x.pdf"], "no plan named Nope"),
    (["--country", "CM", "-o", "x.docx"], "must end in .pdf or .pptx"),
])
def test_command_line_wrong_input_gets_one_sentence(arguments, sentence, tmp_path):
    done = subprocess.run([sys.executable, "-m", "dashboard.brief", *arguments], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 2 and sentence in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("x.*"))


def test_plan_option_narrows_the_brief(tmp_path):
    roadmap = "Feuille de route de la Task force Alliance 8.7 (2021)"
    done = subprocess.run([sys.executable, "-m", "dashboard.brief", "--country", "CI", "--plan", roadmap,
                           "-o", str(tmp_path / "ci.pdf")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "ci.pdf")
    assert roadmap in text and "Partenariat CPC" not in text


def test_sidebar_button_makes_the_brief_of_the_view(monkeypatch):
    from dashboard import turns
    from tests.test_pages import app, no_failure

    stepped = []
    step_aside = turns.step_aside
    monkeypatch.setattr(turns, "step_aside", lambda: stepped.append(1) or step_aside())
    at = app("pages/funding.py", country=["Cameroun / Cameroon"])
    assert not at.get("download_button") or all(b.proto.id != "brief_download" for b in at.get("download_button"))
    assert not stepped
    at.button(key="brief_make").click().run()
    no_failure(at)
    assert stepped == [1], "the brief kept its turn while a browser drew its charts"
    (wanted, data, name), = [at.session_state["_brief"]]
    assert data.startswith(b"%PDF") and name.startswith("note-pays-CM-") and name.endswith(".pdf")
    assert wanted[0] == CAMEROON
    assert any("brief_download" in b.proto.id for b in at.get("download_button"))
    # Another view is another brief: the one made is not offered for it.
    at.multiselect(key="country").set_value(["CI"]).run()
    assert not any("brief_download" in b.proto.id for b in at.get("download_button"))


# --- a country whose counts come from many sources ------------------------------------------

STAGES = ["Affaires ayant fait l'objet d'enquête", "Personnes arrêtées", "Personnes poursuivies",
          "Personnes condamnées"]
SOURCES = [f"Rapport du service {n}" for n in range(1, 14)]


def many_sources() -> bytes:
    """Senegal's 2030 chain as thirteen services report it: 52 figures, each split by sex."""
    from tests.workbooks import xlsx

    rows = [["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Valeur", "Source"]]
    for s, source in enumerate(SOURCES):
        for i, stage in enumerate(STAGES):
            total = 100 * (4 - i) + s
            rows += [["Sénégal", "2030-01-01", "2030-12-31", stage, sex, value, source]
                     for sex, value in (("Total", total), ("F", total // 3), ("M", total - total // 3))]
    return xlsx({"Indicateurs": rows})


@pytest.fixture
def senegal(tmp_path, monkeypatch):
    from tests.test_pages import own_database

    yield from own_database(tmp_path / "sources.duckdb", monkeypatch, {"services.xlsx": many_sources()})


def test_brief_of_many_sources_stays_a_few_pages_with_what_it_leaves_out_said(senegal, tmp_path):
    from dashboard.brief import content

    scope = Scope(countries=("SN",))
    sections = gather(scope, "USD", 1.08, "en").sections
    section = next(s for s in sections if s.title == t("page_enforcement", "en"))
    (chart,) = section.charts
    assert len([y for trace in chart.figure.data for y in trace.y]) == content.MOST_FIGURES
    assert "The enforcement chart shows 12 of 52 figures" in " ".join(section.notes)
    (table,) = section.tables
    assert len(table.rows) == content.LISTED
    assert "The table by sex shows 12 of 52 counts" in " ".join(section.notes)
    # On slides, the chart of twelve bars comes in bands a slide shows legibly.
    slides = legible_pictures(brief.make(scope, "USD", 1.08, "en", "pptx"))
    assert len(slides) > sum(len(s.charts) for s in sections)

    path = tmp_path / "senegal.pdf"
    path.write_bytes(brief.make(scope, "USD", 1.08, "fr", "pdf", lambda step, detail: None))
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                                                            check=True).stdout).group(1))
    assert pages <= 4, f"a brief of {pages} pages"
    # The section's heading stands on the page of its first chart, not alone at the foot of the one before.
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        if any(line.strip() == t("page_enforcement", "fr") for line in text.splitlines()):
            images = subprocess.run(["pdfimages", "-list", "-f", str(page), "-l", str(page), str(path)],
                                    capture_output=True, text=True, check=True).stdout.splitlines()[2:]
            assert images, f"the heading stands alone on page {page}"
            break
    else:
        pytest.fail("no page holds the enforcement heading")


def test_a_chart_of_rows_too_tall_for_a_slide_comes_in_bands_of_its_rows():
    from dashboard import charts
    from dashboard.brief.pictures import SLIDE_HEIGHT, bands

    frame = pd.DataFrame({"plan": [f"Plan {n:02d}" for n in range(26)] * 2, "status": ["done"] * 26 + ["late"] * 26,
                          "actions": list(range(26)) + [100] * 26})
    tall = charts.stacked_rows(frame, "plan", "actions", "status", "Statuts", "Actions",
                               {"done": "#2E8B57", "late": "#E07B00"})
    assert tall.layout.height > SLIDE_HEIGHT
    sent = tall.to_json()  # what every page showing this cached figure sends (from its stored dict)
    windows = bands(tall)
    assert [w.layout.title.text for w in windows] == [f"Statuts ({n}/3)" for n in (1, 2, 3)]
    assert {w.layout.height for w in windows} == {windows[0].layout.height} and windows[0].layout.height <= SLIDE_HEIGHT
    # 26 rows of 56 px: ten fit under 720 px, so three windows of nine rows (the last one's
    # ninth left empty), top to bottom, each row in one window only.
    assert [tuple(w.layout.yaxis.range) for w in windows] == [(n + 8.5, n - 0.5) for n in (0, 9, 18)]
    assert tall.to_json() == sent and tall.layout.yaxis.range is None, "the shared figure is unchanged"
    short = charts.stacked_rows(frame.head(5), "plan", "actions", "status", "Statuts", "Actions", {"done": "#2E8B57"})
    assert bands(short) == [short]
    upright = charts.bars(frame, "plan", "actions", "Actions", "Actions")
    assert bands(upright) == [upright], "only a chart of rows is cut"


@pytest.fixture
def thirty_plans(tmp_path, monkeypatch):
    from tests.test_crowded import many_plans
    from tests.test_pages import own_database

    yield from own_database(tmp_path / "plans.duckdb", monkeypatch, {"plans.xlsx": many_plans()})


def test_brief_of_thirty_plans_shows_every_chart_legibly_and_whole(thirty_plans, tmp_path):
    from dashboard.brief.pictures import PAGE_HEIGHT, SCALE

    scope = Scope(countries=("SN",))
    content = gather(scope, "USD", 1.08, "fr")
    data = brief.make(scope, "USD", 1.08, "fr", "pptx")
    pdf_path = tmp_path / "plans.pdf"
    pdf_path.write_bytes(brief.make(scope, "USD", 1.08, "fr", "pdf"))
    # On paper, the chart of 30 plans (1 840 px tall) comes in bands a page holds, none cut by a page break.
    images = [line.split() for line in subprocess.run(["pdfimages", "-list", str(pdf_path)], capture_output=True,
                                                      text=True, check=True).stdout.splitlines()[2:]]
    charts = sum(len(section.charts) for section in content.sections)
    assert len(images) > charts and max(int(image[4]) for image in images) <= PAGE_HEIGHT * SCALE
    assert len(legible_pictures(data)) > charts, "the chart of plans in bands"


def legible_pictures(deck: bytes) -> list:
    """The deck's pictures, each asserted legible: a chart's text (17 px) at 8 pt or more."""
    import io

    from PIL import Image

    from dashboard.brief.pictures import SCALE

    pictures = [shape for slide in Presentation(io.BytesIO(deck)).slides for shape in slide.shapes
                if shape.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    for picture in pictures:
        inches_per_px = picture.height / 914400 / (Image.open(io.BytesIO(picture.image.blob)).height / SCALE)
        assert inches_per_px * 17 * 72 >= 8, "text of 17 px reads at 8 pt or more on the slide"
    return pictures
