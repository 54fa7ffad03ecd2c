"""Figures derived from query results: funding totals, gaps, schedule spreading, sex splits.

Guarantees: pure functions of DataFrames (no Streamlit, no SQL), so pages stay thin and
tests can check the arithmetic. Not-yet-costed and pooled actions never count as 0:
estimated cost, gap and coverage are over costed actions only, coverage is not capped
at 100 %, and when nothing in scope is costed the amounts are None ("to be defined"),
never 0. Rows of different plan kinds (a plan's actions, a compact's illustrative
activities) are counted apart, never added into one figure. Unallocated plan funds are
reported apart, never mixed into coverage.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


PLAN_KINDS = ("plan", "compact")  # the order in which kinds are shown


def _per_kind(rows: pd.DataFrame) -> dict[str, int]:
    kinds = rows["plan_kind"] if "plan_kind" in rows else pd.Series("plan", index=rows.index)
    counts = kinds.fillna("plan").value_counts()
    return {kind: int(counts[kind]) for kind in PLAN_KINDS if counts.get(kind, 0)}


@dataclass(frozen=True)
class FundingTotals:
    estimated: float | None  # None: nothing in scope is costed ("to be defined"), never 0
    available: float | None
    gap: float | None
    coverage: float | None
    rows: dict[str, int]        # rows in scope per plan kind: {"plan": 23, "compact": 54}
    not_costed: dict[str, int]  # not yet costed, per plan kind
    pooled: dict[str, int]

    @property
    def costed(self) -> bool:
        return self.estimated is not None

    @property
    def actions(self) -> int:
        """Rows of national plans only: a compact's activities are not actions."""
        return self.rows.get("plan", 0)


def funding_totals(actions: pd.DataFrame) -> FundingTotals:
    costed = actions[actions["cost_status"] == "costed"]
    if costed.empty:
        estimated = available = gap = coverage = None
    else:
        estimated = float(costed["estimated_cost"].sum())
        available = float(costed["funds_available"].fillna(0).sum())
        gap, coverage = estimated - available, (available / estimated) if estimated else None
    return FundingTotals(
        estimated=estimated, available=available, gap=gap, coverage=coverage, rows=_per_kind(actions),
        not_costed=_per_kind(actions[actions["cost_status"] == "to_be_defined"]),
        pooled=_per_kind(actions[actions["cost_status"] == "pooled"]),
    )


def funding_by(actions: pd.DataFrame, level: list[str]) -> pd.DataFrame:
    """Estimated, available, gap and coverage per group; every group of `actions` is
    kept, and a group with no costed action has no amounts (NaN, shown as "not
    costed"), never 0. `not_costed` counts each group's rows that are not yet costed."""
    rows = actions.assign(
        estimated_cost=actions["estimated_cost"].where(actions["cost_status"] == "costed"),
        funds_available=actions["funds_available"].where(actions["cost_status"] == "costed"),
        is_costed=actions["cost_status"] == "costed",
        is_not_costed=actions["cost_status"] == "to_be_defined")
    grouped = rows.groupby(level, dropna=False, sort=False).agg(
        estimated_cost=("estimated_cost", "sum"), funds_available=("funds_available", "sum"),
        costed=("is_costed", "sum"), not_costed=("is_not_costed", "sum")).reset_index()
    nothing_costed = grouped["costed"] == 0
    for column in ("estimated_cost", "funds_available"):
        grouped[column] = grouped[column].astype(float).mask(nothing_costed)
    grouped["gap"] = grouped["estimated_cost"] - grouped["funds_available"]
    grouped["coverage"] = grouped["funds_available"] / grouped["estimated_cost"].where(grouped["estimated_cost"] > 0)
    grouped["not_costed"] = grouped["not_costed"].astype(int)
    return grouped.drop(columns="costed")


def funding_breakdown(actions: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Funding per lead, partner, priority or country, largest gap first (groups with
    nothing costed last). An action with several partners counts in full for each of
    them (so partner rows overlap)."""
    rows = actions.explode(dimension) if dimension == "partners" else actions
    rows = rows.assign(**{dimension: rows[dimension].fillna("—")})
    grouped = funding_by(rows, [dimension])
    kinds = rows["plan_kind"].fillna("plan") if "plan_kind" in rows else pd.Series("plan", index=rows.index)
    # One count column per plan kind present (`rows_plan`, `rows_compact`): never added together.
    counts = rows.assign(plan_kind=kinds).groupby([dimension, "plan_kind"]).size().unstack(fill_value=0)
    counts = counts[[k for k in PLAN_KINDS if k in counts.columns]].add_prefix("rows_")
    return grouped.join(counts, on=dimension).sort_values("gap", ascending=False, na_position="last")


def runs(semesters: list[str]) -> list[tuple[str, str]]:
    """Consecutive semesters -> (first, last) runs: 2021-S1..2021-S2, then 2023-S1."""
    def index(s: str) -> int:
        return int(s[:4]) * 2 + int(s[-1]) - 1
    ordered = sorted(set(semesters), key=index)
    result: list[tuple[str, str]] = []
    for semester in ordered:
        if result and index(semester) == index(result[-1][1]) + 1:
            result[-1] = (result[-1][0], semester)
        else:
            result.append((semester, semester))
    return result


def semester_start(semester: str) -> pd.Timestamp:
    return pd.Timestamp(int(semester[:4]), 1 if semester.endswith("1") else 7, 1)


def semester_end(semester: str) -> pd.Timestamp:
    return pd.Timestamp(int(semester[:4]) + (1 if semester.endswith("2") else 0), 7 if semester.endswith("1") else 1, 1)


def source_document(source: str | None) -> str:
    """The document a source cites, without the place in it (`Questionnaire annuel ...
    (seed 001), Q15, 4e puce` -> `Questionnaire annuel ... (seed 001)`)."""
    if not source:
        return ""
    return source.split("), ", 1)[0] + ")" if "), " in source else source


def short_source(source: str | None) -> str:
    """The part of a source that tells counts of one document apart: what follows the
    document's name (`..., Q15 (traite des personnes), 4e puce` -> `Q15 (...), 4e puce`)."""
    if not source:
        return ""
    return source.split("), ", 1)[1] if "), " in source else source
