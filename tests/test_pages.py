"""Every page through streamlit.testing.v1.AppTest, on the shipped data: figures, filters, language."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")

PAGES = ["pages/overview.py", "pages/funding.py", "pages/schedule.py", "pages/enforcement.py",
         "pages/progress.py", "pages/trends.py", "pages/compare.py", "pages/meeting.py", "pages/data_quality.py",
         "pages/upload.py", "pages/versions.py"]
CM_AXIS_3 = ("Prévention de la traite, protection des victimes, répression des auteurs de la traite des êtres "
             "humains et production des données")
CI_ROADMAP = "Feuille de route de la Task force Alliance 8.7 (2021)"


def app(page: str | None = None, **filters) -> AppTest:
    """The app as opened from a link: URL parameters hold the filters as the sidebar
    shows them (Streamlit binds a multiselect to its displayed labels; translated
    names show both languages, so links do not depend on the language)."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in filters.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def own_database(path, monkeypatch, files: dict[str, bytes]):
    """The app on a database of its own at `path`: the shipped data, then `files` loaded
    as a local user would (a generator for a fixture: it yields once they are in)."""
    from dashboard import access, db

    monkeypatch.setattr(db, "DEFAULT_DB", path)
    db.drop_answers()
    grant = access.grant(access.User("local", "local"), "load")
    app()  # opens the database (and loads the shipped data)
    for name, data in files.items():
        assert db.load_file(grant, name, data).status == "loaded", name
    yield
    db.drop_answers()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def no_failure(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_error(page):
    at = app(page)
    no_failure(at)
    assert at.title, "each page has a title"


def test_overview_cameroon_funding_figures():
    at = app(country=["Cameroun / Cameroon"])
    no_failure(at)
    values = metrics(at)
    assert values["Coût estimé"] == "560\u202f000\xa0$US"
    assert values["Fonds disponibles"] == "25\u202f000\xa0$US"
    assert values["Besoin de financement"] == "535\u202f000\xa0$US"
    assert values["Couverture"] == "4,5\xa0%"
    assert values["Actions"] == "30" and values["Actions cumulées"] == "2"


def test_axis_filter_from_the_sidebar():
    at = app(country=["Cameroun / Cameroon"])
    at.multiselect(key="axis").set_value([CM_AXIS_3]).run()
    no_failure(at)
    assert metrics(at)["Coût estimé"] == "226\u202f000\xa0$US"
    # A shared link names the axis as the filter shows it.
    assert app(country=["Cameroun / Cameroon"], axis=[f"3 · {CM_AXIS_3}"]).metric[0].value == "226\u202f000\xa0$US"


def test_cote_divoire_roadmap_not_yet_costed():
    at = app(plan=[CI_ROADMAP])
    values = metrics(at)
    assert values["Actions à chiffrer"] == "23" and values["Actions"] == "23"
    assert values["Coût estimé"] == "À définir" and values["Couverture"] == "À définir"
    funding = app("pages/funding.py", plan=[CI_ROADMAP])
    no_failure(funding)
    assert any("Rien n'est encore chiffré dans ce périmètre (23 actions)" in i.value for i in funding.info)
    assert any(s.value == "À chiffrer : 23 actions" for s in funding.subheader)


def test_cote_divoire_2023_enforcement():
    at = app(country=["Côte d’Ivoire"])
    values = metrics(at)
    assert values["Poursuites"] == "109" and values["Condamnations"] == "46" and values["Enquêtes"] == "98"
    page = app("pages/enforcement.py", country=["Côte d’Ivoire"])
    no_failure(page)
    sources = page.dataframe[-1].value
    prosecuted = sources[sources["Indicateur"] == "Personnes poursuivies"]
    assert prosecuted["Valeur"].tolist() == [109]


def test_language_switch_to_english():
    # Widgets, not URL parameters: AppTest does not write widget changes back to its URL.
    at = app()
    at.multiselect(key="country").set_value(["CM"]).run()
    at.segmented_control(key="lang").set_value("en").run()
    no_failure(at)
    values = metrics(at)
    assert values["Estimated cost"] == "US$560,000" and values["Coverage"] == "4.5%"
    assert at.title[0].value == "Overview"
    # Each run reads the switch anew (i18n.shown): back to French in the same session.
    at.segmented_control(key="lang").set_value("fr").run()
    no_failure(at)
    assert at.title[0].value == "Vue d'ensemble"
    assert metrics(at)["Coût estimé"] == "560\u202f000\u00a0$US"


def test_a_filter_that_selects_nothing_gives_a_sentence():
    at = app(country=["Côte d’Ivoire"], priority=["faible / low"])
    no_failure(at)
    assert any("Aucune donnée ne correspond" in i.value for i in at.info)
    for page in ("pages/funding.py", "pages/schedule.py", "pages/progress.py"):
        other = app(page, country=["Côte d’Ivoire"], priority=["faible / low"])
        no_failure(other)
        assert any("Aucune donnée ne correspond" in i.value for i in other.info), page
    # Counts are not tied to actions: the enforcement page says which filters do not
    # apply to it, and a year with no count gives the sentence.
    enforcement = app("pages/enforcement.py", country=["Côte d’Ivoire"], priority=["faible / low"])
    assert any("Priorité" in c.value for c in enforcement.caption)
    empty_year = app("pages/enforcement.py", country=["Côte d’Ivoire"], year=["2021"])
    assert any("Aucune donnée ne correspond" in i.value for i in empty_year.info)


def test_reset_clears_every_filter():
    at = app()
    at.multiselect(key="country").set_value(["CM"]).run()
    at.multiselect(key="priority").set_value(["high"]).run()
    assert metrics(at)["Actions"] == "22"
    at.button[0].click().run()
    assert at.multiselect(key="country").value == [] and at.multiselect(key="priority").value == []
    assert metrics(at)["Actions"] == "53" and metrics(at)["Activités illustratives"] == "54"


def test_display_currency_converts_through_the_rates_file():
    at = app(country=["Cameroun / Cameroon"], currency="XOF", usd_per_eur="1.0")
    # 560 000 USD at 1 USD per EUR and 655.957 XOF per EUR.
    assert metrics(at)["Coût estimé"] == "367,3\xa0M\xa0F\u202fCFA"


def test_schedule_late_actions_and_horizons():
    at = app("pages/schedule.py", country=["Cameroun / Cameroon"])
    no_failure(at)
    at.date_input(key="as_of").set_value(__import__("datetime").date(2022, 1, 1)).run()
    late = at.dataframe[0].value
    # Planned to end before 2022 and not reported completed: 1.1.2, 1.1.4 and 1.3.5's first run ends later.
    assert set(late["Code"]) == {"1.1.2", "1.1.4"}
    roadmap = app("pages/schedule.py", plan=[CI_ROADMAP])
    no_failure(roadmap)
    assert any("horizon" in s.value for s in roadmap.subheader)


def test_progress_counts_and_missing_statuses():
    at = app("pages/progress.py", country=["Cameroun / Cameroon"])
    no_failure(at)
    values = metrics(at)
    # "3.2.2" names two actions of the plan: its reported status applies to both.
    assert values["En cours"] == "6" and values["Achevée"] == "1" and values["Planifiée"] == "1"
    assert values["Sans statut"] == "22"


def test_a_status_chart_names_the_reports_of_the_statuses_it_counts():
    """The year filter picks the statuses reported in those years: every shipped status
    is of 2023, so in 2022 each plan's actions are all "no status" and the line under
    each chart names its plan, not a 2023 report."""
    def sources(at):
        return sorted(c.value.replace("\\", "") for c in at.caption if c.value.startswith("Source"))

    reported = sources(app("pages/progress.py", year=["2023"]))
    assert any("Questionnaire annuel Alliance 8.7 Cameroun" in s and s.endswith("état au 30 avr. 2023")
               for s in reported)
    assert any("Rapport d'avancement Alliance 8.7 Côte d'Ivoire" in s and s.endswith("état au 31 déc. 2023")
               for s in reported)
    none_reported = sources(app("pages/progress.py", year=["2022"]))
    assert len(none_reported) == len(reported) == 3
    assert not any("état au" in s or "Rapport" in s or "Questionnaire" in s for s in none_reported)
    assert any("Plan d'action Alliance 8.7 Cameroun 2021-2025" in s for s in none_reported)
    assert any("Feuille de route Task force Alliance 8.7 Côte d'Ivoire" in s for s in none_reported)


def test_statuses_narrowed_to_the_plans_in_scope_first_give_the_same_rows():
    """Late actions and latest statuses rank only the statuses of the countries and plans
    in scope (scope.plan_where): the rows are those of every status, filtered after."""
    import datetime as dt

    from dashboard.listings import Listing, everything
    from dashboard.scope import Scope

    app()  # opens the shipped database
    plan = "Plan d'action Alliance 8.7 2021-2025"
    for kind, extra in (("late_actions", {"as_of": dt.date(2030, 1, 1)}), ("status", {}), ("no_status", {})):
        whole, _ = everything(Listing(kind, Scope(), **extra))
        for scope, keep in ((Scope(countries=("CM",)), whole["country"] == "CM"),
                            (Scope(countries=("CM",), plans=(plan,)), (whole["country"] == "CM") & (whole["plan"] == plan)),
                            (Scope(countries=("CI",)), whole["country"] == "CI")):
            narrowed, _ = everything(Listing(kind, scope, **extra))
            expected = whole[keep].reset_index(drop=True)
            assert len(expected) > 0 or kind == "no_status", (kind, scope)
            pd.testing.assert_frame_equal(narrowed.reset_index(drop=True), expected, check_dtype=False)


def test_data_quality_lists_issues_totals_and_aliases():
    at = app("pages/data_quality.py")
    no_failure(at)
    issues, totals, aliases = at.dataframe[1].value, at.dataframe[2].value, at.dataframe[3].value
    assert set(issues["Cellule"]) == {"G35", "M43", "29"}
    plan_total = totals[(totals["Niveau"] == "plan") & (totals["Pays"] == "Cameroun")]
    # Shown as formatted text: these columns have blanks (a subtotal may state no cost).
    assert plan_total["Coût indiqué"].tolist() == ["542\u202f000"]
    assert plan_total["Somme des actions"].tolist() in ([560000.0], ["560\u202f000"])
    assert "MINTESS" in set(aliases["Écrit"])


def test_funding_breakdown_by_lead_and_partner():
    at = app("pages/funding.py", country=["Cameroun / Cameroon"])
    no_failure(at)
    by_lead = at.dataframe[1].value.set_index("Responsable")  # after the table ranked by gap
    # 30 actions (2 pooled, so 28 costed), 1.2.5's MINTESS counted as MINTSS.
    assert by_lead.loc["MINTSS", "Actions"] == 30 and by_lead.loc["MINTSS", "Coût estimé"] == 560000.0
    at.segmented_control(key="breakdown").set_value("partners").run()
    by_partner = at.dataframe[1].value.set_index("Partenaires")
    assert by_partner.loc["BIT", "Actions"] == 12  # 11 costed, and 1 pooled whose cost another action carries


def test_meeting_mode_steps_through_one_message_per_screen():
    at = app("pages/meeting.py", country=["Cameroun / Cameroon"])
    no_failure(at)
    titles = []
    for _ in range(5):
        titles.append(at.title[0].value)
        no_failure(at)  # every screen, not only the first
        at.button(key="slide_next").click().run()
    assert titles == ["Financement : où en est-on ?", "Où le financement manque, par axe", titles[2],
                      "Répression : les derniers chiffres", "Avancement des actions"]
    assert titles[2].startswith("Ce semestre (")
    assert at.title[0].value == titles[0], "after the last screen comes the first"
    assert metrics(at)["Coût estimé"] == "560\u202f000\xa0$US"
    at.button(key="slide_back").click().run()
    assert at.title[0].value == "Avancement des actions" and metrics(at)["En cours"] == "6"


def test_a_meeting_screen_resizes_a_copy_never_the_shared_chart():
    import json

    at = app("pages/meeting.py", country=["Cameroun / Cameroon"])
    at.button(key="slide_next").click().run()
    no_failure(at)
    assert json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["height"] == 440
    funding = app("pages/funding.py", country=["Cameroun / Cameroon"])
    assert json.loads(funding.get("plotly_chart")[0].proto.spec)["layout"]["height"] != 440


def test_a_meeting_screen_holds_what_the_back_of_the_room_can_read():
    """With no filter the shipped plans have 11 axes and Côte d'Ivoire 7 enforcement
    figures: the gap screen draws the 5 largest gaps at its fixed height, largest first,
    the enforcement screen its first 5 figures, and each says what it leaves out."""
    import json
    import math

    at = app("pages/meeting.py")
    at.button(key="slide_next").click().run()
    no_failure(at)
    gap = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert gap["layout"]["height"] == 440
    drawn = gap["data"][0]["customdata"]
    assert len(drawn) == 5
    assert any(c.value == "Les 5 axes aux plus grands besoins sur 11 sont dessinés ; choisissez des pays ou des "
               "plans pour voir les autres." for c in at.caption)
    # The largest gaps, from the funding page's own figures: estimated less available.
    funding = app("pages/funding.py")
    by_axis = json.loads(funding.get("plotly_chart")[0].proto.spec)["data"]
    from tests.test_figures import _values

    estimated, available = ([math.nan if v is None else v for v in _values(bar["x"])] for bar in by_axis[:2])
    gaps = {label: float("-inf") if math.isnan(cost) else cost - (0 if math.isnan(funds) else funds)
            for label, cost, funds in zip(by_axis[0]["customdata"], estimated, available)}
    assert drawn[:3] == sorted(gaps, key=gaps.get, reverse=True)[:3]  # the costed ones, largest gap first
    assert all(gaps[label] == float("-inf") for label in drawn[3:])  # then the axes with nothing costed
    for _ in range(2):
        at.button(key="slide_next").click().run()
    no_failure(at)
    assert at.title[0].value == "Répression : les derniers chiffres"
    chain = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(chain["data"][0]["y"]) == 5
    # Said above the chart, before its source line: below them it fell under a projector's fold.
    captions = [c.value for c in at.main.caption]
    more = captions.index("… et 2 autre(s) chiffre(s), page Répression et assistance.")
    assert more < next(i for i, text in enumerate(captions) if text.startswith("Source"))


def test_a_table_of_text_is_sent_once_and_one_of_numbers_with_its_display_values():
    """A table whose cells all read as their value's own text (words, counts under a
    thousand) goes to the browser once; one with amounts or dates also carries each
    cell's text in the chosen language."""
    import pandas as pd

    def reads_as_itself(series) -> bool:
        if pd.api.types.is_string_dtype(series):
            return True
        return pd.api.types.is_integer_dtype(series) and bool(series.abs().lt(1000).all())

    at = app("pages/funding.py")
    kinds = set()
    for table in at.dataframe:
        plain = all(reads_as_itself(table.value[c]) for c in table.value.columns)
        assert bool(table.proto.arrow_data.styler.display_values) is not plain, list(table.value.columns)
        kinds.add(plain)
    assert kinds == {True, False}


def test_a_shared_table_is_converted_once_into_the_bytes_streamlit_makes(monkeypatch):
    """Every session draws the same shared tables: their data and display values are
    turned into Arrow on the first run only, and are exactly what Streamlit itself sends."""
    from streamlit import dataframe_util
    from streamlit.elements.lib import pandas_styler_utils

    from dashboard import db, ui

    def sent(at):
        return [(t.proto.arrow_data.data, t.proto.arrow_data.styler.display_values) for t in at.dataframe]

    db.drop_answers()
    conversions = []
    streamlit_bytes = ui._streamlit_arrow_bytes
    monkeypatch.setattr(ui, "_streamlit_arrow_bytes", lambda frame: conversions.append(1) or streamlit_bytes(frame))
    first = sent(app("pages/funding.py"))
    made = len(conversions)
    assert made >= len(first) + 1  # every table's data, and a table of amounts' display values
    second = sent(app("pages/funding.py"))
    assert len(conversions) == made and second == first
    # Streamlit's own functions, nothing shared: the same bytes.
    monkeypatch.setattr(dataframe_util, "convert_pandas_df_to_arrow_bytes", ui._arrow_once.__wrapped__)
    monkeypatch.setattr(pandas_styler_utils, "_marshall_display_values", ui._display_values_once.__wrapped__)
    db.drop_answers()
    assert sent(app("pages/funding.py")) == first


def test_pages_never_rely_on_magic():
    """`runner.magicEnabled = false` (.streamlit/config.toml): a bare value on its own line
    would silently show nothing, so no page has one."""
    import ast

    for path in [*Path("pages").glob("*.py"), Path("app.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Expr) and not isinstance(node.value, (ast.Call, ast.Await)):
                assert isinstance(node.value, ast.Constant) and isinstance(node.value.value, str), (path, node.lineno)


def test_amounts_with_blanks_read_as_their_text_never_none():
    """An amount column with blanks (nothing costed) is sent as its text: the grid must show
    that text and the blanks, not fail to read it as a number and draw "None"."""
    import json as json_

    at = app("pages/funding.py")
    breakdown = at.dataframe[1]
    estimated = next(c for c in breakdown.value.columns if c.startswith("Coût estimé"))
    assert "" in set(breakdown.value[estimated]) and "560\u202f000" in set(breakdown.value[estimated])
    config = json_.loads(breakdown.proto.columns)
    assert config[estimated]["type_config"]["type"] == "text" and config[estimated]["label"] == "Coût estimé (USD)"
    # Where every amount is known, the column stays a number (it sorts as one).
    ranked = at.dataframe[0]
    assert json_.loads(ranked.proto.columns)["Coût estimé"]["type_config"]["type"] == "number"
