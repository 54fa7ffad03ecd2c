"""What a parsed file holds, before it touches the database.

Guarantees: plain dataclasses, already in the database's vocabulary (ISO country codes,
catalogue keys, `costed`/`to_be_defined`/`pooled`, ...), each row carrying the sheet and
row it came from so that every figure can be traced back to its cell. Action rows,
indicator rows and aliases applied are named tuples: never changed once parsed, and
turned into columns in C when written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple


class ActionRow(NamedTuple):
    country: str
    plan: str
    axis_code: str | None
    axis: str
    effect_code: str | None
    effect: str | None
    action_code: str
    action: str
    priority: str | None
    lead: str | None
    co_leads: list[str]
    partners: list[str]
    estimated_cost: Decimal | None
    funds_available: Decimal | None
    currency: str | None  # None: stated by no cell of the row; loaders.parse_plan.settle_currency fills it
    funding_source: str | None
    means: str | None
    horizon: list[str]
    cost_status: str
    pooled_with: list[str]
    source: str | None
    semesters: list[str]
    sheet: str
    row: int


@dataclass
class StatedTotal:
    country: str
    plan: str
    level: str  # "effect" | "axis" | "plan"
    code: str | None
    label: str
    stated: Decimal | None
    computed: Decimal | None
    stated_funds: Decimal | None
    computed_funds: Decimal | None
    currency: str | None  # None: stated by no cell of the row; loaders.parse_plan.settle_currency fills it
    sheet: str
    row: int
    funding_source: str | None = None
    cost_col: int | None = None  # where the stated amounts are, to name the cell
    funds_col: int | None = None


@dataclass
class PlanData:
    country: str
    plan: str
    currency: str | None  # None until a row states one; loaders.parse_plan.settle_currency settles it
    actions: list[ActionRow] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    unallocated_funds: Decimal | None = None
    unallocated_source: str | None = None
    sheet: str = ""
    kind: str | None = None  # 'plan' | 'compact'; None until a row names it ('plan' when none does)


class IndicatorRow(NamedTuple):
    country: str
    period_start: dt.date
    period_end: dt.date
    theme: str | None
    indicator: str
    sex: str
    age_group: str
    value: int
    source: str | None
    organisation: str | None
    action_code: str | None
    comment: str | None
    sheet: str
    row: int


@dataclass(slots=True)
class StatusRow:
    country: str
    plan: str | None
    action_code: str
    as_of: dt.date
    status: str
    comment: str | None
    source: str | None
    sheet: str
    row: int


class AliasApplied(NamedTuple):
    sheet: str
    row: int
    column: str
    original: str
    canonical: str


@dataclass
class ParsedFile:
    plans: list[PlanData] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    statuses: list[StatusRow] = field(default_factory=list)
    aliases: list[AliasApplied] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)
    code_columns: dict[str, int] = field(default_factory=dict)  # sheet -> `Code action` column
    status_plan_columns: dict[str, tuple] = field(default_factory=dict)  # sheet -> (Plan, Code action)

    def counts(self) -> dict[str, int]:
        return {
            "plans": len(self.plans),
            "actions": sum(len(p.actions) for p in self.plans),
            "stated_totals": sum(len(p.totals) for p in self.plans),
            "indicator_values": len(self.indicators),
            "action_status": len(self.statuses),
        }
