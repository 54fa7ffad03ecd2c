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

from .cells import parse_age_group, parse_count, parse_date, parse_sex, parse_theme
from .headers import HeaderMap
from .issues import IssueLog
from .model import IndicatorRow, ParsedFile
from .read import RawSheet
from .reference import Reference
from .rows import RowCursor, skipped
from .text import clean, clean_multiline, code_text

SEX_FR = {"F": "femmes", "M": "hommes"}
SEX_EN = {"F": "women", "M": "men"}
AGE_FR = {"children": "enfants", "adults": "adultes"}
AGE_EN = {"children": "children", "adults": "adults"}


def parse_indicator_sheet(sheet: RawSheet, header: HeaderMap, log: IssueLog, ref: Reference,
                          out: ParsedFile) -> None:
    rows = sheet.rows
    seen: dict[tuple, int] = {}
    for index in range(header.row_index + 1, len(rows)):
        if skipped(rows[index], header):
            continue
        cur = RowCursor(rows[index], index, header, sheet.name, log)
        country = cur.country(ref.country)
        start = cur.parse("period_start", parse_date)
        end = cur.parse("period_end", parse_date, end_of_month=True)
        if start and end and end < start:
            cur.fail("period_end", "period_reversed",
                     f"la fin de période ({end:%d/%m/%Y}) est avant son début ({start:%d/%m/%Y}) ; corrigez l'une des dates",
                     f"the period ends ({end:%Y-%m-%d}) before it starts ({start:%Y-%m-%d}); correct one of the dates")
        indicator_raw = cur.require("indicator", "Indicateur", "Indicator")
        indicator = ref.indicator(indicator_raw) if indicator_raw else None
        if indicator_raw and indicator is None:
            examples = "victimes assistées, personnes poursuivies, personnes condamnées"
            cur.fail("indicator", "unknown_indicator",
                     f"« {indicator_raw} » n'est pas dans le catalogue des indicateurs ; écrivez un nom du catalogue "
                     f"(p. ex. {examples}) ou ajoutez ce synonyme à data/reference/indicators.csv",
                     f"'{indicator_raw}' is not in the indicator catalogue; write a catalogue name "
                     "(e.g. victims assisted, persons prosecuted, persons convicted) or add this synonym "
                     "to data/reference/indicators.csv")
        theme = cur.parse("theme", parse_theme)
        sex = cur.parse("sex", parse_sex)
        age = cur.parse("age_group", parse_age_group)
        value = cur.parse("value", parse_count)
        if cur.failed:
            continue
        row = IndicatorRow(
            country=country, period_start=start, period_end=end, theme=theme, indicator=indicator,
            sex=sex, age_group=age, value=value, source=clean(cur.raw("source")) or None,
            organisation=clean(cur.raw("organisation")) or None,
            action_code=code_text(cur.raw("action_code")) or None,
            comment=clean_multiline(cur.raw("comment")) or None, sheet=sheet.name, row=cur.number,
        )
        if row.key in seen:
            cur.fail("value", "duplicate_indicator",
                     f"cette ligne répète la ligne {seen[row.key]} (même pays, période, indicateur, sexe, âge et source) ; "
                     "supprimez l'une des deux ou distinguez leur source",
                     f"this row repeats row {seen[row.key]} (same country, period, indicator, sex, age group and source); "
                     "remove one of them or tell their sources apart")
            continue
        seen[row.key] = row.row
        out.indicators.append(row)


def check_parts(rows: list[IndicatorRow], log: IssueLog) -> None:
    """Sex parts and age parts against the total row of the same count."""
    groups: dict[tuple, dict[tuple[str, str], IndicatorRow]] = defaultdict(dict)
    for row in rows:
        key = (row.country, row.period_start, row.period_end, row.indicator, row.source)
        groups[key][(row.sex, row.age_group)] = row
    for cells in groups.values():
        for (sex, age), total in cells.items():
            if sex == "total":
                parts = [cells[(s, age)] for s in ("F", "M") if (s, age) in cells]
                _compare(total, parts, log, lambda p: (SEX_FR[p.sex], SEX_EN[p.sex]))
            if age == "all":
                parts = [cells[(sex, a)] for a in ("children", "adults") if (sex, a) in cells]
                _compare(total, parts, log, lambda p: (AGE_FR[p.age_group], AGE_EN[p.age_group]))


def _compare(total: IndicatorRow, parts: list[IndicatorRow], log: IssueLog, names) -> None:
    if not parts:
        return
    added = sum(p.value for p in parts)
    if added == total.value:
        return
    complete = len(parts) == 2
    if not complete and added <= total.value:
        return  # one part alone may be smaller than the total: the other is unknown
    labels = [(p.value, *names(p)) for p in parts]
    fr_terms = " + ".join(f"{value} {fr}" for value, fr, _ in labels)
    en_terms = " + ".join(f"{value} {en}" for value, _, en in labels)
    rows = ", ".join(str(p.row) for p in parts)
    log.warning("parts_total_mismatch", total.sheet, total.row, None,
                f"les parties ne font pas le total : {fr_terms} = {added} ≠ {total.value} "
                f"(lignes {rows} et {total.row}) ; vérifiez les chiffres ou ajoutez la partie manquante",
                f"the parts do not add up to the total: {en_terms} = {added} ≠ {total.value} "
                f"(rows {rows} and {total.row}); check the figures or add the missing part")
