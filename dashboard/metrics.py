"""Figures derived from query results: funding totals, gaps, schedule spreading, sex splits.

Guarantees: pure functions of DataFrames (no Streamlit, no SQL), so pages stay thin and
tests can check the arithmetic. Not-yet-costed and pooled actions never count as 0:
estimated cost, gap and coverage are over costed actions only, and coverage is not
capped at 100 %. Unallocated plan funds are reported apart, never mixed into coverage.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class FundingTotals:
    estimated: float
    available: float
    gap: float
    coverage: float | None
    actions: int
    not_costed: int
    pooled: int


def funding_totals(actions: pd.DataFrame) -> FundingTotals:
    costed = actions[actions["cost_status"] == "costed"]
    estimated = float(costed["estimated_cost"].sum())
    available = float(costed["funds_available"].fillna(0).sum())
    return FundingTotals(
        estimated=estimated, available=available, gap=estimated - available,
        coverage=(available / estimated) if estimated else None, actions=len(actions),
        not_costed=int((actions["cost_status"] == "to_be_defined").sum()),
        pooled=int((actions["cost_status"] == "pooled").sum()),
    )


def funding_by(actions: pd.DataFrame, level: list[str]) -> pd.DataFrame:
    """Estimated, available, gap and coverage per group of costed actions."""
    costed = actions[actions["cost_status"] == "costed"].copy()
    costed["funds_available"] = costed["funds_available"].fillna(0)
    grouped = costed.groupby(level, dropna=False, sort=False)[["estimated_cost", "funds_available"]].sum()
    grouped = grouped.reset_index()
    grouped["gap"] = grouped["estimated_cost"] - grouped["funds_available"]
    grouped["coverage"] = grouped["funds_available"] / grouped["estimated_cost"].where(grouped["estimated_cost"] > 0)
    return grouped


def funding_breakdown(actions: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """Funding per lead, partner, priority or country, largest gap first. An action with
    several partners counts in full for each of them (so partner rows overlap)."""
    rows = actions.explode(dimension) if dimension == "partners" else actions
    rows = rows.assign(**{dimension: rows[dimension].fillna("—")})
    grouped = funding_by(rows, [dimension])
    counts = rows.groupby(dimension).size().rename("actions")
    return grouped.join(counts, on=dimension).sort_values("gap", ascending=False)


def cost_per_semester(scheduled: pd.DataFrame) -> pd.DataFrame:
    """Each costed action's cost spread equally over the semesters it is scheduled in."""
    costed = scheduled[scheduled["cost_status"] == "costed"].copy()
    costed["share"] = costed["estimated_cost"] / costed["semesters_total"]
    return costed.groupby("semester", as_index=False)["share"].sum()


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


def sex_split(values: pd.DataFrame) -> pd.DataFrame:
    """Per count (country, period, indicator, source): women, men, and the part not
    disaggregated (total minus the parts; the whole total when no part is given)."""
    keys = ["country", "period_start", "period_end", "indicator", "source"]
    rows = values[values["age_group"].isin(["all", "children", "adults"])]
    wide = rows.pivot_table(index=keys + ["age_group"], columns="sex", values="value", aggfunc="sum").reset_index()
    for column in ("F", "M", "total"):
        if column not in wide.columns:
            wide[column] = float("nan")
    parts = wide[["F", "M"]].fillna(0).sum(axis=1)
    wide["total"] = wide["total"].fillna(parts)
    wide["not_disaggregated"] = (wide["total"] - parts).clip(lower=0)
    return wide[keys + ["age_group", "F", "M", "not_disaggregated", "total"]]


def latest_per_country(values: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """For each country, the latest period's totals of the given indicators (rows with
    different sources for the same count are added, and counted in `rows`)."""
    totals = values[(values["sex"] == "total") & values["indicator"].isin(indicators)]
    if totals.empty:
        return totals.assign(rows=[])
    latest = totals.groupby("country")["period_end"].transform("max")
    current = totals[totals["period_end"] == latest]
    return (current.groupby(["country", "period_start", "period_end", "indicator"], as_index=False)
            .agg(value=("value", "sum"), rows=("value", "size")))


def short_source(source: str | None) -> str:
    """The part of a source that tells counts of one document apart: what follows the
    document's name (`..., Q15 (traite des personnes), 4e puce` -> `Q15 (...), 4e puce`)."""
    if not source:
        return ""
    return source.split("), ", 1)[1] if "), " in source else source
