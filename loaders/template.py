"""Workbooks we hand to focal points: the blank template, and a country's current data in
the same layout.

Guarantees: the contract's sheets (`Plan`, `Indicateurs`, `Suivi`; `Indicators`,
`Progress` in English) with their headers in the contract's order and language, frozen
header rows, number formats on amounts, and drop-down lists (priority, plan kind,
currency, semester marks, sex, age group, status, countries, indicators, organisations)
that warn, never block, on other spellings; an instructions sheet, and a lists sheet
the loader ignores. The blank template has one example row per sheet, marked `Exemple`
in its country cell, which the loader skips. `current_data` fills the same layout from
the database (actions with their subtotals and semesters, a plan's unallocated funds on
its `Total` row, indicator rows, latest statuses), so loading it back changes nothing;
`current_data_apart` does the same, its workbook written in a process of its own.
No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import duckdb
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import apart
from .headers import INDICATOR_FIELDS, PLAN_FIELDS, STATUS_FIELDS
from .reference import reference

SEMESTERS = [f"{y}-S{h}" for y in range(2021, 2031) for h in (1, 2)]
EXAMPLE = {"fr": "Exemple", "en": "Example"}
SHEETS = {"fr": {"plan": "Plan", "indicators": "Indicateurs", "status": "Suivi", "readme": "Lisez-moi",
                 "lists": "Listes"},
          "en": {"plan": "Plan", "indicators": "Indicators", "status": "Progress", "readme": "Read me",
                 "lists": "Lists"}}
PLAN_ORDER = ("country", "plan", "plan_kind", "axis_code", "axis", "effect_code", "effect", "action_code", "action",
              "priority", "lead", "co_leads", "partners", "estimated_cost", "funds_available", "funding_source",
              "currency", "means", "horizon")
AMOUNTS = ("estimated_cost", "funds_available")
WORDS = {
    "fr": {"high": "élevée", "medium": "moyenne", "low": "faible", "plan": "Plan", "compact": "Compact",
           "not_started": "Non exécutée", "planned": "Planifiée", "in_progress": "En cours", "completed": "Achevée",
           "F": "F", "M": "M", "total": "Total", "children": "enfants", "adults": "adultes", "all": "",
           "short": "court terme", "medium_term": "moyen terme", "long": "long terme", "to_be_defined": "A définir",
           "pooled": "Action à cumuler avec l'action {codes}",
           "pooled_many": "Action à cumuler avec les actions {codes}", "and": "et"},
    "en": {"high": "high", "medium": "medium", "low": "low", "plan": "Plan", "compact": "Compact",
           "not_started": "not started", "planned": "planned", "in_progress": "in progress", "completed": "completed",
           "F": "F", "M": "M", "total": "Total", "children": "children", "adults": "adults", "all": "",
           "short": "short", "medium_term": "medium", "long": "long", "to_be_defined": "to be defined",
           "pooled": "pooled with {codes}", "pooled_many": "pooled with {codes}", "and": "and"},
}
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
EXAMPLE_FILL = PatternFill("solid", fgColor="FFF4CE")
BOLD = Font(bold=True)


def _label(field, language: str) -> str:
    return field.label_fr if language == "fr" else field.label_en


def plan_headers(language: str) -> list[str]:
    fields = {f.name: f for f in PLAN_FIELDS}
    return [_label(fields[name], language) for name in PLAN_ORDER] + SEMESTERS + [_label(fields["source"], language)]


def indicator_headers(language: str) -> list[str]:
    return [_label(f, language) for f in INDICATOR_FIELDS]


def status_headers(language: str) -> list[str]:
    return [_label(f, language) for f in STATUS_FIELDS]


INSTRUCTIONS = {
    "fr": [
        "Modèle de classeur du tableau de bord Cible 8.7",
        "Remplissez une ligne par action (feuille Plan), par chiffre (Indicateurs) et par statut (Suivi). "
        "Les en-têtes peuvent rester tels quels ; l'ordre des colonnes est libre.",
        "La ligne jaune marquée « Exemple » dans la colonne Pays montre ce qui est attendu : elle est ignorée au "
        "chargement ; effacez-la ou laissez-la.",
        "Coûts : montants entiers dans la devise de la ligne (USD par défaut) ; « A définir » si l'action n'est pas "
        "chiffrée (jamais 0) ; « Action à cumuler avec l'action 1.3.5 » si son coût est porté par une autre.",
        "Semestres : un X dans chaque semestre où l'action est prévue.",
        "Type de plan : Plan (plan d'action, feuille de route) ou Compact (pacte, partenariat : activités "
        "illustratives).",
        "Indicateurs : une ligne par chiffre ; Sexe F, M ou Total ; Âge enfants, adultes ou vide (tous âges) ; les "
        "parties par sexe ou âge doivent faire le total de la même source.",
        "Suivi : Non exécutée, Planifiée, En cours ou Achevée, à la date indiquée.",
        "Les listes déroulantes proposent les valeurs connues ; une autre écriture est acceptée si le tableau de bord "
        "la reconnaît, sinon la cellule vous est signalée avec la correction.",
    ],
    "en": [
        "Target 8.7 dashboard workbook template",
        "Fill in one row per action (Plan sheet), per count (Indicators) and per status (Progress). Keep the headers "
        "as they are; column order is free.",
        "The yellow row marked 'Example' in the Country column shows what is expected: it is skipped when loaded; "
        "delete it or leave it.",
        "Costs: whole amounts in the row's currency (USD by default); 'to be defined' when the action is not costed "
        "(never 0); 'pooled with 1.3.5' when another action carries its cost.",
        "Semesters: an X in every semester the action is scheduled in.",
        "Plan kind: Plan (action plan, roadmap) or Compact (partnership: illustrative activities).",
        "Indicators: one row per count; Sex F, M or Total; Age group children, adults or empty (all ages); the parts "
        "by sex or age must add up to the total of the same source.",
        "Progress: not started, planned, in progress or completed, as of the date given.",
        "Drop-down lists offer the known values; another spelling is accepted when the dashboard recognises it, "
        "otherwise the cell is pointed out to you with the fix.",
    ],
}


def _sheet(book: Workbook, title: str, headers: list[str], widths: dict[int, float] | None = None):
    ws = book.create_sheet(title)
    for col, name in enumerate(headers, start=1):
        cell = ws.cell(1, col, name)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(col)].width = (widths or {}).get(col, max(10, min(40, len(name) + 4)))
    ws.freeze_panes = "A2"
    return ws


def _lists(book: Workbook, language: str) -> dict[str, str]:
    """A sheet of the long lists; returns list name -> range formula for validations."""
    ref = reference()
    words = WORDS[language]
    columns = {
        "countries": sorted(names[0] if language == "fr" else names[1] for names in ref.country_names.values()),
        "indicators": [i.label_fr if language == "fr" else i.label_en for i in ref.indicators.values()],
        "organisations": sorted(set(ref.organisation_aliases.values())),
        "priorities": [words["high"], words["medium"], words["low"]],
        "kinds": [words["plan"], words["compact"]],
        "currencies": ["USD", "EUR", "XOF", "XAF"],
        "marks": ["X"],
        "sexes": ["F", "M", "Total"],
        "ages": [words["children"], words["adults"]],
        "statuses": [words[s] for s in ("not_started", "planned", "in_progress", "completed")],
        "horizons": [words["short"], words["medium_term"], words["long"]],
    }
    ws = book.create_sheet(SHEETS[language]["lists"])
    ranges = {}
    for col, (name, values) in enumerate(columns.items(), start=1):
        ws.cell(1, col, name).font = BOLD
        for row, value in enumerate(values, start=2):
            ws.cell(row, col, value)
        letter = get_column_letter(col)
        ranges[name] = f"'{ws.title}'!${letter}$2:${letter}${len(values) + 1}"
    ws.sheet_state = "hidden"
    return ranges


def _validate(ws, column: int, formula: str, rows: int = 2000) -> None:
    rule = DataValidation(type="list", formula1=f"={formula}", allow_blank=True, errorStyle="warning",
                          showErrorMessage=True)
    letter = get_column_letter(column)
    rule.add(f"{letter}2:{letter}{rows}")
    ws.add_data_validation(rule)


def _layout(language: str) -> tuple[Workbook, dict]:
    book = Workbook()
    readme = book.active
    readme.title = SHEETS[language]["readme"]
    for row, line in enumerate(INSTRUCTIONS[language], start=1):
        readme.cell(row, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    readme.cell(1, 1).font = Font(bold=True, size=13)
    readme.column_dimensions["A"].width = 120
    plan = _sheet(book, SHEETS[language]["plan"], plan_headers(language))
    indicators = _sheet(book, SHEETS[language]["indicators"], indicator_headers(language))
    status = _sheet(book, SHEETS[language]["status"], status_headers(language))
    ranges = _lists(book, language)
    position = {name: i + 1 for i, name in enumerate(PLAN_ORDER)}
    for field, rule in (("country", "countries"), ("plan_kind", "kinds"), ("priority", "priorities"),
                        ("lead", "organisations"), ("currency", "currencies"), ("horizon", "horizons")):
        _validate(plan, position[field], ranges[rule])
    for offset in range(len(SEMESTERS)):
        _validate(plan, len(PLAN_ORDER) + 1 + offset, ranges["marks"])
        plan.column_dimensions[get_column_letter(len(PLAN_ORDER) + 1 + offset)].width = 8
    for field in AMOUNTS:
        for row in range(2, 2001):
            plan.cell(row, position[field]).number_format = "#,##0"
    ind_pos = {f.name: i + 1 for i, f in enumerate(INDICATOR_FIELDS)}
    for field, rule in (("country", "countries"), ("indicator", "indicators"), ("sex", "sexes"),
                        ("age_group", "ages"), ("organisation", "organisations")):
        _validate(indicators, ind_pos[field], ranges[rule])
    for row in range(2, 2001):
        indicators.cell(row, ind_pos["value"]).number_format = "#,##0"
        for field in ("period_start", "period_end"):
            indicators.cell(row, ind_pos[field]).number_format = "dd/mm/yyyy" if language == "fr" else "yyyy-mm-dd"
    st_pos = {f.name: i + 1 for i, f in enumerate(STATUS_FIELDS)}
    _validate(status, st_pos["country"], ranges["countries"])
    _validate(status, st_pos["status"], ranges["statuses"])
    for row in range(2, 2001):
        status.cell(row, st_pos["as_of"]).number_format = "dd/mm/yyyy" if language == "fr" else "yyyy-mm-dd"
    return book, {"plan": plan, "indicators": indicators, "status": status}


def _write_row(ws, row: int, values: list, fill: PatternFill | None = None) -> None:
    for col, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        cell = ws.cell(row, col, value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # workbook text that looks like a formula stays text
        if fill:
            cell.fill = fill


def _bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def blank(language: str = "fr") -> bytes:
    """The blank template: headers, lists, instructions and one example row per sheet."""
    book, sheets = _layout(language)
    words = WORDS[language]
    example = f"{EXAMPLE[language]} : Cameroun" if language == "fr" else f"{EXAMPLE[language]}: Cameroon"
    plan_row = {"country": example, "plan": "Plan d'action 2021-2025" if language == "fr" else "Action plan 2021-2025",
                "plan_kind": words["plan"], "axis_code": "1",
                "axis": "Lutte contre le travail des enfants" if language == "fr" else "Fighting child labour",
                "effect_code": "1.1", "effect": "Effet 1.1" if language == "fr" else "Effect 1.1",
                "action_code": "1.1.1",
                "action": "Réviser le cadre juridique national" if language == "fr" else "Revise the national legal "
                                                                                          "framework",
                "priority": words["high"], "lead": "MINTSS", "partners": "BIT; UNICEF", "estimated_cost": 20000,
                "funds_available": 5000, "currency": "USD", "means": "1 atelier" if language == "fr" else "1 workshop"}
    _write_row(sheets["plan"], 2, [plan_row.get(name) for name in PLAN_ORDER]
               + ["X" if s in ("2021-S1", "2021-S2") else None for s in SEMESTERS] + [None], EXAMPLE_FILL)
    _write_row(sheets["indicators"], 2, [example, dt.date(2023, 1, 1), dt.date(2023, 12, 31), None,
                                         reference().indicators["victims_assisted"].label_fr if language == "fr"
                                         else reference().indicators["victims_assisted"].label_en,
                                         "Total", None, 150, "Rapport annuel 2023" if language == "fr"
                                         else "Annual report 2023", "MINAS", None, None], EXAMPLE_FILL)
    _write_row(sheets["status"], 2, [example, plan_row["plan"], "1.1.1", dt.date(2023, 12, 31), words["in_progress"],
                                     None, None], EXAMPLE_FILL)
    for ws in sheets.values():
        ws.cell(2, 1).comment = Comment(
            "Ligne d'exemple : ignorée au chargement." if language == "fr" else "Example row: skipped when loaded.",
            "Cible 8.7")
    return _bytes(book)


# --- current data -------------------------------------------------------------------------------

def _amount(value) -> int | float | None:
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _cost_cell(row: dict, words: dict):
    if row["cost_status"] == "to_be_defined":
        return words["to_be_defined"]
    if row["cost_status"] == "pooled":
        codes = row["pooled_with"] or []
        if len(codes) > 1:
            return words["pooled_many"].format(codes=f"{', '.join(codes[:-1])} {words['and']} {codes[-1]}")
        return words["pooled"].format(codes=codes[0] if codes else "")
    return _amount(row["estimated_cost"])


def _dicts(cursor) -> list[dict]:
    return list(_each(_table(cursor)))


def _table(cursor) -> tuple[list[str], list[tuple]]:
    """Column names and rows as tuples: the server only passes them on, and a country's
    35 000 counts as dicts raised its peak by 93 MB, as tuples by 79 MB."""
    return [d[0] for d in cursor.description], cursor.fetchall()


def _each(table: tuple[list[str], list[tuple]]):
    names, rows = table
    return (dict(zip(names, row)) for row in rows)


def current_rows(con: duckdb.DuckDBPyConnection, country: str, plan: str | None = None) -> dict:
    """What `current_data` writes, as read from the database: a country's plans (or one),
    their actions and stated subtotals (dicts), its indicator rows and its latest
    statuses (column names and tuples)."""
    plan_cond, params = ("TRUE", [country]) if plan is None else ("plan = ?", [country, plan])
    plans = _dicts(con.execute(f"SELECT * FROM plans WHERE country = ? AND {plan_cond} ORDER BY plan", params))
    return {
        "plans": plans,
        "actions": {p["plan"]: _dicts(con.execute(
            'SELECT * FROM actions WHERE country = ? AND plan = ? ORDER BY "row"', [country, p["plan"]]))
            for p in plans},
        "totals": {p["plan"]: _dicts(con.execute(
            'SELECT * FROM stated_totals WHERE country = ? AND plan = ? ORDER BY "row"', [country, p["plan"]]))
            for p in plans},
        "indicators": _table(con.execute(
            "SELECT * FROM indicator_values WHERE country = ? "
            "ORDER BY period_start, indicator, source, sex, age_group", [country])),
        "statuses": _table(con.execute(
            f"SELECT * FROM current_action_status WHERE country = ? AND {plan_cond} ORDER BY plan, action_code",
            params)),
    }


def current_data(con: duckdb.DuckDBPyConnection, country: str, plan: str | None = None,
                 language: str = "fr") -> bytes:
    """A country's current data in the template's layout: its plans (or one), its
    indicator rows and its latest statuses. Loading it back changes nothing."""
    return filled(current_rows(con, country, plan), country, language)


def current_data_apart(con: duckdb.DuckDBPyConnection, country: str, plan: str | None = None,
                       language: str = "fr") -> bytes:
    """`current_data`: its rows read here, its workbook written by `python -m
    loaders.template` in a process of its own (loaders/apart.py). At the target size a
    country's workbook is 2.7 s of openpyxl and about 150 MB more at its peak."""
    return apart.run("loaders.template", {"rows": current_rows(con, country, plan), "country": country,
                                          "language": language})


def filled(rows: dict, country: str, language: str = "fr") -> bytes:
    """The template's layout filled with `current_rows`."""
    book, sheets = _layout(language)
    words = WORDS[language]
    row_number = 2
    for p in rows["plans"]:
        actions, totals = rows["actions"][p["plan"]], rows["totals"][p["plan"]]
        # Rows in their sheet order: actions and subtotals interleaved as loaded.
        items = [("action", a["row"], a) for a in actions] + [("total", t["row"], t) for t in totals]
        plan_total_written = False
        for kind, _, item in sorted(items, key=lambda entry: (entry[1] is None, entry[1])):
            if kind == "action":
                values = {"country": country, "plan": p["plan"], "plan_kind": words[p["kind"]],
                          "axis_code": item["axis_code"], "axis": item["axis"], "effect_code": item["effect_code"],
                          "effect": item["effect"], "action_code": item["action_code"], "action": item["action"],
                          "priority": words.get(item["priority"]) if item["priority"] else None, "lead": item["lead"],
                          "co_leads": "; ".join(item["co_leads"] or []), "partners": "; ".join(item["partners"] or []),
                          "estimated_cost": _cost_cell(item, words),
                          "funds_available": _amount(item["funds_available"]) if item["cost_status"] == "costed"
                          else _amount(item["funds_available"]),
                          "funding_source": item["funding_source"], "currency": item["currency"],
                          "means": item["means"],
                          "horizon": ", ".join(words["medium_term" if h == "medium" else h]
                                               for h in item["horizon"] or [])}
                marks = ["X" if s in (item["semesters"] or []) else None for s in SEMESTERS]
                _write_row(sheets["plan"], row_number, [values.get(n) for n in PLAN_ORDER] + marks + [item["source"]])
            else:
                label = item["label"] if item["level"] != "plan" else "Total"
                funds = item["stated_funds"]
                if item["level"] == "plan" and p["unallocated_funds"] is not None:
                    plan_total_written = True
                values = {"country": country, "plan": p["plan"],
                          "axis_code": item["code"] if item["level"] == "axis" else None,
                          "effect_code": item["code"] if item["level"] == "effect" else None,
                          "action": label, "estimated_cost": _amount(item["stated"]), "funds_available": _amount(funds),
                          "currency": item["currency"],
                          "funding_source": p["unallocated_source"] if item["level"] == "plan" else None}
                _write_row(sheets["plan"], row_number, [values.get(n) for n in PLAN_ORDER] + [None] * len(SEMESTERS)
                           + [None])
            row_number += 1
        if p["unallocated_funds"] is not None and not plan_total_written:
            _write_row(sheets["plan"], row_number, [
                {"country": country, "plan": p["plan"], "action": "Total",
                 "funds_available": _amount(p["unallocated_funds"]), "currency": p["currency"],
                 "funding_source": p["unallocated_source"]}.get(n) for n in PLAN_ORDER])
            row_number += 1
    ref = reference()
    for row, item in enumerate(_each(rows["indicators"]), start=2):
        entry = ref.indicators.get(item["indicator"])
        label = (entry.label_fr if language == "fr" else entry.label_en) if entry else item["indicator"]
        _write_row(sheets["indicators"], row, [
            country, item["period_start"], item["period_end"], item["theme"], label, words[item["sex"]],
            words[item["age_group"]] or None, item["value"], item["source"], item["organisation"], item["action_code"],
            item["comment"]])
    for row, item in enumerate(_each(rows["statuses"]), start=2):
        _write_row(sheets["status"], row, [country, item["plan"], item["action_code"], item["as_of"],
                                           words[item["status"]], item["comment"], item["source"]])
    return _bytes(book)


if __name__ == "__main__":
    apart.serve(filled)
