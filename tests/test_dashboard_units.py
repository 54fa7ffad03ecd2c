"""The dashboard's own arithmetic, exports and translations, without a browser."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import exports, metrics
from dashboard.i18n import TEXT, money, percent, speaking
from dashboard.scope import Scope
from dashboard.exports import csv_bytes, excel_bytes
from dashboard.ui import filter_lines, localize

ROOT = Path(__file__).resolve().parent.parent


def test_funding_totals_never_count_missing_costs_as_zero():
    actions = pd.DataFrame({
        "cost_status": ["costed", "costed", "to_be_defined", "pooled"],
        "estimated_cost": [100.0, 300.0, None, None],
        "funds_available": [150.0, None, 50.0, None],
    })
    totals = metrics.funding_totals(actions)
    assert (totals.estimated, totals.available, totals.gap) == (400.0, 150.0, 250.0)
    assert totals.coverage == 0.375 and (totals.not_costed, totals.pooled) == ({"plan": 1}, {"plan": 1})
    over = metrics.funding_totals(actions.assign(funds_available=[500.0, 300.0, None, None]))
    assert over.coverage == 2.0  # not capped at 100 %
    nothing = metrics.funding_totals(actions[actions["cost_status"] != "costed"])
    assert (nothing.estimated, nothing.available, nothing.gap, nothing.coverage) == (None, None, None, None)


def test_plan_kinds_are_counted_apart():
    actions = pd.DataFrame({"cost_status": ["costed", "to_be_defined", "to_be_defined"],
                            "estimated_cost": [100.0, None, None], "funds_available": [10.0, None, None],
                            "plan_kind": ["plan", "plan", "compact"], "lead": ["A", "A", "A"]})
    totals = metrics.funding_totals(actions)
    assert totals.rows == {"plan": 2, "compact": 1} and totals.actions == 2
    assert totals.not_costed == {"plan": 1, "compact": 1}
    breakdown = metrics.funding_breakdown(actions, "lead").set_index("lead")
    assert (breakdown.loc["A", "rows_plan"], breakdown.loc["A", "rows_compact"]) == (2, 1)
    assert "actions" not in breakdown.columns


def test_a_group_with_nothing_costed_has_no_amount_not_zero():
    actions = pd.DataFrame({"cost_status": ["costed", "to_be_defined"], "estimated_cost": [100.0, None],
                            "funds_available": [None, None], "axis": ["costed axis", "empty axis"]})
    by_axis = metrics.funding_by(actions, ["axis"]).set_index("axis")
    assert by_axis.loc["costed axis", ["estimated_cost", "funds_available", "gap"]].tolist() == [100.0, 0.0, 100.0]
    assert by_axis.loc["empty axis", ["estimated_cost", "funds_available", "gap"]].isna().all()
    assert by_axis.loc["empty axis", "not_costed"] == 1


def test_semester_runs_and_cost_spreading():
    from dashboard import schedule_queries
    from dashboard.db import frame

    assert metrics.runs(["2021-S2", "2021-S1", "2023-S1", "2022-S1"]) == [
        ("2021-S1", "2022-S1"), ("2023-S1", "2023-S1")]
    scope = Scope(countries=("CM",))
    spread = schedule_queries.per_semester(scope, "USD", 0.0).groupby("semester")["share"].sum()
    costed = frame("SELECT CAST(estimated_cost AS DOUBLE) AS estimated_cost, semesters FROM actions "
                   "WHERE country = 'CM' AND cost_status = 'costed' AND len(semesters) > 0")
    expected = {}
    for cost, semesters in zip(costed["estimated_cost"], costed["semesters"]):
        for semester in semesters:  # each cost divided equally among its semesters
            expected[semester] = expected.get(semester, 0.0) + cost / len(semesters)
    assert spread.round(6).to_dict() == {k: round(v, 6) for k, v in expected.items()}
    assert round(spread.sum()) == round(costed["estimated_cost"].sum())


def test_sex_split_shows_the_part_not_disaggregated():
    from dashboard import queries

    split = queries.sex_split(Scope(countries=("CI",)), ("actors_trained",), 50)
    by_source = {metrics.short_source(r.source): r for r in split.itertuples()}
    q13 = by_source["Q13, 5e puce"]  # 135 actors trained (65 men and 31 women): 39 not split by sex
    assert (q13.F, q13.M, q13.not_disaggregated, q13.total) == (31, 65, 39, 135)
    q15 = next(r for s, r in by_source.items() if s.startswith("Q15"))
    assert pd.isna(q15.F) and q15.not_disaggregated == 1303


def test_every_text_exists_in_both_languages_and_every_key_used_exists():
    assert all(set(entry) == {"fr", "en"} for entry in TEXT.values())
    used = set()
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "dashboard").glob("*.py")]:
        used |= set(re.findall(r'\bt\("([a-z_0-9]+)"', path.read_text(encoding="utf-8")))
    assert used - set(TEXT) == set()


def test_formats():
    assert money(560000, "USD", "fr") == "560\u202f000\xa0$US" and money(560000, "USD", "en") == "US$560,000"
    assert percent(25000 / 560000, "fr") == "4,5\xa0%" and percent(2.0, "en") == "200.0%"


def test_exports_carry_the_active_filters():
    scope = Scope(countries=("CM",), priorities=("high",))
    frame = pd.DataFrame({"country": ["CM"], "action_code": ["1.1.2"], "partners": [["BIT", "OIT"]]})
    shown = localize(frame, ["country", "action_code", "partners"])
    text = csv_bytes(shown, filter_lines(scope)).decode("utf-8-sig")
    assert text.splitlines()[:2] == ["# Pays: Cameroun", "# Priorité: élevée"]
    assert "Cameroun,1.1.2,BIT; OIT" in text
    workbook = load_workbook(io.BytesIO(excel_bytes(frame, filter_lines(scope), "Actions")))
    assert workbook.sheetnames == ["Actions", "Filtres"]
    assert [c.value for c in workbook["Filtres"]["A"]][:3] == ["Filtres", "Pays", "Priorité"]


def test_excel_exports_respect_excel_limits_and_say_so():
    frame = pd.DataFrame({"action": ["x" * 40_000, "court"], "code": ["1", "2"]})
    workbook = load_workbook(io.BytesIO(excel_bytes(frame, filter_lines(Scope()), "Actions", rows_cut=True)))
    cells = [c.value for c in workbook["Actions"]["A"]][1:]
    assert len(cells[0]) == 32_767 and cells[0].endswith("…") and cells[1] == "court"
    notes = [row[1].value for row in workbook["Filtres"].iter_rows(min_row=2) if row[0].value == "Remarque"]
    assert any("1 048 575 premières lignes" in n for n in notes)
    assert any("1 cellule(s) de plus de 32 767 caractères ont été coupées" in n for n in notes)


def _cells(data: bytes) -> dict[str, list[list]]:
    book = load_workbook(io.BytesIO(data))
    return {sheet.title: [[c.value for c in row] for row in sheet.iter_rows()] for sheet in book.worksheets}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_large_export_is_built_apart_and_is_the_same_file(language, monkeypatch):
    """Past `APART_CELLS` an export is written by a process of its own: the same rows,
    texts kept as text, lists joined, long cells cut and said so, in the language asked."""
    frame = pd.DataFrame({"action": ["=HYPERLINK(\"http://x\")", "x" * 40_000, "https://exemple.org", "+1"],
                          "partners": [["BIT", "OIT"], [], ["UNICEF"], None],
                          "cost": [1500.5, None, 3, 0], "when": pd.to_datetime(["2024-01-31"] * 4)})
    lines = [("Pays" if language == "fr" else "Country", "Cameroun"), ("Exporté le", "2026-11-28")]
    with speaking(language):
        here = {kind: exports.made(kind, frame, lines, "Actions", True) for kind in ("csv", "xlsx")}
    monkeypatch.setattr(exports, "APART_CELLS", {"csv": 0, "xlsx": 0})
    calls, run = [], exports.apart.run

    def spied(module, payload, *args, **kwargs):
        calls.append(module)
        return run(module, payload, *args, **kwargs)
    monkeypatch.setattr(exports.apart, "run", spied)
    with speaking(language):
        apart = {kind: exports.made(kind, frame, lines, "Actions", True) for kind in ("csv", "xlsx")}
    assert calls == ["dashboard.exports", "dashboard.exports"]
    assert apart["csv"] == here["csv"]
    assert _cells(apart["xlsx"]) == _cells(here["xlsx"])
    sheets = _cells(apart["xlsx"])
    assert sheets["Actions"][1][:2] == ["=HYPERLINK(\"http://x\")", "BIT; OIT"]
    assert len(sheets["Actions"][2][0]) == 32_767 and sheets["Actions"][2][0].endswith("…")
    notes = " ".join(str(row[1]) for row in sheets["Filtres" if language == "fr" else "Filters"])
    assert ("32 767 caractères" if language == "fr" else "32,767 characters") in notes
    first_line = "# Pays: Cameroun" if language == "fr" else "# Country: Cameroun"
    assert apart["csv"].decode("utf-8-sig").splitlines()[0] == first_line


def test_long_tables_are_read_one_page_at_a_time():
    from dashboard import listings

    listing = listings.Listing("indicator_values", Scope(countries=("CI",)))
    total = listings.count(listing)
    page = listings.page(listing, "", 0, 10)
    assert total == 47 and len(page) == 10
    assert listings.count(listing, "persons_arrested") == 8
    everything, cut = listings.everything(listing, "", 20)
    assert len(everything) == 20 and cut
    assert listings.everything(listing)[0].shape[0] == 47


def test_a_period_is_in_a_year_scope_when_it_touches_one_of_the_chosen_years():
    # The condition adds plain bounds to the list test (so DuckDB filters before ranking
    # current values): it must keep every period that touches a chosen year, and no other.
    import datetime as dt

    import duckdb

    periods = [((2020, 1, 1), (2020, 12, 31)), ((2021, 7, 1), (2022, 6, 30)), ((2022, 1, 1), (2022, 12, 31)),
               ((2019, 1, 1), (2025, 12, 31)), ((2023, 1, 1), (2023, 6, 30)), ((2024, 1, 1), (2024, 12, 31))]
    con = duckdb.connect()
    con.execute("CREATE TABLE i (period_start DATE, period_end DATE)")
    con.executemany("INSERT INTO i VALUES (?, ?)", [[dt.date(*a), dt.date(*b)] for a, b in periods])
    for years, expected in (((2022,), [1, 2, 3]), ((2020, 2024), [0, 3, 5]), ((2023,), [3, 4]), ((2018,), [])):
        condition, params = Scope(years=years).year_overlap("i.period_start", "i.period_end")
        kept = con.execute(f"SELECT period_start, period_end FROM i WHERE {condition} ORDER BY 1, 2", params).fetchall()
        assert kept == sorted((dt.date(*periods[k][0]), dt.date(*periods[k][1])) for k in expected), years


def test_issues_aliases_and_stated_totals_follow_only_countries_and_plans(monkeypatch):
    # A file's issues follow its countries and plans only: a year or an axis chosen on the
    # data-quality page gives the same answers, from the same cache entry, with no query.
    from dashboard import db, listings, queries

    db.drop_answers()
    cameroon = Scope(countries=("CM",))
    narrowed = Scope(countries=("CM",), years=(2023,), axes=("Axe",), leads=("MINTSS",), priorities=("high",))
    questions = {name: (lambda scope, name=name: getattr(queries, name)(scope)) for name in
                 ("issue_summary", "issue_count")}
    for kind in ("data_issues", "parts_mismatch", "stated_totals", "aliases_applied"):
        questions[kind] = lambda scope, kind=kind: listings.page(listings.of_files(kind, scope))
        questions[f"{kind} count"] = lambda scope, kind=kind: listings.count(listings.of_files(kind, scope))
    first = {name: ask(cameroon) for name, ask in questions.items()}
    assert len(first["data_issues"]) == first["data_issues count"] == first["issue_count"] > 0
    assert len(first["stated_totals"]) > 0 and len(first["aliases_applied"]) > 0
    asked = []
    real = db.frame
    for module in (queries, listings):
        monkeypatch.setattr(module, "frame", lambda sql, params=(): asked.append(sql) or real(sql, params))
    for name, answer in first.items():
        again = questions[name](narrowed)
        assert again.equals(answer) if isinstance(answer, pd.DataFrame) else again == answer, name
    assert asked == []
    queries.issue_count(Scope(countries=("CI",)))
    assert len(asked) == 1  # another country is another question


def test_a_cached_figure_is_one_entry_however_its_arguments_are_given():
    from dashboard import figures

    built = []

    @figures.cached_figures
    def measured(scope: Scope, most: int, by_country: bool = False) -> tuple:
        built.append((scope, most, by_country))
        return scope, most, by_country

    scope = Scope(countries=("ML",))
    assert measured(scope, 5) == measured(scope, 5, False) == measured(scope, most=5, by_country=False)
    assert measured(scope, 5, by_country=True) == (scope, 5, True)
    assert built == [(scope, 5, False), (scope, 5, True)]


def test_a_cached_figure_refuses_parameters_its_cache_key_would_leave_out():
    from dashboard import figures

    def keyword_only(scope: Scope, *, most: int = 5) -> tuple:
        return scope, most

    with pytest.raises(TypeError, match="keyword_only"):
        figures.cached_figures(keyword_only)
