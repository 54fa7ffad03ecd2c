"""Reading one cell: amounts, dates, marks, lists and the contract's closed vocabularies.

Guarantees: parsers are pure and memoised (cells repeat a lot; `typed` keeps `1`,
`1.0` and `True` apart); each either returns a value in the database's vocabulary or raises
`CellError` with a French and an English sentence saying what is wrong and what to
write instead. No parser guesses silently: anything outside the contract is an error.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .text import clean, fold


class CellError(ValueError):
    def __init__(self, fr: str, en: str):
        super().__init__(en)
        self.fr = fr
        self.en = en


# --- amounts -----------------------------------------------------------------

TO_BE_DEFINED = {"a definir", "tbd", "to be defined", "a determiner", "", "n d"}
TO_BE_DEFINED_RAW = {"-", "//", "--", "/", "–", "—"}
_POOLED = re.compile(r"\b(cumuler|cumulee?s?|pooled)\b")
_ACTION_CODE = re.compile(r"\d+(?:\.\d+)+")
_CURRENCY_SUFFIXES = [
    (re.compile(r"\bf\s*\.?\s*cfa\b|\bfcfa\b|\bcfa\b", re.I), "CFA"),
    (re.compile(r"us\s*\$|\$\s*us\b|\$|\busd\b|\bdollars?\b", re.I), "USD"),
    (re.compile(r"€|\beur\b|\beuros?\b", re.I), "EUR"),
    (re.compile(r"\bxof\b", re.I), "XOF"),
    (re.compile(r"\bxaf\b", re.I), "XAF"),
]
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


@dataclass(frozen=True)
class Amount:
    value: Decimal | None
    status: str  # "costed" | "to_be_defined" | "pooled" | "empty"
    pooled_with: tuple[str, ...] = ()
    currency: str | None = None  # from a suffix; "CFA" until the country decides XOF/XAF


def _number_from_text(text: str) -> Decimal:
    """`17 500`, `17.500`, `17,500`, `1 234,50`, `12.5` -> Decimal.

    A separator followed by exactly three digits is a thousands separator (contract);
    any other separator is the decimal mark and must be the last one.
    """
    compact = _SPACES.sub("", text)
    if not _NUMBER.match(compact):
        raise InvalidOperation(text)
    groups = re.split(r"[.,]", compact)
    integer = groups[0]
    decimals = ""
    for i, group in enumerate(groups[1:], start=1):
        last = i == len(groups) - 1
        if len(group) == 3 and not decimals:
            integer += group
        elif last and not decimals:
            decimals = group
        else:
            raise InvalidOperation(text)
    return Decimal(f"{integer}.{decimals}" if decimals else integer)


@lru_cache(maxsize=1 << 16, typed=True)
def parse_amount(raw: object) -> Amount:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return Amount(None, "empty")
    if isinstance(raw, bool):
        raise CellError(
            "une case à cocher n'est pas un montant ; écrivez le montant, p. ex. 17 500",
            "a tick box is not an amount; write the amount, e.g. 17 500",
        )
    if isinstance(raw, (int, float, Decimal)):
        value = Decimal(str(raw))
        if value < 0:
            raise CellError(
                f"le montant {raw} est négatif ; un coût ou un financement est 0 ou plus",
                f"the amount {raw} is negative; a cost or funding is 0 or more",
            )
        return Amount(value.normalize() if value == value.to_integral() else value, "costed")
    text = clean(raw)
    folded = fold(text)
    if text in TO_BE_DEFINED_RAW or folded in TO_BE_DEFINED:
        return Amount(None, "to_be_defined")
    if _POOLED.search(folded):
        codes = tuple(dict.fromkeys(_ACTION_CODE.findall(text)))
        if not codes:
            raise CellError(
                f"« {text} » dit que le coût est cumulé avec une autre action sans nommer son code ; "
                "écrivez p. ex. « Action à cumuler avec l'action 1.3.5 »",
                f"'{text}' says the cost is pooled with another action but names no action code; "
                "write e.g. 'pooled with 1.3.5'",
            )
        return Amount(None, "pooled", codes)
    currency = None
    body = text
    for pattern, code in _CURRENCY_SUFFIXES:
        if pattern.search(body):
            currency = code
            body = pattern.sub(" ", body)
            break
    body = body.strip()
    if body.startswith("-") or (body.startswith("(") and body.endswith(")")):
        raise CellError(
            f"le montant « {text} » est négatif ; un coût ou un financement est 0 ou plus",
            f"the amount '{text}' is negative; a cost or funding is 0 or more",
        )
    try:
        value = _number_from_text(body)
    except InvalidOperation:
        raise CellError(
            f"« {text} » n'est pas un montant ; écrivez un nombre (17 500, 17500, 10.000.000 F CFA), "
            "« A définir » s'il n'est pas encore chiffré, ou « Action à cumuler avec l'action 1.3.5 »",
            f"'{text}' is not an amount; write a number (17 500, 17500, 10.000.000 F CFA), "
            "'TBD' when not yet costed, or 'pooled with 1.3.5'",
        ) from None
    return Amount(value, "costed", (), currency)


@lru_cache(maxsize=1 << 16, typed=True)
def parse_count(raw: object) -> int:
    """A whole number, 0 or more, written as amounts may be (`2 292`, `33.718`)."""
    bad = CellError(
        f"« {clean(raw)} » n'est pas un nombre entier ; écrivez un compte, p. ex. 2 292",
        f"'{clean(raw)}' is not a whole number; write a count, e.g. 2 292",
    )
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise CellError(
            "la valeur est vide ; écrivez le nombre compté (0 s'il n'y en a aucun)",
            "the value is empty; write the number counted (0 if there were none)",
        )
    if isinstance(raw, bool):
        raise bad
    if isinstance(raw, (int, float, Decimal)):
        value = Decimal(str(raw))
    else:
        try:
            value = _number_from_text(clean(raw).lstrip("+"))
        except InvalidOperation:
            if clean(raw).startswith("-"):
                raise CellError(
                    f"la valeur {clean(raw)} est négative ; un compte est 0 ou plus",
                    f"the value {clean(raw)} is negative; a count is 0 or more",
                ) from None
            raise bad from None
    if value < 0:
        raise CellError(
            f"la valeur {raw} est négative ; un compte est 0 ou plus",
            f"the value {raw} is negative; a count is 0 or more",
        )
    if value != value.to_integral():
        raise bad
    return int(value)


# --- dates -------------------------------------------------------------------

MONTHS = {
    "janvier": 1, "janv": 1, "january": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "juil": 7, "july": 7, "jul": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\s+(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})$")  # 1er mai 2023
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\s+(\d{1,2})\s+(\d{4})$")  # May 1, 2023
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@lru_cache(maxsize=1 << 16, typed=True)
def parse_date(raw: object, *, end_of_month: bool = False) -> dt.date:
    """Cell date, `2023-05-01`, `01/05/2023` (day first), `mai 2023`.

    A month without a day means its first day, or its last when `end_of_month` (a
    period that ends "décembre 2023" ends on the 31st).
    """
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 30000 <= raw <= 80000:
        # A date cell formatted as a number still holds Excel's day serial.
        return _EXCEL_EPOCH + dt.timedelta(days=int(raw))
    text = clean(raw)
    bad = CellError(
        f"« {text} » n'est pas une date ; écrivez p. ex. 2023-05-01, 01/05/2023 ou mai 2023",
        f"'{text}' is not a date; write e.g. 2023-05-01, 01/05/2023 or May 2023",
    )
    if not text:
        raise CellError(
            "la date est vide ; écrivez p. ex. 2023-05-01, 01/05/2023 ou mai 2023",
            "the date is empty; write e.g. 2023-05-01, 01/05/2023 or May 2023",
        )
    try:
        if m := _ISO.match(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if (m := _DAY_MONTH_YEAR.match(fold(text))) and m[2] in MONTHS:
            return dt.date(int(m[3]), MONTHS[m[2]], int(m[1]))
        if (m := _MONTH_DAY_YEAR.match(fold(text))) and m[1] in MONTHS:
            return dt.date(int(m[3]), MONTHS[m[1]], int(m[2]))
        if m := _MONTH_YEAR.match(fold(text)):
            month = MONTHS.get(m[1])
            if month is None:
                raise bad
            year = int(m[2])
            day = calendar.monthrange(year, month)[1] if end_of_month else 1
            return dt.date(year, month, day)
    except ValueError:
        raise bad from None
    raise bad


# --- marks, lists, semesters -------------------------------------------------

_MARKS = {"x", "1", "oui", "yes", "o", "y", "true", "vrai"}
_MARK_SYMBOLS = {"✓", "✔", "☑", "✗", "●", "•"}


@lru_cache(maxsize=1 << 16, typed=True)
def is_mark(raw: object) -> bool | None:
    """True for a schedule mark, False for an empty cell, None for anything else."""
    if raw is None or raw == "":
        return False
    if raw is True:
        return True
    if raw is False:
        return False
    if isinstance(raw, (int, float)):
        return True if raw == 1 else (False if raw == 0 else None)
    text = clean(raw)
    if not text:
        return False
    if text in _MARK_SYMBOLS or fold(text) in _MARKS:
        return True
    return None


_LIST_SEPARATORS = re.compile(r"\s*(?:\n|;|,|/)\s*")


def split_list(raw: object) -> list[str]:
    """`A; B, C / D` or one per line -> ['A', 'B', 'C', 'D']; `//` alone means none."""
    return list(_split_list(raw))


@lru_cache(maxsize=1 << 16, typed=True)
def _split_list(raw: object) -> tuple[str, ...]:
    if raw is None:
        return ()
    text = str(raw).replace("\u00a0", " ")
    items = [clean(part) for part in _LIST_SEPARATORS.split(text)]
    return tuple(item for item in items if item and item not in {"-", "//", "/"})


_SEMESTER_PATTERNS = [
    re.compile(r"^(\d{4})\s*[-_/ ]?\s*s\s*([12])$"),  # 2021-S1, 2021 S1, 2021S1
    re.compile(r"^s\s*([12])\s*[-_/ ]?\s*(\d{4})$"),  # S1 2021, S1-2021
    re.compile(r"^(\d{4})\s*[-_/]\s*([12])$"),  # 2021-1
    re.compile(r"^semestre\s*([12])\s*[-_/ ]?\s*(\d{4})$"),  # Semestre 1 2021
    re.compile(r"^(\d{4})\s*[-_/ ]?\s*semestre\s*([12])$"),  # 2021 semestre 1
]


@lru_cache(maxsize=1 << 16, typed=True)
def semester_of_header(raw: object) -> str | None:
    """A semester column header -> `2021-S1`, else None."""
    text = clean(raw).lower()
    if not text:
        return None
    for i, pattern in enumerate(_SEMESTER_PATTERNS):
        if m := pattern.match(text):
            year, half = (m[2], m[1]) if i in (1, 3) else (m[1], m[2])
            if 2000 <= int(year) <= 2100:
                return f"{year}-S{half}"
    return None


# --- closed vocabularies ------------------------------------------------------

def _vocabulary(raw, table, empty, what_fr, what_en, allowed_fr, allowed_en):
    key = fold(raw)
    if not key:
        return empty
    if key in table:
        return table[key]
    raise CellError(
        f"« {clean(raw)} » n'est pas {what_fr} connu ; écrivez {allowed_fr}",
        f"'{clean(raw)}' is not a known {what_en}; write {allowed_en}",
    )


PRIORITIES = {
    "elevee": "high", "eleve": "high", "haute": "high", "high": "high", "prioritaire": "high",
    "moyenne": "medium", "moyen": "medium", "medium": "medium",
    "faible": "low", "basse": "low", "low": "low",
}


@lru_cache(maxsize=1 << 16, typed=True)
def parse_priority(raw: object) -> str | None:
    return _vocabulary(
        raw, PRIORITIES, None, "une priorité", "priority",
        "élevée, moyenne ou faible", "high, medium or low",
    )


# A plan's kind says what its rows are: a national plan or roadmap has "actions"; a
# bilateral compact lists "illustrative activities", which are never added to actions.
PLAN_KINDS = {
    "plan": "plan", "plan d'action": "plan", "plan d action": "plan", "action plan": "plan",
    "plan national": "plan", "national plan": "plan", "feuille de route": "plan", "roadmap": "plan",
    "compact": "compact", "pacte": "compact", "partenariat": "compact", "partnership": "compact",
    "cpc": "compact", "child protection compact": "compact",
}


@lru_cache(maxsize=1 << 10, typed=True)
def parse_plan_kind(raw: object) -> str | None:
    return _vocabulary(
        raw, PLAN_KINDS, None, "un type de plan", "plan kind",
        "plan (plan d'action, feuille de route) ou compact (pacte, partenariat)",
        "plan (action plan, roadmap) or compact (partnership)",
    )


STATUSES = {
    "non executee": "not_started", "non atteinte": "not_started", "not started": "not_started",
    "non demarree": "not_started",
    "planifiee": "planned", "planned": "planned", "prevue": "planned",
    "en cours": "in_progress", "in progress": "in_progress", "ongoing": "in_progress",
    "partiellement realisee": "in_progress", "partiellement atteinte": "in_progress",
    "partially completed": "in_progress", "non realisee": "not_started",
    "achevee": "completed", "atteinte": "completed", "completed": "completed",
    "terminee": "completed", "done": "completed", "realisee": "completed",
}


@lru_cache(maxsize=1 << 16, typed=True)
def parse_status(raw: object) -> str:
    status = _vocabulary(
        raw, STATUSES, None, "un statut", "status",
        "Non exécutée, Planifiée, En cours ou Achevée",
        "not started, planned, in progress or completed",
    )
    if status is None:
        raise CellError(
            "le statut est vide ; écrivez Non exécutée, Planifiée, En cours ou Achevée",
            "the status is empty; write not started, planned, in progress or completed",
        )
    return status


SEXES = {
    "f": "F", "femmes": "F", "femme": "F", "filles": "F", "fille": "F", "female": "F",
    "women": "F", "girls": "F", "feminin": "F",
    "m": "M", "h": "M", "hommes": "M", "homme": "M", "garcons": "M", "garcon": "M",
    "male": "M", "men": "M", "boys": "M", "masculin": "M",
    "total": "total", "ensemble": "total", "tous": "total", "all": "total",
}


@lru_cache(maxsize=1 << 16, typed=True)
def parse_sex(raw: object) -> str:
    return _vocabulary(
        raw, SEXES, "total", "un sexe", "sex",
        "F, M, ou laissez vide pour le total", "F, M, or leave empty for the total",
    )


AGE_GROUPS = {
    "enfants": "children", "enfant": "children", "children": "children", "child": "children",
    "mineurs": "children", "moins de 18 ans": "children",
    "adultes": "adults", "adulte": "adults", "adults": "adults", "adult": "adults",
    "majeurs": "adults", "18 ans et plus": "adults", "18 ans et plus ": "adults",
    "tous": "all", "tout age": "all", "all": "all", "ensemble": "all", "total": "all",
}


@lru_cache(maxsize=1 << 16, typed=True)
def parse_age_group(raw: object) -> str:
    return _vocabulary(
        raw, AGE_GROUPS, "all", "une tranche d'âge", "age group",
        "enfants, adultes, ou laissez vide pour tous âges",
        "children, adults, or leave empty for all ages",
    )


THEMES = {
    "travail des enfants": "travail des enfants", "child labour": "travail des enfants",
    "child labor": "travail des enfants",
    "travail force": "travail forcé", "forced labour": "travail forcé", "forced labor": "travail forcé",
    "traite des personnes": "traite des personnes", "traite des etres humains": "traite des personnes",
    "human trafficking": "traite des personnes", "trafficking in persons": "traite des personnes",
    "trafficking": "traite des personnes",
    "esclavage moderne": "esclavage moderne", "modern slavery": "esclavage moderne",
}


@lru_cache(maxsize=1 << 16, typed=True)
def parse_theme(raw: object) -> str | None:
    return _vocabulary(
        raw, THEMES, None, "un domaine", "theme",
        "travail des enfants, travail forcé, traite des personnes ou esclavage moderne",
        "child labour, forced labour, human trafficking or modern slavery",
    )


CURRENCIES = {"usd": "USD", "eur": "EUR", "xof": "XOF", "xaf": "XAF", "us": "USD",
              "dollars": "USD", "euros": "EUR", "euro": "EUR"}


@lru_cache(maxsize=1 << 16, typed=True)
def parse_currency(raw: object) -> str | None:
    return _vocabulary(
        raw, CURRENCIES, None, "une devise", "currency",
        "USD, EUR, XOF ou XAF", "USD, EUR, XOF or XAF",
    )


_HORIZON_WORDS = [("court", "short"), ("short", "short"), ("moyen", "medium"),
                  ("medium", "medium"), ("long", "long")]


def parse_horizon(raw: object) -> list[str]:
    return list(_parse_horizon(raw))


@lru_cache(maxsize=1 << 12, typed=True)
def _parse_horizon(raw: object) -> tuple[str, ...]:
    key = fold(raw)
    if not key:
        return ()
    found: list[str] = []
    for word in key.split():
        for stem, value in _HORIZON_WORDS:
            if word == stem and value not in found:
                found.append(value)
    if not found:
        raise CellError(
            f"« {clean(raw)} » n'est pas un horizon ; écrivez court terme, moyen terme ou long terme",
            f"'{clean(raw)}' is not a horizon; write short, medium or long term",
        )
    order = {"short": 0, "medium": 1, "long": 2}
    return tuple(sorted(found, key=order.__getitem__))
