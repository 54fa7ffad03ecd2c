"""Long tables that stay in DuckDB: counted, searched and read one page at a time.

Guarantees: a `Listing` names one table of a page (its kind, the scope, and the few
values it depends on) and is hashable, so `count` and `page` are cached per scope,
search and page; only the rows of the page shown leave DuckDB. `everything` (for an
export, run only when its button is clicked) reads the whole table, capped at Excel's
row limit. All SQL uses `?` parameters; amounts come back converted to the display
currency, so pages only format them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from loaders import audit

from .db import frame
from .money import CURRENCIES, factor
from .queries import files_scope, issue_scope, scope_of_totals
from .scope import HASHED, Scope

EXCEL_ROWS = 1_048_575  # Excel's last row, less the header


@dataclass(frozen=True)
class Listing:
    kind: str
    scope: Scope
    currency: str = "USD"
    usd_per_eur: float = 0.0
    as_of: dt.date | None = None
    within: tuple = ()  # what else picks the rows: the audit trail's (who, action, country, last id)


def of_files(kind: str, scope: Scope) -> Listing:
    """A listing of the loaded files' issues, stated totals or aliases: these follow the
    countries and plans only, so every other filter shares its cached pages."""
    return Listing(kind, files_scope(scope))


# A listing is hashed by its repr, as a scope is (scope.HASHED).
LISTING_HASHED = {**HASHED, Listing: repr}
CACHE = {"show_spinner": False, "max_entries": 512, "hash_funcs": LISTING_HASHED}


def _money(column: str, listing: Listing) -> tuple[str, list]:
    """`column` in the display currency (NULL stays NULL)."""
    cases = " ".join("WHEN ? THEN ?" for _ in CURRENCIES)
    params = [v for c in CURRENCIES for v in (c, factor(c, listing.currency, listing.usd_per_eur or None))]
    return f"CAST({column} AS DOUBLE) * (CASE a.currency {cases} END)", params


ACTION_COLUMNS = ("a.country, a.plan, a.plan_kind, a.axis, a.effect, a.action_code, a.action, "
                  "coalesce(a.priority, 'none') AS priority, a.lead, a.partners, a.horizon, a.pooled_with, "
                  "a.funding_source, a.\"row\"")


def sql_of(listing: Listing) -> tuple[str, list, str, tuple[str, ...]]:
    """(body, params, order, searched columns) of a listing."""
    scope = listing.scope
    kind = listing.kind
    if kind in ("ranked_actions", "not_costed", "pooled"):
        where, params = scope.action_where("a")
        if kind == "ranked_actions":
            estimated, p1 = _money("a.estimated_cost", listing)
            available, p2 = _money("coalesce(a.funds_available, 0)", listing)
            body = (f"SELECT {ACTION_COLUMNS}, {estimated} - {available} AS gap, {estimated} AS estimated_cost, "
                    f"{available} AS funds_available FROM actions a WHERE {where} AND a.cost_status = 'costed'")
            return body, p1 + p2 + p1 + p2 + params, "gap DESC, country, plan, \"row\"", ("action", "action_code",
                                                                                        "lead", "plan")
        status = "to_be_defined" if kind == "not_costed" else "pooled"
        body = f"SELECT {ACTION_COLUMNS} FROM actions a WHERE {where} AND a.cost_status = ?"
        return body, params + [status], "country, plan, \"row\"", ("action", "action_code", "lead", "plan")
    if kind == "indicator_values":
        country, params = scope.country_where("i")
        years, year_params = scope.year_overlap("i.period_start", "i.period_end")
        body = ("SELECT i.country, i.period_start, i.period_end, i.theme, i.indicator, i.sex, i.age_group, i.value, "
                f"i.source, i.organisation, i.comment FROM indicator_values i WHERE {country} AND {years}")
        return body, params + year_params, "country, period_start, indicator, source, sex, age_group", (
            "indicator", "source", "organisation", "comment")
    if kind in ("status", "latest_status", "no_status"):
        # The year filter picks the statuses reported in those years, not the actions' schedule.
        where, params = scope.action_where("a", years=False)
        years, year_params = scope.year_overlap("s.as_of", "s.as_of")
        plans, plan_params = scope.plan_where("s")
        reported = {"status": "TRUE", "latest_status": "l.status IS NOT NULL", "no_status": "l.status IS NULL"}[kind]
        body = f"""
            WITH latest AS (SELECT * FROM action_status s WHERE {years} AND {plans}
                QUALIFY row_number() OVER (PARTITION BY country, plan, action_code ORDER BY as_of DESC, version DESC) = 1)
            SELECT a.country, a.plan, a.plan_kind, a.axis_code, a.axis, a.action_code, a.action, a.lead, a."row",
                   coalesce(l.status, 'no_status') AS status, l.as_of, l.comment, l.source
            FROM actions a LEFT JOIN latest l USING (country, plan, action_code) WHERE {where} AND {reported}"""
        return body, year_params + plan_params + params, "country, plan, \"row\"", ("action", "action_code", "lead",
                                                                                    "comment")
    if kind == "status_history":
        country, params = scope.country_where("s")
        years, year_params = scope.year_overlap("s.as_of", "s.as_of")
        plans = "TRUE"
        if scope.plans:
            plans, params = "list_contains(?, s.plan)", params + [list(scope.plans)]
        action_scope = Scope(axes=scope.axes, effects=scope.effects, leads=scope.leads, partners=scope.partners,
                             priorities=scope.priorities)
        action_cond, action_params = ("TRUE", []) if action_scope.is_empty() else action_scope.action_where("a")
        body = f"""
            SELECT s.country, s.plan, s.action_code, a.action, s.as_of, s.status, s.comment, s.source
            FROM action_status s
            LEFT JOIN (SELECT country, plan, action_code, first(action) AS action, first(axis) AS axis,
                              first(effect) AS effect, first(lead) AS lead, first(partners) AS partners,
                              first(priority) AS priority, first(semesters) AS semesters
                       FROM actions GROUP BY ALL) a USING (country, plan, action_code)
            WHERE {country} AND {plans} AND {years} AND {action_cond}"""
        return body, params + year_params + action_params, "country, action_code, as_of", (
            "action", "action_code", "comment")
    if kind == "late_actions":
        where, params = scope.action_where("a")
        plans, plan_params = scope.plan_where("s")
        body = f"""
            WITH ends AS (
                SELECT a.country, a.plan, a.plan_kind, a.action_code, a.action, a.lead, a.axis, a."row",
                       list_max(a.semesters) AS last_semester,
                       make_date(CAST(left(list_max(a.semesters), 4) AS INTEGER),
                                 CASE WHEN right(list_max(a.semesters), 1) = '1' THEN 6 ELSE 12 END,
                                 CASE WHEN right(list_max(a.semesters), 1) = '1' THEN 30 ELSE 31 END) AS planned_end
                FROM actions a WHERE {where} AND len(a.semesters) > 0),
            status AS (
                SELECT country, plan, action_code, status, as_of FROM action_status s WHERE as_of <= ? AND {plans}
                QUALIFY row_number() OVER (PARTITION BY country, plan, action_code ORDER BY as_of DESC, version DESC) = 1)
            SELECT e.country, e.plan, e.plan_kind, e.action_code, e.action, e.lead, e.axis, e.last_semester,
                   e.planned_end, coalesce(st.status, 'no_status') AS status, st.as_of AS status_as_of, e."row"
            FROM ends e LEFT JOIN status st USING (country, plan, action_code)
            WHERE e.planned_end < ? AND coalesce(st.status, '') <> 'completed'"""
        return body, params + [listing.as_of] + plan_params + [listing.as_of], "planned_end, country, \"row\"", (
            "action", "action_code", "lead")
    if kind == "horizon_only":
        where, params = scope.action_where("a")
        body = f"SELECT {ACTION_COLUMNS} FROM actions a WHERE {where} AND len(a.semesters) = 0 AND len(a.horizon) > 0"
        return body, params, "country, plan, \"row\"", ("action", "action_code", "partners", "plan")
    if kind in ("data_issues", "parts_mismatch"):
        # A file's issues follow its countries and plans only (queries.files_scope).
        where, params = issue_scope(files_scope(scope), "d")
        if kind == "parts_mismatch":
            where, params = f"{where} AND d.code = ?", params + ["parts_total_mismatch"]
        body = f"""SELECT severity, file, sheet, "row", coalesce("column", '') || coalesce(CAST("row" AS VARCHAR), '')
                          AS cell, code, message, message_en FROM data_issues d WHERE {where}"""
        return body, params, 'file, severity, "row", cell, message_en', ("file", "sheet", "cell", "message",
                                                                          "message_en")
    if kind == "stated_totals":
        where, params = scope_of_totals(files_scope(scope))
        body = f"""
            SELECT t.country, t.plan, t.level, t.code, t.label, CAST(t.stated AS DOUBLE) AS stated,
                   CAST(t.computed AS DOUBLE) AS computed, CAST(t.stated AS DOUBLE) - coalesce(CAST(t.computed AS DOUBLE), 0)
                   AS difference, CAST(t.stated_funds AS DOUBLE) AS stated_funds,
                   CAST(t.computed_funds AS DOUBLE) AS computed_funds, t.currency, t.sheet, t."row"
            FROM stated_totals t WHERE {where}"""
        return body, params, 'country, plan, "row"', ("plan", "code", "label")
    if kind == "aliases_applied":
        where, params = issue_scope(files_scope(scope), "o")
        body = f"""SELECT original, canonical, count(*) AS times, min(file) AS file,
                          string_agg(DISTINCT sheet || '!' || "column" || CAST("row" AS VARCHAR), ', ') AS cells
                   FROM organisation_aliases_applied o WHERE {where} GROUP BY original, canonical"""
        return body, params, "times DESC, original", ("original", "canonical", "file")
    if kind == "audit_trail":
        who, action, country, last_id = listing.within
        where, params = audit.selection(who, action, country)
        body = f"SELECT id, {', '.join(audit.COLUMNS)} FROM audit_log WHERE {where} AND id <= ?"
        return body, params + [last_id], "id DESC", ("who", "action", "file_name", "sha256", "detail")
    raise ValueError(kind)


def _search(columns: tuple[str, ...], search: str) -> tuple[str, list]:
    if not search.strip():
        return "TRUE", []
    text = " || ' ' || ".join(f"coalesce(CAST(t.{c} AS VARCHAR), '')" for c in columns)
    return f"lower({text}) LIKE ?", [f"%{search.strip().lower()}%"]


@st.cache_data(**CACHE)
def count(listing: Listing, search: str = "") -> int:
    body, params, _, columns = sql_of(listing)
    condition, search_params = _search(columns, search)
    return int(frame(f"SELECT count(*) AS n FROM ({body}) t WHERE {condition}", params + search_params)["n"].iloc[0])


@st.cache_data(**CACHE)
def page(listing: Listing, search: str = "", offset: int = 0, limit: int = 100) -> pd.DataFrame:
    body, params, order, columns = sql_of(listing)
    condition, search_params = _search(columns, search)
    return frame(f"SELECT * FROM ({body}) t WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?",
                 params + search_params + [int(limit), int(offset)])


def everything(listing: Listing, search: str = "", limit: int | None = None) -> tuple[pd.DataFrame, bool]:
    """The whole listing for an export (not cached: read when a button is clicked), at
    most `limit` rows, and whether the limit cut it."""
    body, params, order, columns = sql_of(listing)
    condition, search_params = _search(columns, search)
    sql = f"SELECT * FROM ({body}) t WHERE {condition} ORDER BY {order}"
    if limit is None:
        return frame(sql, params + search_params), False
    rows = frame(f"{sql} LIMIT ?", params + search_params + [int(limit) + 1])
    return rows.head(limit), len(rows) > limit
