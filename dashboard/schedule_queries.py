"""The schedule's questions, answered in DuckDB at the level a reader can see.

Guarantees: cached functions with `?` parameters that return at most a few hundred
rows whatever the size of the data: how many actions, effects and axes are scheduled;
semester marks per action, effect or axis (with how many actions each mark holds); the
actions and cost per semester (each costed action's cost spread equally over its
semesters, converted to the display currency); late actions and horizon-only actions
counted per plan kind and horizon.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from .db import frame
from .money import CURRENCIES, factor
from .scope import HASHED, Scope

CACHE = {"show_spinner": False, "max_entries": 256, "hash_funcs": HASHED}
LEVELS = {
    "action": ("country", "plan", "axis", "effect_code", "effect", "action_code", "action", "\"row\""),
    "effect": ("country", "plan", "axis", "effect_code", "effect"),
    "axis": ("country", "plan", "axis_code", "axis"),
}


@st.cache_data(**CACHE)
def sizes(scope: Scope) -> dict[str, int]:
    """Scheduled actions, effects and axes in scope."""
    where, params = scope.action_where("a")
    row = frame(f"""SELECT count(*) AS actions,
                           count(DISTINCT (country, plan, axis, coalesce(effect, ''))) AS effects,
                           count(DISTINCT (country, plan, axis)) AS axes
                    FROM actions a WHERE {where} AND len(a.semesters) > 0""", params).iloc[0]
    return {k: int(row[k]) for k in ("actions", "effects", "axes")}


@st.cache_data(**CACHE)
def scheduled_plans(scope: Scope) -> pd.DataFrame:
    """Plans in scope with semester data: scheduled actions, and how many different
    schedules they have (a plan whose actions all share one span has 1)."""
    where, params = scope.action_where("a")
    return frame(f"""SELECT country, plan, count(*) AS actions, count(DISTINCT semesters) AS schedules
                     FROM actions a WHERE {where} AND len(a.semesters) > 0
                     GROUP BY country, plan ORDER BY country, plan""", params)


def opening_plan(scope: Scope, plans: pd.DataFrame) -> int | None:
    """The row of `plans` the schedule opens on: the first plan chosen in the filters
    that has semester data, else the one with the most different schedules."""
    if plans.empty:
        return None
    for chosen in scope.plans:
        rows = plans.index[plans["plan"] == chosen]
        if len(rows):
            return int(rows[0])
    return int(plans["schedules"].idxmax())


@st.cache_data(**CACHE)
def marks(scope: Scope, level: str, limit: int, axis: str | None = None, effect: str | None = None) -> pd.DataFrame:
    """One row per group (action, effect or axis) and semester it runs in, with how many
    of its actions run then (`actions`) and how many it has (`size`); the first `limit`
    groups in plan order. `axis`/`effect` open one group of the level above."""
    where, params = scope.action_where("a")
    if axis is not None:
        where, params = f"{where} AND a.axis = ?", params + [axis]
    if effect is not None:
        where, params = f"{where} AND coalesce(a.effect, '') = ?", params + [effect]
    keys = ", ".join(LEVELS[level])
    year_cond, year_params = "TRUE", []
    if scope.years:
        year_cond, year_params = "list_contains(?, CAST(left(semester, 4) AS INTEGER))", [list(scope.years)]
    # A group is (country, plan, its first row): never NULL, unlike an effect code.
    return frame(f"""
        WITH scheduled AS (
            SELECT {keys}, min("row") OVER w AS first_row, count(*) OVER w AS size, semesters
            FROM actions a WHERE {where} AND len(a.semesters) > 0 WINDOW w AS (PARTITION BY {keys})),
        shown AS (SELECT DISTINCT country, plan, first_row FROM scheduled ORDER BY country, plan, first_row LIMIT ?)
        SELECT {keys}, first_row, size, semester, count(*) AS actions
        FROM (SELECT *, unnest(semesters) AS semester FROM scheduled) s JOIN shown USING (country, plan, first_row)
        WHERE {year_cond}
        GROUP BY ALL ORDER BY country, plan, first_row, semester""",
                 params + [int(limit)] + year_params)


@st.cache_data(**CACHE)
def per_semester(scope: Scope, currency: str, usd_per_eur: float) -> pd.DataFrame:
    """Per semester and plan kind: actions running, and estimated cost spread equally
    over each costed action's semesters, in the display currency."""
    where, params = scope.action_where("a")
    cases = " ".join("WHEN ? THEN ?" for _ in CURRENCIES)
    rates = [v for c in CURRENCIES for v in (c, factor(c, currency, usd_per_eur or None))]
    year_cond, year_params = "TRUE", []
    if scope.years:
        year_cond, year_params = "list_contains(?, CAST(left(semester, 4) AS INTEGER))", [list(scope.years)]
    return frame(f"""
        SELECT semester, plan_kind, count(*) AS count,
               sum(CASE WHEN cost_status = 'costed' THEN share END) AS share
        FROM (SELECT a.plan_kind, a.cost_status, unnest(a.semesters) AS semester,
                     CAST(a.estimated_cost AS DOUBLE) * (CASE a.currency {cases} END) / len(a.semesters) AS share
              FROM actions a WHERE {where} AND len(a.semesters) > 0)
        WHERE {year_cond} GROUP BY ALL ORDER BY semester, plan_kind""", rates + params + year_params)


@st.cache_data(**CACHE)
def late_counts(scope: Scope, as_of: dt.date) -> dict[str, int]:
    """Late actions per plan kind (planned to end before `as_of`, not reported completed)."""
    from .listings import Listing, sql_of

    body, params, _, _ = sql_of(Listing("late_actions", scope, as_of=as_of))
    rows = frame(f"SELECT plan_kind, count(*) AS n FROM ({body}) t GROUP BY 1", params)
    return {r.plan_kind: int(r.n) for r in rows.itertuples()}


@st.cache_data(**CACHE)
def horizon_counts(scope: Scope) -> pd.DataFrame:
    """Actions with a horizon but no semester, per plan and horizon (an action with
    several horizons counts in each)."""
    where, params = scope.action_where("a")
    return frame(f"""
        SELECT plan, term AS horizon, count(*) AS count,
               CASE term WHEN 'short' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END AS term_order
        FROM (SELECT plan, unnest(horizon) AS term FROM actions a
              WHERE {where} AND len(a.semesters) = 0 AND len(a.horizon) > 0)
        GROUP BY plan, term ORDER BY plan, term_order""", params)
