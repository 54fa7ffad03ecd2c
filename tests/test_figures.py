"""Figures a donor can quote: every number on screen is one the sources state.

On the shipped data, in French and English: Côte d'Ivoire's costs read "to be defined",
a compact's illustrative activities are never added to a plan's actions, no page shows a
sum of counts that no source states, filter options hold no `nan`, the year filter
changes the funding figures and says how, the data issues are those of the current
data after a restore, tables speak the chosen language, and every page either applies
each sidebar filter or says that it ignores it.
"""

from __future__ import annotations

import base64
import json
import math
import re

import numpy as np
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from tests.test_pages import PAGES, app, metrics, no_failure

CI = ["Côte d’Ivoire"]
CM = ["Cameroun / Cameroon"]


def english(page: str | None = None, **filters) -> AppTest:
    """The app opened from a link in English (the switch writes its label in the link)."""
    return app(page, lang="English", **filters)


def display_values(element) -> list[list[str]]:
    """What a styled table shows, cell by cell (Streamlit sends the Styler's display values)."""
    raw = element.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(raw).read_all().to_pandas().astype(str).values.tolist() if raw else []


def _values(encoded) -> list:
    """Plotly's JSON may carry an array as base64 (`{"dtype", "bdata"}`)."""
    if isinstance(encoded, dict):
        return np.frombuffer(base64.b64decode(encoded["bdata"]), dtype=encoded["dtype"]).tolist()
    return list(encoded)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def page_text(at: AppTest) -> str:
    """Everything a page shows, as text: cards, sentences, tables (data and display
    values), chart data, and the option labels of its widgets."""
    parts = [f"{m.label}={m.value}" for m in at.metric]
    for kind in ("markdown", "caption", "info", "warning", "success", "error", "subheader", "title"):
        parts += [unescape(e.value) for e in getattr(at, kind)]
    for table in at.dataframe:
        parts.append(table.value.to_csv(index=False))
        parts += ["|".join(row) for row in display_values(table)]
    parts += [chart.proto.spec for chart in at.get("plotly_chart")]
    return "\n".join(parts)


def shows_number(text: str, number: int) -> bool:
    digits = str(number)
    pattern = r"(?<![\d.,\u202f\u00a0])" + r"[\s\u202f\u00a0,.]?".join(digits) + r"(?![\d])"
    return re.search(pattern, text) is not None


# --- Côte d'Ivoire: costs to be defined, kinds apart -------------------------------------

def test_cote_divoire_costs_read_to_be_defined_never_zero():
    at = app(country=CI)
    no_failure(at)
    values = metrics(at)
    assert all(values[k] == "À définir" for k in ("Coût estimé", "Fonds disponibles", "Besoin de financement",
                                                  "Couverture"))
    assert values["Fonds non alloués"] == "10\xa0M\xa0$US"
    assert any("23 actions et 54 activités illustratives ne sont pas encore chiffrées" in m.value
               for m in at.markdown)
    at = english(country=CI)
    english_values = metrics(at)
    assert english_values["Estimated cost"] == "To be defined" and english_values["Funding gap"] == "To be defined"
    assert english_values["Unallocated funds"] == "US$10M"
    assert any("23 actions and 54 illustrative activities not yet costed" in m.value for m in at.markdown)
    assert not any(v in ("0\xa0$US", "US$0") for v in english_values.values())


def test_a_compacts_activities_are_counted_apart_from_actions():
    at = app(country=CI)
    values = metrics(at)
    assert values["Actions"] == "23" and values["Activités illustratives"] == "54"
    assert values["Actions à chiffrer"] == "23" and values["Activités à chiffrer"] == "54"
    for page in PAGES:
        shown = app(page, country=CI)
        no_failure(shown)
        assert not shows_number(page_text(shown), 77), page
    progress = app("pages/progress.py", country=CI)
    assert metrics(progress)["Sans statut · activités illustratives"] == "54"
    assert metrics(progress)["Sans statut"] == "17"


def test_mixed_costed_and_not_costed_says_both():
    at = app()
    assert metrics(at)["Coût estimé"] == "560\u202f000\xa0$US"
    assert any("560 000 \\$US" in m.value and "23 actions et 54 activités illustratives" in m.value
               for m in at.markdown)
    funding = app("pages/funding.py", country=CI)
    no_failure(funding)
    assert any(s.value == "À chiffrer : 23 actions et 54 activités illustratives" for s in funding.subheader)


def test_an_axis_with_nothing_costed_is_not_a_bar_of_zero():
    funding = app("pages/funding.py")
    figure = json.loads(funding.get("plotly_chart")[0].proto.spec)  # by axis: the roadmap's priorities
    notes = [a["text"] for a in figure["layout"].get("annotations", [])]
    assert notes.count("à chiffrer (4)") + notes.count("à chiffrer (5)") + notes.count("à chiffrer (7)") >= 4, notes
    estimated = dict(zip(figure["data"][0]["y"], _values(figure["data"][0]["x"])))
    not_costed = [a["y"] for a in figure["layout"]["annotations"] if a["text"].startswith("à chiffrer")]
    assert not_costed and all(math.isnan(estimated[label]) for label in not_costed), "no bar of 0"
    funding.segmented_control(key="breakdown").set_value("country").run()
    table = funding.dataframe[1].value.set_index("Pays")
    # Blank, never 0 (a column with gaps is shown as its formatted text).
    assert table.loc["Côte d’Ivoire", ["Coût estimé", "Fonds disponibles", "Besoin de financement"]].tolist() == [
        "", "", ""]
    assert table.loc["Cameroun", "Coût estimé"] == "560\u202f000"
    assert table.loc["Côte d’Ivoire", "Actions"] == 23 and table.loc["Côte d’Ivoire", "Activités illustratives"] == 54


# --- counts that no source states -----------------------------------------------------------

@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_page_adds_counts_of_different_sources(language):
    for page in PAGES:
        at = english(page) if language == "en" else app(page)
        no_failure(at)
        text = page_text(at)
        assert not shows_number(text, 2367), page  # 1 250 + 603 + 237 + 277 persons arrested
        assert not shows_number(text, 5889), page  # 3 057 + 1 857 + 975 victims rescued


def test_several_sources_are_each_shown_with_their_source():
    at = app(country=CI)
    assert metrics(at)["Arrestations"] == "4 chiffres"
    line = next(unescape(c.value) for c in at.caption if "Personnes arrêtées" in c.value).replace("\u202f", " ")
    for figure in ("1 250", "603", "237", "277"):
        assert figure in line
    assert "non additionnés" in line
    enforcement = app("pages/enforcement.py", country=CI)
    chain = json.loads(enforcement.get("plotly_chart")[0].proto.spec)
    drawn = sorted(v for trace in chain["data"]
                   for v in _values(trace["x"] if trace.get("orientation") == "h" else trace["y"]))
    assert drawn == [46, 98, 109, 237, 277, 603, 1250]


def test_a_stated_total_or_declared_parts_make_one_figure():
    at = app(country=CI)
    values = metrics(at)
    assert values["Poursuites"] == "109" and values["Enquêtes"] == "98" and values["Condamnations"] == "46"


# --- filters ----------------------------------------------------------------------------------

def test_filter_options_hold_no_nan():
    at = app()
    for key in ("axis", "effect", "lead", "partner", "plan"):
        options = at.multiselect(key=key).options
        assert options and not any("nan" in option.lower().split() for option in options), key
        assert not any(option.startswith("nan ·") for option in options)


def test_the_year_filter_changes_funding_and_says_how():
    all_years = metrics(app("pages/funding.py", country=CM))
    year_2021 = app("pages/funding.py", country=CM, year=["2021"])
    no_failure(year_2021)
    assert metrics(year_2021)["Coût estimé"] != all_years["Coût estimé"]
    assert any("Années 2021 : actions prévues dans au moins un semestre de ces années" in c.value
               for c in year_2021.caption)
    overview = app(country=CI, year=["2023"])
    assert any("23 action(s) sans calendrier semestriel" in c.value or "23 action" in c.value and "laissées de côté"
               in c.value for c in overview.caption)
    in_english = english("pages/funding.py", country=CM, year=["2021"])
    assert any("Years 2021: actions scheduled in at least one semester" in c.value for c in in_english.caption)


FILTER_VALUES = {
    "country": CM, "plan": ["Feuille de route de la Task force Alliance 8.7 (2021)"],
    "axis": ["3 · Prévention de la traite, protection des victimes, répression des auteurs de la traite des êtres "
             "humains et production des données"],
    "effect": None,  # the first effect coded 1.1, read from the filter's options
    "lead": ["MINTSS"], "partner": ["BIT"], "priority": ["élevée / high"], "year": ["2021"],
}
FILTER_LABELS = {"country": "Pays", "plan": "Plan", "axis": "Axe", "effect": "Effet", "lead": "Responsable principal",
                 "partner": "Partenaire", "priority": "Priorité", "year": "Années"}


def _fingerprint(at: AppTest) -> str:
    return "\n".join(line for line in page_text(at).splitlines() if "Sans effet sur cette page" not in line)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_applies_each_filter_or_says_it_ignores_it(page):
    first = app(page)
    baseline = _fingerprint(first)
    effect = next(o for o in first.multiselect(key="effect").options if o.startswith("1.1 ·"))
    for key, value in {**FILTER_VALUES, "effect": [effect]}.items():
        at = app(page, **{key: value})
        no_failure(at)
        assert at.multiselect(key=key).value, f"{key} was not set from the link"
        applied = _fingerprint(at) != baseline
        said = any(c.value.startswith("Sans effet sur cette page") and FILTER_LABELS[key] in c.value
                   for c in at.caption)
        assert applied or said, f"{page} neither applies nor names the filter {key}"


# --- data issues of the current data ----------------------------------------------------------

def test_data_issues_are_those_of_the_current_data_after_a_restore(tmp_path, monkeypatch):
    import io

    import duckdb
    from openpyxl import load_workbook

    import loaders
    from loaders.shipped import DATA_DIR

    con = duckdb.connect(":memory:")
    loaders.ensure_schema(con)
    loaders.sync_shipped(con)
    assert con.execute("SELECT count(*) FROM data_issues").fetchone()[0] == 3
    workbook = load_workbook(DATA_DIR / "cameroun_plan_alliance87_2021-2025.xlsx")
    sheet = workbook["Plan"]
    code = next(c for row in sheet.iter_rows() for c in row if c.value == "1.1.1")
    header = next(row for row in sheet.iter_rows() if any(c.value == "Coût estimé" for c in row))
    cost = sheet.cell(code.row, next(c.column for c in header if c.value == "Coût estimé"))
    assert cost.value == "20 000"
    cost.value = "25 000"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert loaders.ingest(con, "plan_cm_v2.xlsx", buffer.getvalue(), loaded_by="test").status == "loaded"
    assert loaders.restore(con, 1, loaded_by="test").status == "loaded"
    issues = con.execute("SELECT file, message_en FROM data_issues ORDER BY 1, 2").fetchall()
    assert len(issues) == 3, issues
    assert len({message for _, message in issues}) == 3


# --- language of tables -------------------------------------------------------------------------

ENGLISH_CODES = {"short", "medium", "long", "high", "low", "in_progress", "not_started", "completed", "planned",
                 "to_be_defined", "costed", "pooled", "total", "all", "children", "adults", "None", "nan", "NaT",
                 "compact", "warning", "error"}


def _cells(at: AppTest) -> set[str]:
    cells = set()
    for table in at.dataframe:
        for row in display_values(table):
            cells |= {cell.strip() for cell in row}
        for column in table.value.columns:
            cells |= {str(v) for v in table.value[column].tolist() if isinstance(v, str)}
            # The grid draws a missing value as "None" whatever the display value says.
            if table.value[column].isna().any():
                cells.add("None")
    return cells


@pytest.mark.parametrize("page", PAGES)
def test_french_tables_hold_no_english_codes_and_french_numbers(page):
    at = app(page)
    cells = _cells(at)
    assert not cells & ENGLISH_CODES, (page, cells & ENGLISH_CODES)
    assert not any(re.fullmatch(r"\d{1,3}(,\d{3})+", c) for c in cells), page


def test_numbers_in_tables_follow_the_language():
    at = app("pages/funding.py", country=CM)
    french = {c for row in display_values(at.dataframe[0]) for c in row}
    assert "535\u202f000" in french or "17\u202f500" in french
    english_cells = {c for row in display_values(english("pages/funding.py", country=CM).dataframe[0]) for c in row}
    assert "17,500" in english_cells and not any("\u202f" in c for c in english_cells)
    cpc = app("pages/funding.py", country=CI)
    assert any("10\u202f000\u202f000" in line or "10 000 000" in line for line in page_text(cpc).splitlines())


# --- restore asks first, and shows the new version at once ------------------------------------

def test_restore_asks_for_confirmation_then_shows_the_new_version():
    at = app("pages/versions.py")
    before = len(at.dataframe[0].value)
    at.selectbox(key="version_pick").set_value(1).run()
    at.button(key="restore").click().run()
    no_failure(at)
    text = " ".join(unescape(m.value) for m in at.markdown)
    assert "Restaurer la version 1 (cameroun_plan_alliance87_2021-2025.xlsx)" in text
    assert "le plan « Plan d'action Alliance 8.7 2021-2025 » (Cameroun), aujourd'hui celui de la version" in text
    assert len(at.dataframe[0].value) == before, "nothing is restored before the confirmation"
    at.button(key="restore_confirm").click().run()
    no_failure(at)
    versions = at.dataframe[0].value
    assert len(versions) == before + 1 and versions["Version"].iloc[0] == before + 1
    assert any(f"Version 1 restaurée comme version {before + 1}" in unescape(s.value) for s in at.success)


def test_the_gap_treemap_boxes_add_up_to_the_ranked_actions():
    """Each box of the gap tree is the sum of the boxes in it, its leaves are the
    actions of the ranked table that have a gap, and the whole is their sum."""
    at = app("pages/funding.py")
    no_failure(at)
    tree = next(json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")
                if json.loads(c.proto.spec)["data"][0]["type"] == "treemap")
    ids, parents, values = tree["ids"], tree["parents"], _values(tree["values"])
    children: dict[str, float] = {}
    for parent, value in zip(parents, values):
        children[parent] = children.get(parent, 0.0) + value
    for box, value in zip(ids, values):
        if box in children:
            assert math.isclose(children[box], value, rel_tol=1e-9), box
    leaves = sorted(v for box, v in zip(ids, values) if box not in children)
    ranked = at.dataframe[0].value
    gaps = sorted(float(g) for g in ranked["Besoin de financement"] if g > 0)
    assert len(ranked) < 100 and len(leaves) == len(gaps) > 10
    assert all(math.isclose(a, b) for a, b in zip(leaves, gaps))
    assert math.isclose(values[parents.index("")], sum(gaps))
    assert "id=" not in tree["hovertemplate"]


def test_the_gap_treemap_keeps_two_effects_of_one_name_and_a_slash_apart():
    import pandas as pd

    from dashboard import charts

    frame = pd.DataFrame({"axis": ["Axe 1", "Axe 2", "Axe 2", None], "effect": ["Capacités", "Capacités", "A/B", None],
                          "action": ["1.1 · Former", "2.1 · Former", "2.2 · Relier", "3.1 · <b>Sans axe</b>"],
                          "gap": [100.0, 50.0, 25.0, 5.0]})
    tree = charts.gap_treemap.__wrapped__(frame, "T", "USD").to_dict()["data"][0]
    boxes = dict(zip(tree["ids"], zip(tree["labels"], tree["parents"], tree["values"])))
    effects = [(label, value) for label, parent, value in boxes.values() if parent in {
        b for b, (_, p, _) in boxes.items() if p == "r"}]
    assert sorted(effects) == [("A/B", 25.0), ("Capacités", 50.0), ("Capacités", 100.0), ("—", 5.0)]
    assert len(tree["ids"]) == len(set(tree["ids"])) == 4 + 4 + 3 + 1
    assert "3.1 · ‹b›Sans axe‹/b›" in tree["labels"]  # workbook text never becomes markup
