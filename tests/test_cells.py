"""Cell-level rules of the contract: amounts, counts, dates, marks, lists, vocabularies."""

import datetime as dt
from decimal import Decimal

import pytest

from loaders.cells import (
    CellError, is_mark, parse_age_group, parse_amount, parse_count, parse_date, parse_horizon,
    parse_priority, parse_sex, parse_status, semester_of_header, split_list,
)


@pytest.mark.parametrize("raw, expected", [
    ("17500", Decimal("17500")),
    ("17 500", Decimal("17500")),
    ("17\u00a0500", Decimal("17500")),  # no-break space
    ("17\u202f500", Decimal("17500")),  # narrow no-break space
    ("17.500", Decimal("17500")),
    ("17,500", Decimal("17500")),
    ("10.000.000", Decimal("10000000")),
    ("1 234,50", Decimal("1234.50")),
    ("12.5", Decimal("12.5")),
    (17500.0, Decimal("17500")),
    (0, Decimal("0")),
    ("0", Decimal("0")),
])
def test_amount_forms(raw, expected):
    amount = parse_amount(raw)
    assert amount.status == "costed"
    assert amount.value == expected


@pytest.mark.parametrize("raw, currency", [
    ("10.000.000 F CFA", "CFA"), ("10 000 000 FCFA", "CFA"), ("500 $", "USD"), ("US$ 500", "USD"),
    ("500 €", "EUR"), ("500 XAF", "XAF"),
])
def test_amount_suffix_sets_currency(raw, currency):
    amount = parse_amount(raw)
    assert amount.currency == currency
    assert amount.value in (Decimal("10000000"), Decimal("500"))


@pytest.mark.parametrize("raw", ["", None, "A définir", "à définir", "TBD", "to be defined", "-", "//"])
def test_not_yet_costed_is_null_never_zero(raw):
    amount = parse_amount(raw)
    assert amount.value is None
    assert amount.status in ("to_be_defined", "empty")


def test_pooled_names_every_action_code():
    amount = parse_amount("Action à cumuler avec les actions 1.3.5 et 2.1.2 dans un souci d’optimisation")
    assert (amount.status, amount.value, amount.pooled_with) == ("pooled", None, ("1.3.5", "2.1.2"))
    assert parse_amount("pooled with 1.3.5").pooled_with == ("1.3.5",)


@pytest.mark.parametrize("raw", ["-500", -500, "(500)", "beaucoup", "12 abc", True])
def test_bad_amounts_are_errors_with_a_fix(raw):
    with pytest.raises(CellError) as problem:
        parse_amount(raw)
    assert problem.value.fr and problem.value.en
    assert "écrivez" in problem.value.fr or "un coût" in problem.value.fr


@pytest.mark.parametrize("raw, expected", [("2 292", 2292), ("33.718", 33718), (46, 46), (46.0, 46), ("08", 8)])
def test_counts(raw, expected):
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", ["-3", "4.5", "", None, "quelques"])
def test_bad_counts(raw):
    with pytest.raises(CellError):
        parse_count(raw)


@pytest.mark.parametrize("raw, kwargs, expected", [
    (dt.date(2023, 5, 1), {}, dt.date(2023, 5, 1)),
    (dt.datetime(2023, 5, 1, 10, 0), {}, dt.date(2023, 5, 1)),
    ("2023-05-01", {}, dt.date(2023, 5, 1)),
    ("01/05/2023", {}, dt.date(2023, 5, 1)),
    ("mai 2023", {}, dt.date(2023, 5, 1)),
    ("décembre 2023", {"end_of_month": True}, dt.date(2023, 12, 31)),
    ("February 2024", {"end_of_month": True}, dt.date(2024, 2, 29)),
    (45047, {}, dt.date(2023, 5, 1)),  # an Excel day serial
])
def test_dates(raw, kwargs, expected):
    assert parse_date(raw, **kwargs) == expected


@pytest.mark.parametrize("raw", ["32/01/2023", "hier", "2023-13-01", ""])
def test_bad_dates(raw):
    with pytest.raises(CellError):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["X", "x", "✓", 1, "1", "oui", "yes", True])
def test_marks(raw):
    assert is_mark(raw) is True


def test_non_marks():
    assert is_mark("") is False and is_mark(None) is False
    assert is_mark("peut-être") is None


@pytest.mark.parametrize("header", ["2021-S1", "2021 S1", "S1 2021", "2021-1", "2021S1", "s1-2021"])
def test_semester_spellings_are_one_column(header):
    assert semester_of_header(header) == "2021-S1"


def test_not_semesters():
    assert semester_of_header("2021") is None and semester_of_header("Coût") is None


def test_lists_split_on_every_separator():
    assert split_list("MINAS\nMINEFOP; CNDH, OIT / OIM") == ["MINAS", "MINEFOP", "CNDH", "OIT", "OIM"]
    assert split_list("//") == []


def test_vocabularies():
    assert parse_priority("Élevée") == "high" and parse_priority("medium") == "medium"
    assert parse_status("Non atteinte") == "not_started" and parse_status("Achevée") == "completed"
    assert parse_sex("Filles") == "F" and parse_sex("garçons") == "M" and parse_sex("") == "total"
    assert parse_age_group("Enfants") == "children" and parse_age_group(None) == "all"
    assert parse_horizon("A moyen et long terme") == ["medium", "long"]
    assert parse_horizon("- A court terme  - A moyen terme  - A long terme") == ["short", "medium", "long"]
    with pytest.raises(CellError):
        parse_priority("urgente")


def test_variants_real_focal_points_write():
    from loaders.text import code_text

    assert parse_date("1er mai 2023") == dt.date(2023, 5, 1) and parse_date("May 1 2023") == dt.date(2023, 5, 1)
    assert semester_of_header("Semestre 1 2021") == "2021-S1" and semester_of_header("2021 semestre 2") == "2021-S2"
    assert parse_amount("17 500 $ US").currency == "USD" and parse_amount("17 500 $ US").value == Decimal("17500")
    assert parse_amount("17,500.50").value == Decimal("17500.50")
    assert parse_status("Partiellement réalisée") == "in_progress"
    assert parse_age_group("Majeurs") == "adults"
    assert code_text("Action 1.1.1") == "1.1.1" and code_text("Effet 1.2") == "1.2" and code_text(2.0) == "2"
    assert code_text("Activité n° 3.4") == "3.4" and code_text("1.1.") == "1.1"


@pytest.mark.parametrize("raw, expected", [
    ("  Former\u00a0les\u202finspecteurs\u2009 ", "Former les inspecteurs"),
    ("a\t\n\r\x0b\x0cb", "a b"),
    ("\u3000MINAS\u2028", "MINAS"),
    ("zéro\u200blargeur", "zéro\u200blargeur"),  # a zero-width space is not a space
    (12.5, "12.5"),
    (None, ""),
])
def test_clean_collapses_every_kind_of_space_and_keeps_the_rest(raw, expected):
    from loaders.text import clean
    assert clean(raw) == expected
