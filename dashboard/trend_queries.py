"""Figures over time and across countries, answered in DuckDB.

Guarantees: cached functions with `?` parameters returning small frames: stated counts
per reporting period (the rule of `queries.stated_figures`: what a source states, never
sources added), statuses of actions as they stood at each reporting date, funding
coverage at each loaded version of each plan, and one row per country for the
comparison (coverage, share of actions late, actions not costed, the latest counts per
stage with their period). A figure a country does not report is missing (NULL), never 0.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from . import queries
from .db import frame
from .scope import HASHED, Scope

CACHE = {"show_spinner": False, "max_entries": 128, "hash_funcs": HASHED}
CHAIN = ("cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted")


@st.cache_data(**CACHE)
def counts_over_time(scope: Scope, indicators: tuple[str, ...]) -> pd.DataFrame:
    """Stated figures of `indicators` for every period, for the (country, indicator)
    pairs reported in more than one period."""
    figures = queries.stated_figures(scope, indicators)
    periods = figures.groupby(["country", "indicator"])["period_end"].transform("nunique")
    return figures[periods > 1].sort_values(["country", "indicator", "period_start", "source"])


@st.cache_data(**CACHE)
def statuses_over_time(scope: Scope) -> pd.DataFrame:
    """Per country, plan and reporting date: how many actions stood in each status then
    (each action's latest status on or before that date)."""
    where, params = scope.action_where("a", years=False)
    return frame(f"""
        WITH scoped AS (SELECT country, plan, action_code FROM actions a WHERE {where}),
        history AS (SELECT s.* FROM action_status s JOIN scoped USING (country, plan, action_code)),
        dates AS (SELECT DISTINCT country, plan, as_of AS reported FROM history),
        standing AS (
            SELECT d.country, d.plan, d.reported, h.action_code, h.status
            FROM dates d JOIN history h ON h.country = d.country AND h.plan = d.plan AND h.as_of <= d.reported
            QUALIFY row_number() OVER (PARTITION BY d.country, d.plan, d.reported, h.action_code
                                       ORDER BY h.as_of DESC, h.version DESC) = 1)
        SELECT country, plan, reported, status, count(*) AS actions
        FROM standing GROUP BY ALL ORDER BY country, plan, reported, status""", params)


@st.cache_data(**CACHE)
def coverage_by_version(scope: Scope) -> pd.DataFrame:
    """Funding coverage of each plan at each version that loaded it (costed actions)."""
    where, params = Scope(countries=scope.countries, plans=scope.plans).action_where("p", years=False)
    return frame(f"""
        SELECT p.country, p.plan, p.version, v.loaded_at,
               sum(CAST(r.estimated_cost AS DOUBLE)) FILTER (WHERE r.cost_status = 'costed') AS estimated,
               sum(coalesce(CAST(r.funds_available AS DOUBLE), 0)) FILTER (WHERE r.cost_status = 'costed') AS available
        FROM plan_loads p JOIN versions v USING (version)
        JOIN action_rows r ON r.version = p.version AND r.country = p.country AND r.plan = p.plan
        WHERE {where}
        GROUP BY ALL ORDER BY p.country, p.plan, p.version""", params)


@st.cache_data(**CACHE)
def countries_side_by_side(scope: Scope, as_of: dt.date) -> pd.DataFrame:
    """One row per country: coverage, share of scheduled actions late on `as_of`, actions
    (of plans) not costed, and each stage's latest stated figure with its period."""
    where, params = scope.action_where("a")
    funding = frame(f"""
        SELECT a.country,
               sum(CAST(a.estimated_cost AS DOUBLE)) FILTER (WHERE a.cost_status = 'costed') AS estimated,
               sum(coalesce(CAST(a.funds_available AS DOUBLE), 0)) FILTER (WHERE a.cost_status = 'costed')
                   AS available,
               count(*) FILTER (WHERE a.plan_kind = 'plan') AS actions,
               count(*) FILTER (WHERE a.plan_kind = 'plan' AND a.cost_status = 'to_be_defined') AS not_costed,
               count(*) FILTER (WHERE a.plan_kind = 'plan' AND len(a.semesters) > 0) AS scheduled
        FROM actions a WHERE {where} GROUP BY 1""", params)
    from .listings import Listing, sql_of

    body, late_params, _, _ = sql_of(Listing("late_actions", scope, as_of=as_of))
    late = frame(f"SELECT country, count(*) FILTER (WHERE plan_kind = 'plan') AS late FROM ({body}) t GROUP BY 1",
                 late_params)
    stages = queries.stated_figures(scope, CHAIN, latest=True)
    out = funding.merge(late, on="country", how="left")
    out["late"] = out["late"].fillna(0)
    out["coverage"] = out["available"] / out["estimated"].where(out["estimated"] > 0)
    out["late_share"] = out["late"] / out["scheduled"].where(out["scheduled"] > 0)
    countries = sorted(set(out["country"]) | set(stages["country"]))
    out = out.set_index("country").reindex(countries)
    for stage in CHAIN:
        rows = stages[stages["indicator"] == stage]
        single = rows.groupby("country").filter(lambda g: len(g) == 1).set_index("country")
        several = rows.groupby("country").size()
        out[stage] = single["value"].reindex(out.index)
        out[f"{stage}_figures"] = several.reindex(out.index).fillna(0).astype(int)
    periods = stages.groupby("country").agg(period_start=("period_start", "min"), period_end=("period_end", "max"))
    return out.join(periods).reset_index()
