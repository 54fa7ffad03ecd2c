"""The `Indicateurs` sheet: one count per row, checked against the catalogue.

Guarantees (see the contract, sheet `Indicateurs`): indicator names resolve through the
catalogue in `data/reference/indicators.csv` (keys, French and English labels,
synonyms); values are whole numbers, 0 or more; a period never ends before it starts;
two rows with the same country, period, indicator, sex, age group and source in one file
are an error (which one is meant?); sex or age parts that do not add up to their total
are a warning naming the figures (65 + 31 ≠ 135).
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from operator import attrgetter

from .cells import CellError, parse_age_group, parse_count, parse_date, parse_sex, parse_theme
from .headers import HeaderMap
from .issues import IssueLog
from .model import IndicatorRow, ParsedFile
from .read import RawSheet
from .reference import Reference
from .rows import RowCursor, columns, data_rows, parsed
from .text import clean, clean_multiline, code_text

SEX_FR = {"F": "femmes", "M": "hommes"}
SEX_EN = {"F": "women", "M": "men"}
AGE_FR = {"children": "enfants", "adults": "adultes"}
AGE_EN = {"children": "children", "adults": "adults"}


_period_end = partial(parse_date, end_of_month=True)


def parse_indicator_sheet(sheet: RawSheet, header: HeaderMap, log: IssueLog, ref: Reference,
                          out: ParsedFile) -> None:
    numbered = data_rows(sheet.rows, header)
    raw = columns(numbered, header)
    nothing = [None] * len(numbered)
    cells = lambda name: raw.get(name, nothing)  # noqa: E731 - a field may be absent
    # Each distinct cell is read once, by column; a wrong one is reported on its row
    # below, in the order a person reads the row.
    country_text = list(map(clean, cells("country")))
    country_code = list(map(ref.country, country_text))
    starts = parsed(cells("period_start"), parse_date)
    ends = parsed(cells("period_end"), _period_end)
    indicator_text = list(map(clean, cells("indicator")))
    indicator_key = list(map(ref.indicator, indicator_text))
    themes = parsed(cells("theme"), parse_theme)
    sexes = parsed(cells("sex"), parse_sex)
    ages = parsed(cells("age_group"), parse_age_group)
    values = parsed(cells("value"), parse_count)
    sources = list(map(clean, cells("source")))
    organisations = list(map(clean, cells("organisation")))
    action_codes = parsed(cells("action_code"), code_text)  # mostly empty: each distinct cell read once
    comments = list(map(clean_multiline, cells("comment")))
    seen: dict[tuple, int] = {}
    read_down = zip(numbered, country_text, country_code, starts, ends, indicator_text, indicator_key,
                    themes, sexes, ages, values, sources, organisations, action_codes, comments)
    for ((index, row), country_raw, country, start, end, indicator_raw, indicator, theme, sex, age, value,
         source, organisation, action_code, comment) in read_down:
        if (country is None or indicator is None or CellError in map(type, (start, end, theme, sex, age, value))
                or end < start):
            # Only a row with something wrong is read cell by cell, to name each wrong one.
            cur = RowCursor(row, index, header, sheet.name, log)
            _report_row(cur, country_raw, country, start, end, indicator_raw, indicator, theme, sex, age, value)
            continue
        key = (country, start, end, indicator, sex, age, source or None)
        if key in seen:
            RowCursor(row, index, header, sheet.name, log).fail(
                "value", "duplicate_indicator",
                f"cette ligne répète la ligne {seen[key]} (même pays, période, indicateur, sexe, âge et source) ; "
                "supprimez l'une des deux ou distinguez leur source",
                f"this row repeats row {seen[key]} (same country, period, indicator, sex, age group and source); "
                "remove one of them or tell their sources apart")
            continue
        seen[key] = index + 1
        # Positional, in the order of IndicatorRow's fields (by keyword, a tenth of the parse).
        out.indicators.append(IndicatorRow(
            country, start, end, theme, indicator, sex, age, value, source or None, organisation or None,
            action_code or None, comment or None, sheet.name, index + 1,
        ))


def _report_row(cur: RowCursor, country_raw, country, start, end, indicator_raw, indicator,
                theme, sex, age, value) -> None:
    """Every wrong cell of one row, in the order a person reads it."""
    cur.country_code(country_raw, country)
    start = cur.take("period_start", start)
    end = cur.take("period_end", end)
    if start and end and end < start:
        cur.fail("period_end", "period_reversed",
                 f"la fin de période ({end:%d/%m/%Y}) est avant son début ({start:%d/%m/%Y}) ; corrigez l'une des dates",
                 f"the period ends ({end:%Y-%m-%d}) before it starts ({start:%Y-%m-%d}); correct one of the dates")
    if not indicator_raw:
        cur.fail("indicator", "missing_value", "« Indicateur » est vide ; remplissez-le",
                 "'Indicator' is empty; fill it in")
    elif indicator is None:
        examples = "victimes assistées, personnes poursuivies, personnes condamnées"
        cur.fail("indicator", "unknown_indicator",
                 f"« {indicator_raw} » n'est pas dans le catalogue des indicateurs ; écrivez un nom du catalogue "
                 f"(p. ex. {examples}) ou ajoutez ce synonyme à data/reference/indicators.csv",
                 f"'{indicator_raw}' is not in the indicator catalogue; write a catalogue name "
                 "(e.g. victims assisted, persons prosecuted, persons convicted) or add this synonym "
                 "to data/reference/indicators.csv")
    for name, parsed_value in (("theme", theme), ("sex", sex), ("age_group", age), ("value", value)):
        cur.take(name, parsed_value)


# A count's identity and its part (sex, age), read in C: this runs on every row.
_COUNT = attrgetter("country", "period_start", "period_end", "indicator", "source")
_PART = attrgetter("sex", "age_group")


def check_parts(rows: list[IndicatorRow], log: IssueLog) -> None:
    """Sex parts and age parts against the total row of the same count."""
    groups: dict[tuple, dict[tuple[str, str], IndicatorRow]] = defaultdict(dict)
    for count, part, row in zip(map(_COUNT, rows), map(_PART, rows), rows):
        groups[count][part] = row
    for cells in groups.values():
        if len(cells) < 2:
            continue  # a figure alone has no parts (most counts of a long series)
        find = cells.get
        for (sex, age), total in cells.items():
            # Looked up by name, not by looping over the parts: this runs on every count.
            if sex == "total":
                _compare(total, find(("F", age)), find(("M", age)), log, _sex_names)
            if age == "all":
                _compare(total, find((sex, "children")), find((sex, "adults")), log, _age_names)


def _sex_names(part: IndicatorRow) -> tuple[str, str]:
    return SEX_FR[part.sex], SEX_EN[part.sex]


def _age_names(part: IndicatorRow) -> tuple[str, str]:
    return AGE_FR[part.age_group], AGE_EN[part.age_group]


def _compare(total: IndicatorRow, first: IndicatorRow | None, second: IndicatorRow | None, log: IssueLog,
             names) -> None:
    if first is not None and second is not None:
        added = first.value + second.value
        if added == total.value:
            return
        parts = [first, second]
    else:
        part = first if second is None else second
        if part is None or part.value <= total.value:
            return  # one part alone may be smaller than the total: the other is unknown
        added, parts = part.value, [part]
    labels = [(p.value, *names(p)) for p in parts]
    fr_terms = " + ".join([f"{value} {fr}" for value, fr, _ in labels])
    en_terms = " + ".join([f"{value} {en}" for value, _, en in labels])
    rows = ", ".join([str(p.row) for p in parts])
    log.warning("parts_total_mismatch", total.sheet, total.row, None,
                f"les parties ne font pas le total : {fr_terms} = {added} ≠ {total.value} "
                f"(lignes {rows} et {total.row}) ; vérifiez les chiffres ou ajoutez la partie manquante",
                f"the parts do not add up to the total: {en_terms} = {added} ≠ {total.value} "
                f"(rows {rows} and {total.row}); check the figures or add the missing part")
