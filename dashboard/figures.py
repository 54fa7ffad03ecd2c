"""The charts that the pages, the meeting mode and the brief share.

Guarantees: each function reads the cached queries for a scope and returns the Plotly
figures in `language`, built by charts.py, so a page and the brief show the same figure
for the same filters. Each is cached whole on its plain arguments (`cached_figures`):
a rerun hashes a scope, not the frames behind its charts. Trend charts draw at most
`LINES_DRAWN` lines and say how many are left out. None draws for a medium: pages pass
the figures to `ui.chart`, the brief renders them to pictures.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from dataclasses import replace

import plotly.graph_objects as go

import pandas as pd
import streamlit as st

from . import charts, db, derived, metrics, queries, trend_queries
from .filters import country_name
from .i18n import date, indicator, number, period, speaking, t
from .scope import HASHED, Scope

STATUS_ORDER = ["completed", "in_progress", "planned", "not_started", "no_status"]
PLANS_DRAWN = 4  # one chart per plan up to here; past it, one chart with a bar per plan
PLAN_BARS = 30  # the plans that chart draws; the others are counted (plans_drawn), not drawn
CHAIN = ("cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted")
LINES_DRAWN = 12  # lines a reader can tell apart in one chart; the others are counted, not drawn
MEETING_HEIGHT = 440  # a meeting screen's chart: title, buttons and chart on one projected screen
MEETING_AXES = 5  # axes that height holds, their names legible from the back of the room
MEETING_FIGURES = 5  # enforcement figures a meeting screen holds (their labels run to four lines)
CHARTS_DRAWN = 6  # trend charts of counts (one per indicator), and at most 4 plans' statuses


_BUILDERS: dict = {}


@st.cache_resource(show_spinner=False, max_entries=128, hash_funcs=HASHED)
def _built(name: str, args: tuple):
    return _BUILDERS[name](*args)


db.cleared_with_answers(_built.clear)


def cached_figures(function):
    """`function`'s figures cached on its (plain, hashable) arguments: a rerun hashes a
    scope and a language, not the frames behind each chart. The figures come from
    charts.py's builders, so they are shared objects that nobody changes (SharedFigure),
    kept as they are: rebuilding eleven trend charts on every rerun cost more than drawing
    them. Dropped with the cached answers after every load (db.cleared_with_answers).
    Arguments may be given by name or left to their defaults: each call is bound to the
    function's signature first, so `f(x)` and `f(x, flag=False)` share one entry."""
    name = function.__qualname__
    signature = inspect.signature(function)
    # The cache key is the bound positional arguments: a parameter that can only be named
    # (or *args, **kwargs) would be left out of it, and out of the call.
    if any(p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in signature.parameters.values()):
        raise TypeError(f"{name}: a cached figure takes plain parameters, none keyword-only or variadic")
    _BUILDERS[name] = function

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        # By name: Streamlit reads the signature of a cached function anew for each
        # argument passed by position (0.5 ms of the funding page's run, against 0.25).
        return _built(name=name, args=tuple(bound.args))
    return wrapper


def _drawn(frame: pd.DataFrame, label: str) -> tuple[pd.DataFrame, int]:
    """The rows of the first `LINES_DRAWN` labels, and how many labels are left out."""
    labels = list(dict.fromkeys(frame[label]))
    return frame[frame[label].isin(labels[:LINES_DRAWN])], max(0, len(labels) - LINES_DRAWN)


def _count_series(scope: Scope, indicators: tuple[str, ...], language: str) -> list[tuple]:
    counts = trend_queries.counts_over_time(scope, indicators)
    out = []
    with speaking(language):
        for key, rows in list(counts.groupby("indicator", sort=False))[:CHARTS_DRAWN]:
            # The lines drawn are chosen first, so only their rows get labels and dates
            # (formatting every period of thirty countries took seconds).
            series = rows[["country", "source"]].drop_duplicates()
            rows = rows.merge(series.head(LINES_DRAWN), on=["country", "source"])
            periods = {(s, e): period(s, e) for s, e in set(zip(rows["period_start"], rows["period_end"]))}
            rows = rows.assign(
                when=[periods[s, e] for s, e in zip(rows["period_start"], rows["period_end"])],
                # The chart's title names the indicator: a line is its country, and its
                # source when the country reports the indicator in several.
                label=[country_name(c) + (f" · {metrics.short_source(src)}" if n > 1 else "")
                       for c, src, n in zip(rows["country"], rows["source"], rows["figures"])])
            order = list(dict.fromkeys(rows.sort_values("period_start")["when"]))
            out.append((key, indicator(key), rows[["when", "value", "label"]].reset_index(drop=True), order,
                        max(0, len(series) - LINES_DRAWN)))
    return out


@cached_figures
def counts_over_time(scope: Scope, indicators: tuple[str, ...], language: str) -> list[tuple[str, go.Figure, int]]:
    """Per indicator reported in more than one period: (indicator, lines over the periods
    labelled by their dates, lines not drawn)."""
    with speaking(language):
        return [(key, charts.over_time(rows, "when", "value", "label", title, t("count"), order), hidden)
                for key, title, rows, order, hidden in _count_series(scope, indicators, language)]


def _status_series(scope: Scope, language: str) -> tuple[list[tuple], int]:
    statuses = trend_queries.statuses_over_time(scope)
    statuses = statuses[statuses.groupby(["country", "plan"])["reported"].transform("nunique") > 1]
    plans = list(statuses.groupby(["country", "plan"], sort=False))
    with speaking(language):
        out = []
        for (country, plan), rows in plans[:4]:
            rows = rows.assign(when=rows["reported"].map(date), status=rows["status"].map(t))
            order = list(dict.fromkeys(rows.sort_values("reported")["when"]))
            out.append((country, plan, f"{country_name(country)} · {plan}",
                        rows[["when", "actions", "status"]].reset_index(drop=True), order))
        return out, max(0, len(plans) - 4)


@cached_figures
def statuses_over_time(scope: Scope, language: str) -> tuple[list[tuple[str, str, go.Figure]], int]:
    """Per plan reported at more than one date (at most 4): (country, plan, statuses at
    each reporting date), and how many plans are left out."""
    series, hidden = _status_series(scope, language)
    with speaking(language):
        colors = {t(k): v for k, v in charts.STATUS_COLORS.items()}
        return [(country, plan, charts.bars(rows, "when", "actions", title, t("actions"), color="status",
                                            colors=colors, barmode="stack", categories=order))
                for country, plan, title, rows, order in series], hidden


def _coverage_series(scope: Scope, language: str) -> tuple:
    coverage = trend_queries.coverage_by_version(scope)
    coverage = coverage[coverage.groupby(["country", "plan"])["version"].transform("count") > 1]
    if coverage.empty:
        return None
    with speaking(language):
        coverage = coverage.assign(
            coverage=coverage["available"] / coverage["estimated"].where(coverage["estimated"] > 0),
            when=[f"v{v} · {date(d)}" for v, d in zip(coverage["version"], coverage["loaded_at"])],
            label=[f"{country_name(c)} · {p}" for c, p in zip(coverage["country"], coverage["plan"])])
    rows, hidden = _drawn(coverage, "label")
    order = list(dict.fromkeys(rows.sort_values("loaded_at")["when"]))
    return rows[["when", "coverage", "label"]].reset_index(drop=True), order, hidden


@cached_figures
def coverage_by_version(scope: Scope, language: str) -> tuple[go.Figure | None, int]:
    """Coverage of each plan at each version that loaded it (plans loaded more than once),
    and how many plans' lines are not drawn."""
    series = _coverage_series(scope, language)
    if series is None:
        return None, 0
    rows, order, hidden = series
    with speaking(language):
        return charts.over_time(rows, "when", "coverage", "label", t("tr_coverage"), t("coverage"), order,
                                percent=True), hidden


def _costed(scope: Scope, currency: str, usd_per_eur: float) -> dict | None:
    """The funding view of a scope (derived.funding), or None when nothing in it is costed:
    then a funding chart would only draw zeros, and the page says "not costed" instead."""
    view = derived.funding(scope, currency, usd_per_eur)
    return None if view["empty"] or not view["totals"].costed else view


def _effect_named(frame: pd.DataFrame, effect_labels: dict) -> pd.DataFrame:
    """Effects by their label; actions under no effect say so."""
    return frame.assign(effect=frame["effect"].map(
        lambda e: effect_labels.get(e, e) if isinstance(e, str) else t("fu_no_effect")))


def levels_cut(view: dict, by: str, drawn: int | None = None) -> str | None:
    """What the funding chart `by` ("by_axis", "by_effect") of a funding view leaves out,
    in words, or None when it draws every axis or effect (derived.LEVELS_DRAWN, or
    `drawn` for a chart that draws fewer: the meeting's)."""
    shown, total = len(view[by]) if drawn is None else min(drawn, len(view[by])), view["levels"][by]
    if total <= shown:
        return None
    level = t("sc_level_axis" if by == "by_axis" else "sc_level_effect")
    return t("fu_levels_cut").format(shown=number(shown), total=number(total), level=level)


@cached_figures
def funding_by_axis(scope: Scope, currency: str, usd_per_eur: float, language: str) -> go.Figure | None:
    """Estimated vs available by axis; None when nothing in scope is costed."""
    if (view := _costed(scope, currency, usd_per_eur)) is None:
        return None
    with speaking(language):
        return charts.estimated_vs_available(view["by_axis"], "axis", t("fu_by_axis"), currency)


@cached_figures
def meeting_gaps(scope: Scope, currency: str, usd_per_eur: float, language: str) -> go.Figure | None:
    """Estimated vs available for the axes a meeting screen holds (MEETING_AXES,
    the largest gaps past that), at the screen's height; None when nothing is costed."""
    if (view := _costed(scope, currency, usd_per_eur)) is None:
        return None
    with speaking(language):
        figure = charts.estimated_vs_available(derived.largest_gaps(view["by_axis"], MEETING_AXES), "axis",
                                               t("fu_by_axis"), currency)
    # A copy: the funding page may share the same cached figure (the same axes).
    return charts.SharedFigure.of(go.Figure(figure, _validate=False).update_layout(height=MEETING_HEIGHT))


@cached_figures
def funding_by_effect(scope: Scope, currency: str, usd_per_eur: float, language: str) -> go.Figure | None:
    """Estimated vs available by expected effect; None when nothing in scope is costed."""
    if (view := _costed(scope, currency, usd_per_eur)) is None:
        return None
    with speaking(language):
        return charts.estimated_vs_available(_effect_named(view["by_effect"], view["effect_labels"]), "effect",
                                             t("fu_by_effect"), currency)


@cached_figures
def funding_gap_breakdown(scope: Scope, currency: str, usd_per_eur: float, language: str) -> go.Figure | None:
    """The gap by axis, effect and action (the largest gaps: derived.TREE_ACTIONS); None
    when nothing in scope is costed."""
    if (view := _costed(scope, currency, usd_per_eur)) is None:
        return None
    with speaking(language):
        return charts.gap_treemap(_effect_named(view["tree"], view["effect_labels"]), t("fu_gap_tree"), currency)


@cached_figures
def enforcement_chain(scope: Scope, language: str, most: int, by_country: bool = False
                      ) -> tuple[go.Figure | None, int, int]:
    """Each country's latest figures of the enforcement stages, one bar each (at most
    `most`), stage by stage; with `by_country`, whole countries' chains, the first one's
    even if cut (a meeting screen of five bars then shows one country's chain, not five
    countries' first stage). Returns the figure, how many figures it draws and how many
    there are in all."""
    rows = derived.labelled_figures(scope, CHAIN, language)
    if rows.empty:
        return None, 0, 0
    order = {"_stage": rows["indicator"].map({k: i for i, k in enumerate(CHAIN)})}
    if by_country:  # countries in the order they come, each one's stages in order
        order = {"_country": rows["country"].map({c: i for i, c in enumerate(dict.fromkeys(rows["country"]))}),
                 **order}
    rows = rows.assign(**order).sort_values(list(order), kind="stable").drop(columns=list(order))
    if by_country:
        # Whole chains while they fit (a running total is a prefix), the first one's anyway.
        fits = rows.groupby("country", sort=False).size().cumsum() <= most
        fits.iloc[0] = True
        shown = rows[rows["country"].isin(fits[fits].index)].head(most)
    else:
        shown = rows.head(most)
    with speaking(language):
        return charts.bars(shown, "label", "value", t("en_chain"), t("count"), color="period_label",
                           horizontal=True), len(shown), len(rows)


def _progress_series(scope: Scope, language: str) -> list[tuple]:
    tally = queries.status_tally(scope)
    if tally.empty:
        return []
    with speaking(language):
        rank = {t(k): i for i, k in enumerate(STATUS_ORDER)}
        plans = tally[["country", "plan"]].drop_duplicates()
        if len(plans) > PLANS_DRAWN:
            drawn = set(zip(plans["country"].head(PLAN_BARS), plans["plan"].head(PLAN_BARS)))
            tally = tally[[key in drawn for key in zip(tally["country"], tally["plan"])]]
            rows = tally.assign(label=[charts.wrap(f"{country_name(c)} · {p}", 50) for c, p in
                                       zip(tally["country"], tally["plan"])])
            return [(t("pr_by_plan"), _counted(rows, rank), list(dict.fromkeys(rows["label"])), scope)]
        axis_labels = queries.axis_labels()
        out = []
        for (country, plan), rows in tally.groupby(["country", "plan"], sort=False):
            rows = rows.assign(label=rows["axis"].map(lambda a: charts.wrap(axis_labels.get(a, a), 50)))
            # One line: a title wrapped on two lines is drawn partly above the figure.
            title = charts.wrap(t("pr_plan_title").format(plan=f"{country_name(country)} · {plan}"), 90, 1)
            out.append((title, _counted(rows, rank), list(dict.fromkeys(rows["label"])),
                        replace(scope, countries=(country,), plans=(plan,))))
        return out


def plans_drawn(scope: Scope) -> tuple[int, int]:
    """(plans drawn, plans in all) by `progress_by_plan`'s chart of a bar per plan."""
    tally = queries.status_tally(scope)
    total = tally[["country", "plan"]].drop_duplicates().shape[0] if not tally.empty else 0
    return (min(total, PLAN_BARS) if total > PLANS_DRAWN else total), total


@cached_figures
def progress_by_plan(scope: Scope, language: str) -> list[tuple[go.Figure, Scope]]:
    """The latest status of the actions: one chart per plan (titled by its country and
    plan, a bar per axis) up to `PLANS_DRAWN` plans, else one chart with a bar for each
    of the first `PLAN_BARS` plans;
    each with the scope of its data (for its source line)."""
    with speaking(language):
        colors = {t(k): v for k, v in charts.STATUS_COLORS.items()}
        return [(charts.stacked_rows(counted, "label", "count", "status", title, t("actions"), colors, order, 60),
                 plan_scope) for title, counted, order, plan_scope in _progress_series(scope, language)]


def _counted(rows: pd.DataFrame, rank: dict) -> pd.DataFrame:
    counted = rows.groupby(["label", "status"], as_index=False, sort=False)["count"].sum()
    counted = counted.assign(status=counted["status"].map(t))
    return counted.sort_values("status", key=lambda s: s.map(rank), kind="stable").reset_index(drop=True)


# --- countries side by side -----------------------------------------------------------

UPRIGHT_BARS = 8  # past this many countries, upright bars leave no room: laid down the side


@cached_figures
def compare_measure(scope: Scope, as_of: dt.date, key: str, language: str) -> go.Figure | None:
    """One measure (`coverage`, `late_share`, or a stage of the enforcement chain) of each
    country that reports it, a bar each; None when too few do (one stage figure is no
    comparison; a share needs one country)."""
    rows = trend_queries.countries_side_by_side(scope, as_of)
    data = rows[["country", key]].assign(country=rows["country"].map(country_name))
    reported = data.dropna()
    with speaking(language):
        if key in ("coverage", "late_share"):
            if reported.empty:
                return None
            title = t("coverage" if key == "coverage" else "cp_late_share")
            # Drawn in one of two columns (the compare page puts coverage beside lateness).
            return charts.bars(reported, "country", key, title, title, text=".1%", y_format=".0%",
                               horizontal=len(reported) > UPRIGHT_BARS, narrow=True)
        if len(reported) < 2:
            return None
        return charts.bars(reported, "country", key, t(f"ov_short_{key}"), t("count"),
                           horizontal=len(reported) > UPRIGHT_BARS)
