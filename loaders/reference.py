"""Reference lists kept as data in `data/reference/`: countries, indicators, name aliases.

Guarantees: the lists are read once per process from CSV files that a maintainer can
edit without touching code; lookups are made on folded text (case, accents and
punctuation ignored), so `Côte d'Ivoire`, `Cote d’Ivoire` and `CIV` all give `CI`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .text import clean, fold

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"


def _rows(name: str) -> list[dict[str, str]]:
    with open(REFERENCE_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Indicator:
    key: str
    label_fr: str
    label_en: str
    group: str
    chain_order: int | None


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per process
class Reference:
    countries: dict[str, str]  # folded name/code -> alpha2
    country_names: dict[str, tuple[str, str]]  # alpha2 -> (fr, en)
    indicators: dict[str, Indicator]  # key -> Indicator
    indicator_synonyms: dict[str, str]  # folded label/synonym -> key
    organisation_aliases: dict[str, str]  # folded alias -> canonical

    def country(self, raw: object) -> str | None:
        return self.countries.get(fold(raw))

    def indicator(self, raw: object) -> str | None:
        key = fold(raw)
        return self.indicator_synonyms.get(key) or self.indicator_synonyms.get(key.replace(" ", "_"))

    def organisation(self, raw: str) -> str:
        """Canonical name for an organisation as written (itself when no alias applies)."""
        return self.organisation_aliases.get(fold(raw), clean(raw))


def _spelled_out(name_en: str) -> list[str]:
    """The list's short English names abbreviate (`Antigua & Barbuda`, `St. Lucia`);
    official lists and people write them out (`Antigua and Barbuda`, `Saint Lucia`)."""
    full = name_en.replace(" & ", " and ").replace("St. ", "Saint ")
    return [full] if full != name_en else []


@lru_cache(maxsize=1)
def reference() -> Reference:
    countries: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}
    for row in _rows("countries.csv"):
        code = row["alpha2"]
        names[code] = (row["name_fr"], row["name_en"])
        for key in (row["alpha2"], row["alpha3"], row["name_fr"], row["name_en"], *_spelled_out(row["name_en"])):
            countries[fold(key)] = code
    for row in _rows("country_aliases.csv"):
        countries[fold(row["alias"])] = row["alpha2"]

    indicators: dict[str, Indicator] = {}
    synonyms: dict[str, str] = {}
    for row in _rows("indicators.csv"):
        key = row["key"]
        order = int(row["chain_order"]) if row["chain_order"] else None
        indicators[key] = Indicator(key, row["label_fr"], row["label_en"], row["group"], order)
        for text in [key, row["label_fr"], row["label_en"], *row["synonyms"].split("|")]:
            if text.strip():
                synonyms[fold(text)] = key

    aliases = {fold(row["alias"]): row["canonical"] for row in _rows("organisation_aliases.csv")}
    return Reference(countries, names, indicators, synonyms, aliases)
