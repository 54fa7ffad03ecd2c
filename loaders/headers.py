"""Finding the header row of a sheet and mapping its columns to the contract's fields.

Guarantees: headers match in French or English, in any case, with or without accents,
spaces or hyphens (`Respon-sable principal` is `Responsable principal`); the header row
may sit below title rows; column order is free; blank columns are skipped; unknown
columns are reported as warnings, never fatal; a missing required column is an error
naming the header row and the column to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import limits
from .cells import semester_of_header
from .issues import IssueLog
from .text import clean, fold


@dataclass(frozen=True)
class Field:
    name: str
    headers: tuple[str, ...]  # French first, then English, then tolerated variants
    required: bool = False

    @property
    def label_fr(self) -> str:
        return self.headers[0]

    @property
    def label_en(self) -> str:
        return self.headers[1]


PLAN_FIELDS = (
    Field("country", ("Pays", "Country"), True),
    Field("plan", ("Plan", "Plan", "Nom du plan", "Plan d'action", "Action plan"), True),
    Field("plan_kind", ("Type de plan", "Plan kind", "Nature du plan", "Plan type", "Type")),
    Field("axis_code", ("Code axe", "Axis code")),
    Field("axis", ("Axe", "Axis", "Axe stratégique", "Strategic axis", "Priorité stratégique"), True),
    Field("effect_code", ("Code effet", "Effect code", "Outcome code")),
    Field("effect", ("Effet", "Effect", "Outcome", "Effet attendu", "Effet recherché")),
    Field("action_code", ("Code action", "Action code", "N° action", "Numéro de l'action", "Code activité"), True),
    Field("action", ("Action", "Action", "Intitulé de l'action", "Activité", "Activity"), True),
    Field("priority", ("Priorité", "Priority")),
    Field("lead", ("Responsable principal", "Lead", "Responsable", "Lead agency", "Structure responsable",
                   "Responsable de la mise en œuvre", "Chef de file")),
    Field("co_leads", ("Co-responsables", "Co-leads", "Co-responsable", "Co-lead")),
    Field("partners", ("Partenaires", "Partners", "Partenaires techniques et financiers", "PTF",
                       "Partenaires de mise en œuvre", "Implementing partners")),
    Field("estimated_cost", ("Coût estimé", "Estimated cost", "Coût", "Cost", "Budget", "Coût estimatif",
                             "Budget estimé", "Coût total", "Total cost")),
    Field("funds_available", ("Fonds disponibles", "Funds available", "Disponible", "Available",
                              "Fonds disponibles/source", "Financement acquis", "Financement disponible",
                              "Budget disponible", "Funding secured", "Montant disponible")),
    Field("funding_source", ("Source des fonds", "Funding source", "Source de financement")),
    Field("currency", ("Devise", "Currency", "Monnaie")),
    Field("means", ("Moyens", "Means", "Moyens de l'action", "Stratégies", "Strategies")),
    Field("horizon", ("Horizon", "Horizon", "Durée", "Duration")),
    Field("source", ("Source", "Source", "Référence", "Reference")),
)

INDICATOR_FIELDS = (
    Field("country", ("Pays", "Country"), True),
    Field("period_start", ("Début période", "Period start", "Début", "Start", "Date de début", "Début de la période",
                           "Période du", "From"), True),
    Field("period_end", ("Fin période", "Period end", "Fin", "End", "Date de fin", "Fin de la période",
                         "Période au", "To"), True),
    Field("theme", ("Domaine", "Theme", "Thème")),
    Field("indicator", ("Indicateur", "Indicator"), True),
    Field("sex", ("Sexe", "Sex", "Gender")),
    Field("age_group", ("Âge", "Age group", "Tranche d'âge", "Age")),
    Field("value", ("Valeur", "Value", "Nombre", "Number", "Effectif"), True),
    Field("source", ("Source", "Source")),
    Field("organisation", ("Organisation", "Organisation", "Organization", "Structure")),
    Field("action_code", ("Code action", "Action code")),
    Field("comment", ("Commentaire", "Comment", "Note", "Notes")),
)

STATUS_FIELDS = (
    Field("country", ("Pays", "Country"), True),
    Field("plan", ("Plan", "Plan")),
    Field("action_code", ("Code action", "Action code"), True),
    Field("as_of", ("Date", "As of", "À la date du", "Date du statut"), True),
    Field("status", ("Statut", "Status", "État", "Avancement"), True),
    Field("comment", ("Commentaire", "Comment", "Observations")),
    Field("source", ("Source", "Source")),
)

FIELDS_BY_KIND = {"plan": PLAN_FIELDS, "indicators": INDICATOR_FIELDS, "status": STATUS_FIELDS}
SHEET_LABELS = {"plan": "Plan", "indicators": "Indicateurs", "status": "Suivi"}


@dataclass
class HeaderMap:
    row_index: int  # 0-based index into the sheet rows
    columns: dict[str, int]  # field name -> 0-based column
    semesters: list[tuple[int, str]] = field(default_factory=list)  # (column, "2021-S1")
    unknown: list[tuple[int, str]] = field(default_factory=list)

    @property
    def row_number(self) -> int:
        return self.row_index + 1


def _key(text: str) -> str:
    """Header comparison key: folded, every word in the singular, spaces and hyphens
    dropped (`Codes actions` = `Code action`, `Respon-sable` = `Responsable`)."""
    return "".join(word.rstrip("s") for word in fold(text).split())


def _lookup(fields: tuple[Field, ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for f in fields:
        for header in f.headers:
            table.setdefault(_key(header), f.name)
    return table


def _field(table: dict[str, str], text: str) -> str | None:
    for candidate in (text, _UNIT.sub(" ", text)):  # `Coût estimé (USD)`: the unit names nothing
        if name := table.get(_key(candidate)):
            return name
    return None


_UNIT = re.compile(r"\(.*?\)|\[.*?\]")


def _match_row(row: list, table: dict[str, str], kind: str) -> HeaderMap:
    mapping = HeaderMap(0, {})
    for col, cell in enumerate(row):
        text = clean(cell)
        if not text:
            continue
        name = _field(table, text)
        if name is not None:
            mapping.columns.setdefault(name, col)
            continue
        semester = semester_of_header(text) if kind == "plan" else None
        if semester:
            mapping.semesters.append((col, semester))
        else:
            mapping.unknown.append((col, text))
    return mapping


def required_fields(kind: str) -> list[Field]:
    return [f for f in FIELDS_BY_KIND[kind] if f.required]


def find_header(rows: list[list], kind: str) -> HeaderMap | None:
    """The first row holding every required column, else the best partial match."""
    table = _lookup(FIELDS_BY_KIND[kind])
    required = {f.name for f in required_fields(kind)}
    best: HeaderMap | None = None
    best_score = 1  # one matching cell is a title, not a header
    for index, row in enumerate(rows[: limits.HEADER_SEARCH_ROWS]):
        mapping = _match_row(row, table, kind)
        mapping.row_index = index
        if required <= mapping.columns.keys():
            return mapping
        score = len(mapping.columns) + len(mapping.semesters)
        if score > best_score:
            best, best_score = mapping, score
    return best


def report_header(mapping: HeaderMap | None, kind: str, sheet: str, log: IssueLog) -> bool:
    """Log missing and unknown columns; True when the sheet can be read."""
    wanted = required_fields(kind)
    if mapping is None:
        names_fr = ", ".join(f.label_fr for f in wanted)
        names_en = ", ".join(f.label_en for f in wanted)
        log.error("no_header", sheet, None, None,
                  f"aucune ligne d'en-têtes trouvée dans les {limits.HEADER_SEARCH_ROWS} premières lignes ; "
                  f"ajoutez une ligne avec au moins les colonnes {names_fr}",
                  f"no header row found in the first {limits.HEADER_SEARCH_ROWS} rows; "
                  f"add a row with at least the columns {names_en}")
        return False
    ok = True
    for f in wanted:
        if f.name not in mapping.columns:
            ok = False
            log.error("missing_column", sheet, mapping.row_number, None,
                      f"la colonne « {f.label_fr} » manque dans la ligne d'en-têtes ; ajoutez-la "
                      f"(en anglais : « {f.label_en} »)",
                      f"the column '{f.label_en}' is missing from the header row; add it "
                      f"(in French: '{f.label_fr}')")
    for col, text in mapping.unknown:
        log.warning("unknown_column", sheet, mapping.row_number, col,
                    f"la colonne « {text} » ne fait pas partie du modèle et a été ignorée ; "
                    "renommez-la si elle devait être lue",
                    f"the column '{text}' is not part of the contract and was ignored; "
                    "rename it if it was meant to be read")
    return ok
