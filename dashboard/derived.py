"""Figures derived from the actions in scope, computed once per scope and currency.

Guarantees: each function is cached with `st.cache_data` on plain hashable arguments
(cleared with every load), so a warm rerun of a page only draws; each returns small
frames (one row per axis, effect, lead...; at most `TREE_ACTIONS` actions for the gap
tree), never the actions themselves; the arithmetic is metrics.py's.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from . import metrics, queries
from .money import convert
from .scope import HASHED, Scope

CACHE = {"show_spinner": False, "max_entries": 256, "hash_funcs": HASHED}
TREE_ACTIONS = 150  # the largest gaps drawn in the treemap; the ranked table holds every one
LEVELS_DRAWN = 30  # axes or effects drawn by the funding charts (the largest gaps); the others are counted


def _actions(scope: Scope, currency: str, usd_per_eur: float) -> pd.DataFrame:
    return convert(queries.actions(scope), ["estimated_cost", "funds_available"], currency, usd_per_eur)


@st.cache_data(**CACHE)
def funding(scope: Scope, currency: str, usd_per_eur: float) -> dict:
    """Totals, by axis, by effect, and the gap tree of the actions in scope."""
    actions = _actions(scope, currency, usd_per_eur)
    if actions.empty:
        return {"empty": True}
    axis_labels, effect_labels = queries.axis_labels(), queries.effect_labels()
    costed = actions[actions["cost_status"] == "costed"]
    by_axis = largest_gaps(metrics.funding_by(actions, ["axis"]))
    by_axis["axis"] = by_axis["axis"].map(lambda a: axis_labels.get(a, a))
    by_effect = largest_gaps(metrics.funding_by(actions, ["effect"]))
    tree = metrics.funding_by(costed, ["axis", "effect", "action_code", "action"])
    tree = tree[tree["gap"] > 0].nlargest(TREE_ACTIONS, "gap")
    tree["axis"] = tree["axis"].map(lambda a: axis_labels.get(a, a))
    tree["action"] = tree["action_code"] + " · " + tree["action"]
    levels = {"by_axis": actions["axis"].nunique(dropna=False), "by_effect": actions["effect"].nunique(dropna=False)}
    return {"empty": False, "totals": metrics.funding_totals(actions), "by_axis": by_axis, "by_effect": by_effect,
            "levels": levels,
            "effect_labels": effect_labels, "tree": tree, "tree_total": int((costed["estimated_cost"] -
                                                                             costed["funds_available"].fillna(0)
                                                                             > 0).sum()),
            "not_costed": int((actions["cost_status"] == "to_be_defined").sum()),
            "pooled": int((actions["cost_status"] == "pooled").sum())}


def largest_gaps(grouped: pd.DataFrame, drawn: int = LEVELS_DRAWN) -> pd.DataFrame:
    """Every group in its order when they fit in a chart; past `drawn` (thirty
    countries' plans side by side), the largest gaps, largest first, then those with
    nothing costed: a chart of hundreds of bars is unreadable and slow to draw."""
    if len(grouped) <= drawn:
        return grouped
    return grouped.sort_values(["gap", "not_costed"], ascending=[False, False], na_position="last").head(drawn)


@st.cache_data(**CACHE)
def breakdown(scope: Scope, currency: str, usd_per_eur: float, dimension: str) -> pd.DataFrame:
    return metrics.funding_breakdown(_actions(scope, currency, usd_per_eur), dimension)


@st.cache_data(**CACHE)
def labelled_figures(scope: Scope, indicators: tuple[str, ...], language: str) -> pd.DataFrame:
    """Each country's latest stated figures of `indicators`, with their chart labels in
    `language` (several sources for one indicator and period told apart by source)."""
    from . import charts
    from .filters import country_name
    from .i18n import indicator, period, speaking

    figures = queries.stated_figures(scope, indicators, latest=True)
    with speaking(language):
        return figures.assign(
            period_label=[f"{country_name(c)} · {period(s, e)}" for c, s, e in
                          zip(figures["country"], figures["period_start"], figures["period_end"])],
            label=[charts.wrap(indicator(i) if n == 1 else f"{indicator(i)} · {metrics.short_source(src)}", 34,
                               lines=8) for i, n, src in zip(figures["indicator"], figures["figures"],
                                                             figures["source"])])


@st.cache_data(**CACHE)
def status_counts(scope: Scope) -> dict[str, dict[str, int]]:
    """Per plan kind, how many actions stand in each latest status (`no_status` when
    none was reported): small, where the actions themselves are thousands."""
    tally = queries.status_tally(scope)
    return {kind: {k: int(v) for k, v in rows.groupby("status")["count"].sum().items()}
            for kind, rows in tally.groupby("plan_kind", sort=False)}


def stage_value(figures: pd.DataFrame) -> str:
    """One stage's figure in a country's latest period: the figure, or "n figures" when
    several sources give one (possibly overlapping: never added into one)."""
    from .i18n import number, t

    if figures.empty:
        return "—"
    if len(figures) == 1:
        return number(figures["value"].iloc[0])
    return t("ov_figures_count").format(n=len(figures))


@st.cache_data(**CACHE)
def latest_stages(scope: Scope, stages: tuple[str, ...], language: str) -> pd.DataFrame:
    """One row per country: its latest period and each stage's figure, in `language`."""
    from .filters import country_name
    from .i18n import period, speaking, t

    latest = queries.stated_figures(scope, stages, latest=True)
    with speaking(language):
        return pd.DataFrame([
            {t("country"): country_name(country), t("period"): period(rows.iloc[0].period_start,
                                                                      rows.iloc[0].period_end),
             **{t(f"ov_short_{key}"): stage_value(rows[rows["indicator"] == key]) for key in stages}}
            for country, rows in latest.groupby("country", sort=False)])


DOCUMENTS_NAMED = 3  # past that, "and n more": the line stays one line


def provenance_text(scope: Scope, kind: str, language: str, escape=str) -> str:
    """One line naming the source documents behind a chart and the date of its data
    (`kind`: plans, indicators or status), in `language`; `escape` makes the documents'
    names (workbook text) safe where the line goes."""
    from .i18n import date, number, t

    documents, as_of = queries.provenance(scope, kind)
    if not documents and kind == "status":
        # No status reported: the chart shows the plan's actions, all "no status", whatever
        # their schedule (the year filter picks statuses, not actions, there).
        kind = "plans"
        documents, as_of = queries.provenance(replace(scope, years=()), kind)
    if not documents:
        return t("source_none", language)
    named = " ; ".join(escape(d) for d in documents[:DOCUMENTS_NAMED])
    if len(documents) > DOCUMENTS_NAMED:
        named += t("source_more", language).format(n=number(len(documents) - DOCUMENTS_NAMED, language))
    return t(f"source_line_{kind}", language).format(documents=named, date=date(as_of, language))
