"""Pages on data of another shape than the seeds: two effects of one plan bearing the
same name, a plan citing no document, more countries reporting the same period than a
legend can tell apart, more plans than a chart draws, and more countries side by side
than upright bars leave room for."""

from __future__ import annotations

import json

import pytest

from tests.test_brief import senegal  # noqa: F401 - a fixture: Senegal's chain from thirteen sources
from tests.test_pages import app, own_database
from tests.test_trends import values
from tests.workbooks import PLAN_HEADER, xlsx

COUNTRIES = ["Cameroun", "Côte d'Ivoire", "Sénégal", "Mali", "Burkina Faso", "Niger", "Togo", "Bénin", "Ghana"]


def plan() -> bytes:
    header = [*PLAN_HEADER, "2025-S1", "2025-S2"]
    rows = [header]
    for n in range(70):
        axis = 1 + n // 35
        rows.append(["Cameroun", "Plan jumeau", str(axis), f"Axe {'AB'[axis - 1]}", f"{axis}.1",
                     "Renforcement des capacités", f"{axis}.1.{n + 1}", f"Action {n}", "10", "5",
                     "X", "X" if n % 2 else ""])
    return xlsx({"Plan": rows})


def counts() -> bytes:
    rows = [["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Valeur", "Source"]]
    for i, country in enumerate(COUNTRIES):
        rows.append([country, "2030-01-01", "2030-12-31", "Affaires ayant fait l'objet d'enquête", "Total",
                     10 + i, "Rapport 2030"])
    return xlsx({"Indicateurs": rows})


def many_plans() -> bytes:
    rows = [PLAN_HEADER] + [["Sénégal", f"Plan {n:02d}", "1", "Axe", None, None, "1.1", "A", "10", "5"]
                            for n in range(1, 36)]
    statuses = [["Pays", "Plan", "Code action", "Date", "Statut"]] + [
        ["Sénégal", f"Plan {n:02d}", "1.1", "2025-06-30", "En cours"] for n in range(1, 36)]
    return xlsx({"Plan": rows, "Suivi": statuses})


@pytest.fixture
def crowded(tmp_path, monkeypatch):
    yield from own_database(tmp_path / "crowded.duckdb", monkeypatch, {
        "jumeau.xlsx": plan(), "huit.xlsx": counts(), "trente-cinq.xlsx": many_plans()})


def figures(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_two_effects_with_one_name_keep_a_row_each(crowded):
    at = app("pages/schedule.py", country="Cameroun / Cameroon", plan="Plan jumeau")
    assert not at.exception and not at.error
    gantt = figures(at)[0]
    rows = {y for trace in gantt["data"] for y in trace["y"]}
    assert rows == {"1.1 Renforcement des capacités (35 actions)", "2.1 Renforcement des capacités (35 actions)"}
    heatmap = figures(at)[1]
    assert sorted(heatmap["data"][0]["y"]) == sorted(rows)


def test_a_plan_citing_no_document_names_the_file_it_came_from(crowded):
    at = app("pages/schedule.py", country="Cameroun / Cameroon", plan="Plan jumeau")
    # A caption is Markdown: the file name's dot comes escaped.
    lines = [c.value.replace("\\", "") for c in at.caption]
    assert any(line.startswith("Source : jumeau.xlsx · version chargée le") for line in lines), lines


def test_more_countries_than_a_legend_tells_apart_label_their_own_bars(crowded):
    at = app("pages/enforcement.py")
    assert not at.exception and not at.error
    stages = next(f for f in figures(at) if "enquêtes" in f["layout"]["title"]["text"])
    assert len(stages["data"]) == 1 and not stages["data"][0].get("showlegend")
    labels = stages["data"][0]["y"]
    for country in ("Niger", "Togo", "Bénin"):
        assert any(label.endswith(f"{country} · 1 janv. 2030 – 31 déc. 2030") for label in labels), labels


def test_past_thirty_plans_the_progress_chart_says_how_many_it_leaves_out(crowded):
    at = app("pages/progress.py", country="Sénégal / Senegal")
    assert not at.exception and not at.error
    assert any(c.value == "30 plans dessinés sur 35 ; choisissez des pays pour voir les autres "
               "(les tableaux ci-dessous les contiennent tous)." for c in at.caption), [c.value for c in at.caption]
    by_plan = figures(at)[0]
    assert len({y for trace in by_plan["data"] for y in trace["y"]}) == 30
    # Drawn in a tall figure, the title stays in the top margin, above the first bar.
    assert by_plan["layout"]["title"]["y"] * by_plan["layout"]["height"] > by_plan["layout"]["height"] - 20


def test_many_countries_side_by_side_are_laid_down_the_side(crowded):
    at = app("pages/compare.py")
    assert not at.exception and not at.error
    drawn = {f["layout"]["title"]["text"]: f for f in figures(at)}
    investigated = drawn["Enquêtes"]["data"][0]
    assert investigated["orientation"] == "h" and len(investigated["y"]) > 8
    # Each value is written after its bar, inside the axis: a short bar's never runs
    # over the names.
    assert investigated["textposition"] == "outside"
    assert drawn["Enquêtes"]["layout"]["xaxis"]["range"][1] > 1.3 * max(values(investigated["x"]))
    # Three countries have plans: their coverage stands upright.
    assert drawn["Couverture"]["data"][0]["orientation"] == "v"


def many_issues() -> tuple[bytes, bytes]:
    """150 effects whose stated subtotal is wrong (150 warnings and 150 stated totals), and
    30 counts whose parts do not add up to their total."""
    rows = [PLAN_HEADER]
    for effect in range(1, 151):
        rows.append(["Togo", "Plan des écarts", "1", "Axe", f"1.{effect}", f"Effet {effect}", f"1.{effect}.1",
                     f"Action {effect}", "100", "10"])
        rows.append(["Togo", "Plan des écarts", "1", "Axe", f"1.{effect}", f"Sous-total effet 1.{effect}", None, None,
                     "90", None])
    counts = [["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Valeur", "Source"]]
    for month in range(1, 31):
        period = (f"2029-{(month - 1) % 12 + 1:02d}-01", f"2029-{(month - 1) % 12 + 1:02d}-28")
        source = f"Rapport {month}"
        counts += [["Togo", *period, "Personnes arrêtées", "Total", 100, source],
                   ["Togo", *period, "Personnes arrêtées", "F", 30, source],
                   ["Togo", *period, "Personnes arrêtées", "M", 60, source]]
    return xlsx({"Plan": rows}), xlsx({"Indicateurs": counts})


@pytest.fixture
def troubled(tmp_path, monkeypatch):
    plan_file, counts_file = many_issues()
    yield from own_database(tmp_path / "troubled.duckdb", monkeypatch,
                            {"ecarts.xlsx": plan_file, "parties.xlsx": counts_file})


def test_thousands_of_issues_are_paged_counted_and_searched(troubled):
    at = app("pages/data_quality.py", country="Togo")
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Avertissements"] == "180"  # 150 subtotals + 30 splits
    issues, totals, parts = at.dataframe[1].value, at.dataframe[2].value, at.dataframe[3].value
    assert len(issues) == 100 and len(totals) == 100 and len(parts) == 30
    captions = [c.value for c in at.caption]
    assert "Lignes 1 à 100 sur 180." in captions and "Lignes 1 à 100 sur 150." in captions
    # The second page of the issues, then a search: only what matches leaves the database.
    at.number_input(key="page-data_issues").set_value(2).run()
    assert len(at.dataframe[1].value) == 80
    at.text_input(key="search-data_issues").set_value("effet 1.149").run()
    found = at.dataframe[1].value
    assert found["Cellule"].tolist() == ["I299"]  # the cell that states the subtotal of effect 1.149
    # The splits are too many for sentences: a table, one row per split.
    assert not [m for m in at.markdown if "ne font pas le total" in m.value]
    assert parts.iloc[0, -1].startswith("parties.xlsx, feuille « Indicateurs », ligne 2 : les parties ne font pas")


def test_an_effect_numbered_differently_in_two_places_is_shown_without_a_number(crowded):
    # "Renforcement des capacités" is effect 1.1 and effect 2.1 of the same plan: the funding
    # chart sums it under its name, so neither number would be true of the whole bar.
    at = app("pages/funding.py", country="Cameroun / Cameroon", plan="Plan jumeau")
    assert not at.exception and not at.error
    by_effect = figures(at)[1]
    assert by_effect["data"][0]["customdata"] == ["Renforcement des capacités"]


def many_axes() -> bytes:
    """40 axes of one action each, the action of axis n costing 1 000 × n with 10 available;
    axes 38 to 40 not costed yet."""
    rows = [PLAN_HEADER] + [["Mali", "Plan aux quarante axes", str(n), f"Axe numéro {n}", None, None, f"{n}.1",
                             f"Action {n}", "A définir" if n > 37 else str(1000 * n), "10"] for n in range(1, 41)]
    return xlsx({"Plan": rows})


@pytest.fixture
def forty_axes(tmp_path, monkeypatch):
    yield from own_database(tmp_path / "axes.duckdb", monkeypatch, {"axes.xlsx": many_axes()})


def test_funding_draws_the_thirty_axes_with_the_largest_gaps_and_counts_the_others(forty_axes):
    at = app("pages/funding.py", country="Mali")
    assert not at.exception and not at.error
    by_axis = figures(at)[0]
    drawn = by_axis["data"][0]["customdata"]
    assert len(drawn) == 30 and drawn[0] == "37 · Axe numéro 37" and drawn[-1] == "8 · Axe numéro 8"
    assert "Les 30 axes aux plus grands besoins sur 40 sont dessinés ; choisissez des pays ou des plans pour voir " \
           "les autres." in [c.value for c in at.caption]
    # The three not costed yet come after every costed one: among the ten not drawn.
    assert not {"38 · Axe numéro 38", "39 · Axe numéro 39", "40 · Axe numéro 40"} & set(drawn)
    # The meeting's gap screen holds five, the largest gaps, and says so.
    meeting = app("pages/meeting.py", country="Mali")
    meeting.button(key="slide_next").click().run()
    assert figures(meeting)[0]["data"][0]["customdata"] == [f"{n} · Axe numéro {n}" for n in (37, 36, 35, 34, 33)]
    assert any(c.value.startswith("Les 5 axes aux plus grands besoins sur 40") for c in meeting.caption)
    # The brief draws the funding page's chart, and says the same.
    from dashboard.brief.content import _funding
    from dashboard.scope import Scope

    section = _funding(Scope(countries=("ML",)), "USD", 1.08, "fr")
    assert any(line.startswith("Les 30 axes aux plus grands besoins sur 40") for line in section.lines)


def two_chains() -> bytes:
    rows = [["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Valeur", "Source"]]
    stages = ["Affaires ayant fait l'objet d'enquête", "Personnes arrêtées", "Personnes poursuivies",
              "Personnes condamnées"]
    for country, base in (("Mali", 100), ("Togo", 200)):
        rows += [[country, "2031-01-01", "2031-12-31", stage, "Total", base - 10 * n, "Rapport 2031"]
                 for n, stage in enumerate(stages)]
    return xlsx({"Indicateurs": rows})


@pytest.fixture
def chains(tmp_path, monkeypatch):
    yield from own_database(tmp_path / "chains.duckdb", monkeypatch, {"chaines.xlsx": two_chains()})


def test_the_meeting_shows_whole_chains_country_by_country(chains):
    # Five bars stage by stage would be both countries' first two stages; country by
    # country, one whole chain, and the other counted.
    at = app("pages/meeting.py", country=["Mali", "Togo"])
    for _ in range(3):
        at.button(key="slide_next").click().run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Répression : les derniers chiffres"
    chain = figures(at)[0]["data"]
    assert len(chain) == 1 and len(chain[0]["y"]) == 4, chain
    assert [label.replace("<br>", " ") for label in chain[0]["y"]] == [
        "Affaires ayant fait l'objet d'enquête", "Personnes arrêtées", "Personnes poursuivies", "Personnes condamnées"]
    assert sorted(values(chain[0]["x"])) in ([70, 80, 90, 100], [170, 180, 190, 200])
    assert "… et 4 autre(s) chiffre(s), page Répression et assistance." in [c.value for c in at.caption]


def test_enforcement_page_says_how_many_counts_by_sex_it_leaves_out(senegal):
    at = app("pages/enforcement.py", country="Sénégal / Senegal")
    assert not at.exception and not at.error
    by_sex = figures(at)[-1]
    drawn = len({y for trace in by_sex["data"] for y in trace["y"]})
    hidden = [c.value for c in at.caption if c.value.startswith(f"{drawn} chiffres dessinés sur 52")]
    # The chain's 52 figures and the 52 counts by sex: each chart says what it leaves to the table.
    assert drawn < 52 and len(hidden) == 2, [c.value for c in at.caption]
