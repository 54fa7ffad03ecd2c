"""Trends and countries side by side, on generated data: two countries reporting three
periods each, statuses at three dates, a plan loaded twice; one country reports nothing
for one indicator, which must read "not reported", never 0."""

from __future__ import annotations

import base64
import json

import numpy as np
import plotly.io
import pytest

from dashboard import access, db
from tests.test_pages import app, own_database
from tests.workbooks import plan_rows, xlsx

PERIODS = [("2022-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31"), ("2023-01-01", "2023-12-31")]
HEADER = ["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Valeur", "Source"]


def counts(country: str, indicators: dict[str, list[int]]) -> bytes:
    rows = [HEADER]
    for (start, end), n in zip(PERIODS, range(3)):
        for name, values in indicators.items():
            rows.append([country, start, end, name, "Total", values[n], "Rapport annuel"])
    return xlsx({"Indicateurs": rows})


def plan(country: str, cost: int) -> bytes:
    return xlsx({"Plan": plan_rows([country, f"Plan {country}", "1", "Axe", None, None, "1.1", "A", str(cost), "100"],
                                   [None, None, None, None, None, None, "1.2", "B", "1000", "500"]),
                 "Suivi": [["Pays", "Plan", "Code action", "Date", "Statut"],
                           [country, f"Plan {country}", "1.1", "2022-06-30", "Planifiée"],
                           [country, f"Plan {country}", "1.1", "2022-12-31", "En cours"],
                           [country, f"Plan {country}", "1.2", "2022-12-31", "En cours"],
                           [country, f"Plan {country}", "1.1", "2023-12-31", "Achevée"]]})


@pytest.fixture
def generated(tmp_path, monkeypatch):
    yield from own_database(tmp_path / "trends.duckdb", monkeypatch, {
        "cm_plan_v1.xlsx": plan("CM", 1000), "cm_plan_v2.xlsx": plan("CM", 4000), "sn_plan.xlsx": plan("SN", 2000),
        "cm_counts.xlsx": counts("CM", {"Personnes poursuivies": [10, 20, 30], "Personnes condamnées": [1, 2, 3]}),
        "sn_counts.xlsx": counts("SN", {"Personnes poursuivies": [5, 6, 7]})})


def test_trends_read_left_to_right_in_time_by_period_dates(generated):
    at = app("pages/trends.py", country=["Cameroun / Cameroon", "Sénégal / Senegal"])
    assert not at.exception and not at.error
    charts = {c.proto.id: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    prosecuted = next(f for f in charts.values() if f["layout"]["title"]["text"] == "Personnes poursuivies")
    order = prosecuted["layout"]["xaxis"]["categoryarray"]
    assert order == ["1 janv. 2022 – 30 juin 2022", "1 juil. 2022 – 31 déc. 2022", "1 janv. 2023 – 31 déc. 2023"]
    lines = {trace["name"]: trace for trace in prosecuted["data"]}
    # The chart's title names the indicator; each line names its country (and its
    # source only when a country reports the indicator in several).
    assert set(lines) == {"Cameroun", "Sénégal"}
    statuses = [f for f in charts.values() if f["layout"]["title"]["text"].startswith("Cameroun · Plan CM")]
    assert statuses and statuses[0]["layout"]["xaxis"]["categoryarray"] == ["30 juin 2022", "31 déc. 2022",
                                                                            "31 déc. 2023"]
    coverage = next(f for f in charts.values()
                    if f["layout"]["title"]["text"] == "Couverture du financement à chaque version chargée")
    assert [trace["name"] for trace in coverage["data"]] == ["Cameroun · Plan CM"]


def test_countries_side_by_side_say_not_reported_never_zero(generated):
    at = app("pages/compare.py", country=["Cameroun / Cameroon", "Sénégal / Senegal"])
    assert not at.exception and not at.error
    table = at.dataframe[0].value.set_index("Pays")
    assert table.loc["Sénégal", "Condamnations"] == "non rapporté"
    assert table.loc["Cameroun", "Condamnations"] == "3" and table.loc["Sénégal", "Poursuites"] == "7"
    assert table.loc["Sénégal", "Période"] == "1 janv. 2023 – 31 déc. 2023"
    assert "0" not in table.loc["Sénégal", ["Enquêtes", "Arrestations", "Condamnations"]].tolist()
    english = app("pages/compare.py", lang="English", country=["Cameroun / Cameroon", "Sénégal / Senegal"])
    assert english.dataframe[0].value.set_index("Country").loc["Senegal", "Persons convicted"] == "not reported"


def test_overview_puts_more_than_three_countries_in_one_table(generated):
    grant = access.grant(access.User("local", "local"), "load")
    loaded = db.load_file(grant, "bf_counts.xlsx", counts("BF", {"Personnes poursuivies": [4, 5, 6]}))
    assert loaded.status == "loaded"
    at = app()
    assert not at.exception and not at.error
    table = at.dataframe[0].value.set_index("Pays")
    assert sorted(table.index) == ["Burkina Faso", "Cameroun", "Côte d’Ivoire", "Sénégal"], list(table.index)
    # Each country's latest period; a stage it does not report reads "—", never 0.
    assert table.loc["Burkina Faso", "Poursuites"] == "6" and table.loc["Burkina Faso", "Condamnations"] == "—"
    assert table.loc["Cameroun", "Condamnations"] == "3" and table.loc["Sénégal", "Période"].startswith("1 janv. 2023")


def test_a_chart_is_built_once_shared_and_rebuilt_after_a_load(generated):
    from dashboard import figures
    from dashboard.scope import Scope

    def prosecuted(series):
        figure = next(f for key, f, _ in series if key == "persons_prosecuted")
        return [values(trace["y"]) for trace in json.loads(plotly.io.to_json(figure))["data"]]

    scope = Scope(countries=("CM",))
    first = figures.counts_over_time(scope, ("persons_prosecuted",), "fr")
    # The same filters in the same language get the very figure already built, whatever the session.
    assert figures.counts_over_time(scope, ("persons_prosecuted",), "fr") is first
    assert prosecuted(first) == [[10, 20, 30]]
    grant = access.grant(access.User("local", "local"), "load")
    corrected = counts("CM", {"Personnes poursuivies": [11, 21, 31], "Personnes condamnées": [1, 2, 3]})
    assert db.load_file(grant, "cm_counts_corrected.xlsx", corrected).status == "loaded"
    after = figures.counts_over_time(scope, ("persons_prosecuted",), "fr")
    assert after is not first and prosecuted(after) == [[11, 21, 31]]
    # What the page draws is that figure.
    at = app("pages/trends.py", country=["Cameroun / Cameroon"])
    drawn = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert any(f["layout"]["title"]["text"] == "Personnes poursuivies"
               and [values(t["y"]) for t in f["data"]] == [[11, 21, 31]] for f in drawn)


def values(array) -> list:
    """A plotly array as numbers (plotly sends numeric arrays as base64 typed arrays)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def test_trend_lines_keep_their_sources_apart_and_legends_stay_text():
    """Two sources for one country make two lines named by their source; a label from a
    workbook cannot carry markup into the chart, and the legend wraps and takes its room."""
    import pandas as pd

    from dashboard import charts

    hostile = '<a href="https://evil.example">clic</a> Rapport annuel, section 1 avec un nom vraiment très long'
    frame = pd.DataFrame({"when": ["2022", "2023"] * 2, "value": [1, 2, 3, 4],
                          "label": ["Cameroun · Q15, 1re puce"] * 2 + [f"Cameroun · {hostile}"] * 2})
    figure = charts.over_time.__wrapped__(frame, "when", "value", "label", "Titre", "Nombre", ["2022", "2023"])
    names = [trace.name for trace in figure.data]
    assert names[0] == "Cameroun · Q15, 1re puce"
    assert "<a" not in names[1] and "‹a" in names[1] and "<br>" in names[1]
    assert all(len(part) <= 40 for name in names for part in name.split("<br>"))
    lines = sum(name.count("<br>") + 1 for name in names)
    assert figure.layout.margin.t == 90 + 24 * lines and figure.layout.height == 400 + 24 * lines + 60
    # Drawn as plotly express drew them (its palette, in order, a legend entry even for
    # one line, no gap between entries); the hover names the line by reference, so the
    # workbook's text is never read as part of a template.
    import plotly.express as px

    assert [trace.line.color for trace in figure.data] == px.colors.qualitative.Safe[:2]
    assert all(trace.mode == "lines+markers" and trace.showlegend for trace in figure.data)
    assert figure.layout.legend.tracegroupgap == 0
    assert all(trace.hovertemplate == "%{fullData.name}<br>%{x} : %{y:,}<extra></extra>" for trace in figure.data)



def test_a_table_is_shaped_once_and_reshaped_after_a_load(generated):
    """Tables are shaped and formatted once per language and shared (ui.py); a load must
    still show its new figures at once."""
    from tests.test_figures import display_values

    def ranked(at):
        return [row for row in display_values(at.dataframe[0]) if row[1] == "1.2"]

    first = app("pages/funding.py", plan=["Plan SN"])
    assert ranked(first) and ranked(first)[0][3] == "1\u202f000"   # estimated 1 000
    assert ranked(app("pages/funding.py", plan=["Plan SN"])) == ranked(first)
    grant = access.grant(access.User("local", "local"), "load")
    assert db.load_file(grant, "sn_plan_v2.xlsx", xlsx({"Plan": plan_rows(
        ["SN", "Plan SN", "1", "Axe", None, None, "1.1", "A", "2000", "100"],
        [None, None, None, None, None, None, "1.2", "B", "7000", "500"])})).status == "loaded"
    assert ranked(app("pages/funding.py", plan=["Plan SN"]))[0][3] == "7\u202f000"

