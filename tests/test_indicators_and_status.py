"""The `Indicateurs` and `Suivi` sheets, on small workbooks."""

import datetime as dt

from tests.conftest import dump
from tests.workbooks import plan_rows, xlsx

IND_HEADER = ["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Âge", "Valeur", "Source"]


def test_indicator_synonyms_french_english_and_keys(con, load):
    rows = [IND_HEADER,
            ["CI", "mai 2023", "décembre 2023", "Personnes poursuivies", "", "", "109", "R"],
            ["CI", "2023-05-01", "2023-12-31", "persons convicted", "", "", 46, "R"],
            ["CIV", "01/05/2023", "31/12/2023", "cases_investigated", "", "", "98", "R"]]
    report = load("i.xlsx", xlsx({"Indicators": rows}))
    assert report.status == "loaded", [i.message_en for i in report.issues]
    got = con.execute("SELECT indicator, value, period_start, period_end FROM indicator_values ORDER BY value").fetchall()
    period = (dt.date(2023, 5, 1), dt.date(2023, 12, 31))
    assert got == [("persons_convicted", 46, *period), ("cases_investigated", 98, *period),
                   ("persons_prosecuted", 109, *period)]


def test_unknown_indicator_says_how_to_fix(con, load):
    rows = [IND_HEADER, ["CI", "mai 2023", "décembre 2023", "Nombre de choses", "", "", "3", ""]]
    report = load("i.xlsx", xlsx({"Indicateurs": rows}))
    assert report.status == "rejected"
    assert report.errors[0].cell == "D2"
    assert "data/reference/indicators.csv" in report.errors[0].message_en


def test_parts_that_do_not_add_up_are_a_warning_naming_the_figures(con, load):
    rows = [IND_HEADER,
            ["CI", "mai 2023", "décembre 2023", "Acteurs formés", "", "", "135", "Q13"],
            ["CI", "mai 2023", "décembre 2023", "Acteurs formés", "hommes", "", "65", "Q13"],
            ["CI", "mai 2023", "décembre 2023", "Acteurs formés", "femmes", "", "31", "Q13"],
            ["CI", "mai 2023", "décembre 2023", "Personnes arrêtées", "", "", "1250", "Q15"],
            ["CI", "mai 2023", "décembre 2023", "Personnes arrêtées", "F", "", "245", "Q15"],
            ["CI", "mai 2023", "décembre 2023", "Personnes arrêtées", "M", "", "1005", "Q15"]]
    report = load("p.xlsx", xlsx({"Indicateurs": rows}))
    assert report.status == "loaded"
    (warning,) = report.warnings
    assert warning.code == "parts_total_mismatch" and warning.row == 2
    assert "65 men" in warning.message_en and "31 women" in warning.message_en and "≠ 135" in warning.message_en
    assert con.execute("SELECT count(*) FROM data_issues WHERE code = 'parts_total_mismatch'").fetchone() == (1,)


def test_age_parts_against_their_total(con, load):
    rows = [IND_HEADER,
            ["CM", "2023-01-01", "2023-06-30", "Victimes assistées", "", "", "10", "S"],
            ["CM", "2023-01-01", "2023-06-30", "Victimes assistées", "", "enfants", "4", "S"],
            ["CM", "2023-01-01", "2023-06-30", "Victimes assistées", "", "adultes", "5", "S"]]
    report = load("a.xlsx", xlsx({"Indicateurs": rows}))
    assert [w.code for w in report.warnings] == ["parts_total_mismatch"]
    assert "4 children + 5 adults = 9 ≠ 10" in report.warnings[0].message_en


def test_same_key_twice_in_a_file_is_an_error(con, load):
    rows = [IND_HEADER, ["CI", "mai 2023", "décembre 2023", "Victimes secourues", "", "", "975", "Q15"],
            ["CI", "mai 2023", "décembre 2023", "Victimes secourues", "", "", "1857", "Q15"]]
    report = load("d.xlsx", xlsx({"Indicateurs": rows}))
    assert report.status == "rejected" and report.errors[0].cell == "G3"
    assert "row 2" in report.errors[0].message_en


def test_period_ending_before_it_starts(con, load):
    rows = [IND_HEADER, ["CI", "2023-12-31", "2023-05-01", "Victimes secourues", "", "", "5", ""]]
    report = load("r.xlsx", xlsx({"Indicateurs": rows}))
    assert report.status == "rejected" and report.errors[0].cell == "C2"


def test_bad_values_are_errors(con, load):
    rows = [IND_HEADER, ["CI", "2023-01-01", "2023-05-01", "Victimes secourues", "X", "bébés", "-5", ""]]
    before = dump(con)
    report = load("v.xlsx", xlsx({"Indicateurs": rows}))
    assert sorted(i.cell for i in report.errors) == ["E2", "F2", "G2"]
    assert dump(con) == before


STATUS_HEADER = ["Pays", "Plan", "Code action", "Date", "Statut", "Commentaire"]


def _plan(*codes):
    return plan_rows(*[["CM", "P", "1", "Axe", None, None, code, f"Action {code}", "1", ""] for code in codes])


def test_status_history_and_current_status(con, load):
    load("plan.xlsx", xlsx({"Plan": _plan("1.1.1", "1.1.2")}))
    first = [STATUS_HEADER, ["CM", "", "1.1.1", "2022-04-30", "Planifiée", ""]]
    second = [STATUS_HEADER, ["CM", "P", "1.1.1", "2023-04-30", "En cours", "lancé"],
              ["CM", "", "1.1.2", "30/04/2023", "Achevée", ""]]
    assert load("s1.xlsx", xlsx({"Suivi": first})).status == "loaded"
    assert load("s2.xlsx", xlsx({"Avancement": second})).status == "loaded"
    history = con.execute("SELECT action_code, as_of, status FROM action_status ORDER BY action_code, as_of").fetchall()
    assert history == [("1.1.1", dt.date(2022, 4, 30), "planned"), ("1.1.1", dt.date(2023, 4, 30), "in_progress"),
                       ("1.1.2", dt.date(2023, 4, 30), "completed")]
    current = con.execute("SELECT action_code, status, plan FROM current_action_status ORDER BY 1").fetchall()
    assert current == [("1.1.1", "in_progress", "P"), ("1.1.2", "completed", "P")]


def test_status_for_a_code_in_two_plans_needs_the_plan(con, load):
    load("a.xlsx", xlsx({"Plan": _plan("1.1.1")}))
    other = plan_rows(["CM", "Q", "1", "Axe", None, None, "1.1.1", "A", "1", ""])
    load("b.xlsx", xlsx({"Plan": other}))
    rows = [STATUS_HEADER, ["CM", "", "1.1.1", "2023-04-30", "En cours", ""]]
    report = load("s.xlsx", xlsx({"Suivi": rows}))
    assert report.status == "rejected" and report.errors[0].cell == "B2"
    assert "'Plan' column" in report.errors[0].message_en


def test_status_of_an_unknown_action_is_kept_with_a_warning(con, load):
    rows = [STATUS_HEADER, ["CM", "", "9.9.9", "2023-04-30", "En cours", ""]]
    report = load("s.xlsx", xlsx({"Suivi": rows}))
    assert report.status == "loaded" and [w.code for w in report.warnings] == ["status_unknown_action"]
    assert con.execute("SELECT count(*) FROM action_status").fetchone() == (1,)


def test_unknown_status_word(con, load):
    rows = [STATUS_HEADER, ["CM", "", "1", "2023-04-30", "presque", ""]]
    report = load("s.xlsx", xlsx({"Suivi": rows}))
    assert report.status == "rejected" and report.errors[0].cell == "E2"
    assert "in progress" in report.errors[0].message_en


def test_wrong_counts_are_reported_row_by_row_and_a_repeated_one_on_every_row(con, load):
    rows = [IND_HEADER,
            ["CI", "2023-01-01", "2023-05-01", "Victimes secourues", "X", "", "-5", ""],
            ["CI", "2023-01-01", "2023-05-01", "Victimes secourues", "F", "", "7", ""],
            ["Atlantide", "2023-01-01", "2023-05-01", "Victimes secourues", "X", "", "-5", ""]]
    before = dump(con)
    report = load("o.xlsx", xlsx({"Indicateurs": rows}))
    assert [i.cell for i in report.errors] == ["E2", "G2", "A4", "E4", "G4"]
    assert "Atlantide" in report.errors[2].message_en
    assert dump(con) == before


def test_rows_with_nothing_wrong_pass_and_every_wrong_cell_is_named_in_reading_order(con, load):
    # Rows with nothing wrong take a fast path; the others are read cell by cell. The
    # report must read like the sheet whichever path each row took.
    rows = [IND_HEADER,
            ["CI", "2023-01-01", "2023-05-01", "Victimes secourues", "", "", "4", "R"],
            ["CI", "2023-06-01", "2023-05-01", "Nombre de choses", "", "", "5", "R"],
            ["CI", "2023-01-01", "2023-05-01", "Victimes secourues", "", "", "9", "R"],
            ["", "2023-01-01", "2023-05-01", "Victimes secourues", "F", "", "2", "R"],
            ["CI", "2023-01-01", "2023-05-01", "Victimes secourues", "", "", "9", "S"]]
    before = dump(con)
    report = load("m.xlsx", xlsx({"Indicateurs": rows}))
    assert [(i.code, i.cell) for i in report.errors] == [
        ("period_reversed", "C3"), ("unknown_indicator", "D3"), ("duplicate_indicator", "G4"), ("missing_value", "A5")]
    assert "row 2" in report.errors[2].message_en
    assert dump(con) == before
    del rows[2:5]
    assert load("m.xlsx", xlsx({"Indicateurs": rows})).status == "loaded"
    assert con.execute("SELECT \"row\", value, source FROM indicator_values ORDER BY 1").fetchall() == [
        (2, 4, "R"), (3, 9, "S")]
