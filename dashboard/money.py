"""Converting amounts between USD, EUR, XOF and XAF for display.

Guarantees: rates come from `data/reference/exchange_rates.csv` (units per euro): XOF
and XAF at the fixed parity of 655.957 per euro, the USD rate dated and editable (in
the file, or for one session on the Funding page). Converting never changes stored
amounts; a missing amount stays missing (never 0).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

RATES_FILE = Path(__file__).resolve().parent.parent / "data" / "reference" / "exchange_rates.csv"
CURRENCIES = ("USD", "EUR", "XOF", "XAF")


@dataclass(frozen=True)
class Rate:
    currency: str
    per_eur: float
    as_of: str
    source: str
    editable: bool


@lru_cache(maxsize=1)
def rates() -> dict[str, Rate]:
    with open(RATES_FILE, encoding="utf-8", newline="") as handle:
        return {row["currency"]: Rate(row["currency"], float(row["per_eur"]), row["as_of"], row["source"],
                                      row["editable"] == "yes") for row in csv.DictReader(handle)}


def factor(source: str, target: str, usd_per_eur: float | None = None) -> float:
    table = {c: r.per_eur for c, r in rates().items()}
    if usd_per_eur:
        table["USD"] = usd_per_eur
    return table[target] / table[source]


def convert(frame: pd.DataFrame, columns: list[str], target: str, usd_per_eur: float | None = None,
            currency_column: str = "currency") -> pd.DataFrame:
    """A copy of `frame` with `columns` in `target` currency (NaN stays NaN)."""
    out = frame.copy()
    if out.empty:
        return out
    factors = out[currency_column].map(lambda c: factor(c, target, usd_per_eur))
    for column in columns:
        out[column] = out[column].astype(float) * factors
    return out
