"""Every question the pages ask of the database, as cached functions.

Guarantees: all SQL of the dashboard lives here; each function takes plain hashable
arguments (a `Scope`, strings, numbers), uses `?` parameters, runs on its own cursor
(`db.frame`) and is cached with `st.cache_data` until the next load clears it, but for
`actions`, which returns every action in scope and only cached derivations read.
Amounts come back in their plan's currency with a `currency` column; pages convert for
display.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .db import frame
from .metrics import source_document
from .scope import HASHED, Scope

CACHE = {"show_spinner": False, "max_entries": 256, "hash_funcs": HASHED}


# --- filter options ---------------------------------------------------------------

@st.cache_data(**CACHE)
def countries() -> list[str]:
    """Every country with a plan or a count."""
    return frame("SELECT DISTINCT country FROM (SELECT country FROM actions UNION ALL "
                 "SELECT country FROM indicator_values) ORDER BY 1")["country"].tolist()


@st.cache_data(**CACHE)
def years() -> list[int]:
    """Every year that a count, a scheduled semester or a status touches."""
    return frame(
        "SELECT DISTINCT y FROM (SELECT unnest(range(year(period_start), year(period_end) + 1)) AS y "
        "FROM indicator_values UNION SELECT CAST(left(semester, 4) AS INTEGER) FROM action_semesters "
        "UNION SELECT year(as_of) FROM action_status) ORDER BY 1")["y"].astype(int).tolist()


@st.cache_data(**CACHE)
def plans_of(countries: tuple[str, ...]) -> list[str]:
    where, params = Scope(countries=countries).country_where("a")
    return frame(f"SELECT DISTINCT plan FROM actions a WHERE {where} ORDER BY 1", params)["plan"].tolist()


@st.cache_data(**CACHE)
def action_choices(countries: tuple[str, ...], plans: tuple[str, ...]) -> dict[str, list]:
    """Axes, effects (in plan order), leads and partners of the chosen countries and plans."""
    where, params = Scope(countries=countries, plans=plans).action_where("a")
    acts = frame(f'SELECT axis, effect, lead, partners FROM actions a WHERE {where} '
                 'ORDER BY country, plan, "row"', params)
    return {
        "axes": acts["axis"].drop_duplicates().tolist(),
        "effects": acts["effect"].dropna().drop_duplicates().tolist(),
        "leads": sorted(acts["lead"].dropna().unique().tolist()),
        "partners": sorted({p for ps in acts["partners"] for p in ps}),
    }


def _coded(code, label: str) -> str:
    # A missing code comes back from pandas as NaN, which is truthy: test it for what it is.
    return f"{code} · {label}" if isinstance(code, str) and code else label


@st.cache_data(**CACHE)
def axis_labels() -> dict[str, str]:
    """Axis label -> `code · label`, for display: the label alone when it has no code, or
    several (plans that number the same axis differently): one of them would mislead."""
    rows = frame("SELECT axis, CASE WHEN count(DISTINCT axis_code) = 1 THEN first(axis_code) END AS code "
                 "FROM actions GROUP BY axis")
    return {r.axis: _coded(r.code, r.axis) for r in rows.itertuples()}


@st.cache_data(**CACHE)
def effect_labels() -> dict[str, str]:
    """Effect label -> `code · label`, as `axis_labels`."""
    rows = frame("SELECT effect, CASE WHEN count(DISTINCT effect_code) = 1 THEN first(effect_code) END AS code "
                 "FROM actions WHERE effect IS NOT NULL GROUP BY effect")
    return {r.effect: _coded(r.code, r.effect) for r in rows.itertuples()}


# --- actions and funding ------------------------------------------------------------

def actions(scope: Scope) -> pd.DataFrame:
    """Every action in scope. Not cached: only the cached derivations (derived.py) read
    it, and caching thousands of actions would copy them into the cache for nothing
    (1.4 s of the first run at 27 000 actions)."""
    where, params = scope.action_where("a")
    return frame(f"""
        SELECT a.country, a.plan, a.axis_code, a.axis, a.effect_code, a.effect, a.action_code, a.action,
               coalesce(a.priority, 'none') AS priority, a.lead, a.co_leads, a.partners,
               CAST(a.estimated_cost AS DOUBLE) AS estimated_cost,
               CAST(a.funds_available AS DOUBLE) AS funds_available,
               a.currency, a.funding_source, a.means, a.horizon, a.cost_status, a.pooled_with, a.source,
               a.plan_kind, a.sheet, a."row"
        FROM actions a WHERE {where}
        ORDER BY a.country, a.plan, a."row" """, params)


@st.cache_data(**CACHE)
def unscheduled_out_of_years(scope: Scope) -> int:
    """Actions that the other filters keep but the year filter drops because they have no
    semester at all (a roadmap with horizons only): said under the figures."""
    if not scope.years:
        return 0
    where, params = scope.action_where("a", years=False)
    return int(frame(f"SELECT count(*) AS n FROM actions a WHERE {where} AND len(a.semesters) = 0",
                     params)["n"].iloc[0])


@st.cache_data(**CACHE)
def unallocated_funds(scope: Scope) -> pd.DataFrame:
    """Plan-level funds not tied to actions, for plans that have actions in scope."""
    where, params = scope.action_where("a")
    return frame(f"""
        SELECT p.country, p.plan, CAST(p.unallocated_funds AS DOUBLE) AS unallocated_funds, p.currency,
               p.unallocated_source
        FROM plans p
        WHERE p.unallocated_funds > 0
          AND EXISTS (SELECT 1 FROM actions a WHERE a.country = p.country AND a.plan = p.plan AND {where})
        ORDER BY 1, 2""", params)


# --- schedule -------------------------------------------------------------------------

# --- provenance -----------------------------------------------------------------

@st.cache_data(**CACHE)
def provenance(scope: Scope, kind: str) -> tuple[tuple[str, ...], object]:
    """(source documents, date of the data) behind a chart: for `plans` the documents the
    actions in scope cite and the day their current version was loaded; for `indicators`
    the reports of the counts in scope and the end of their latest period; for `status`
    the reports of the statuses and their latest date. A row that cites no document is
    vouched for by the name of the file it was loaded from."""
    if kind == "plans":
        where, params = scope.action_where("a")
        sql = f"""SELECT list(DISTINCT coalesce(a.source, p.file_name)) AS sources,
                         max(CAST(p.loaded_at AS DATE)) AS as_of
                  FROM actions a JOIN plans p USING (country, plan) WHERE {where}"""
    elif kind == "indicators":
        where, params = scope.country_where("i")
        years, year_params = scope.year_overlap("i.period_start", "i.period_end")
        sql, params = (f"""SELECT list(DISTINCT coalesce(i.source, v.file_name)) AS sources, max(i.period_end) AS as_of
                           FROM indicator_values i JOIN versions v USING (version)
                           WHERE {where} AND {years}""", params + year_params)
    elif kind == "status":
        # The statuses the progress page counts: reported in the chosen years (listings'
        # "status"), narrowed to the plans in scope before the join.
        where, params = scope.action_where("a", years=False)
        plans, plan_params = scope.plan_where("s")
        years, year_params = scope.year_overlap("s.as_of", "s.as_of")
        sql, params = (f"""SELECT list(DISTINCT coalesce(s.source, v.file_name)) AS sources, max(s.as_of) AS as_of
                           FROM action_status s JOIN actions a USING (country, plan, action_code)
                           JOIN versions v ON v.version = s.version WHERE {where} AND {plans} AND {years}""",
                       params + plan_params + year_params)
    else:
        raise ValueError(kind)
    row = frame(sql, params).iloc[0]
    # No row in scope: the list is missing (None, or pandas' NA), not empty.
    sources = list(row["sources"]) if hasattr(row["sources"], "__len__") else []
    documents = tuple(sorted({source_document(s) for s in sources if isinstance(s, str) and s}))
    as_of = row["as_of"]
    return documents, (None if pd.isna(as_of) else pd.Timestamp(as_of).date())


# --- status ---------------------------------------------------------------------------

@st.cache_data(**CACHE)
def status_tally(scope: Scope) -> pd.DataFrame:
    """Actions in scope per plan, axis and latest status ('no_status' when none was
    reported), plans and axes in the workbook's order: the counts behind the progress
    cards and charts, counted in DuckDB."""
    from .listings import Listing, sql_of

    body, params, _, _ = sql_of(Listing("status", scope))
    return frame(f"""
        SELECT country, plan, plan_kind, axis, status, count(*) AS count,
               min(min("row")) OVER (PARTITION BY country, plan, axis) AS axis_row
        FROM ({body}) t GROUP BY country, plan, plan_kind, axis, status
        ORDER BY country, plan, axis_row, status""", params)


@st.cache_data(**CACHE)
def stated_figures(scope: Scope, indicators: tuple[str, ...] = (), latest: bool = False) -> pd.DataFrame:
    """One figure per count that a source states: per country, period, indicator and
    source, its total row; else its age groups (parts of one whole) added; else its
    women and men added when both are given. Figures of different sources for the same
    indicator and period are never added (they may overlap): `figures` says how many
    there are for that indicator and period. `indicators` keeps those only; `latest`
    keeps each country's latest period among them."""
    where_country, params = scope.country_where("i")
    year_cond, year_params = scope.year_overlap("i.period_start", "i.period_end")
    which, which_params = ("TRUE", []) if not indicators else ("list_contains(?, i.indicator)", [list(indicators)])
    latest_cond = "QUALIFY period_end = max(period_end) OVER (PARTITION BY country)" if latest else ""
    return frame(f"""
        WITH per_source AS (
            SELECT country, period_start, period_end, indicator, source,
                   max(value) FILTER (WHERE sex = 'total' AND age_group = 'all') AS total_all,
                   sum(value) FILTER (WHERE sex = 'total' AND age_group <> 'all') AS total_ages,
                   count(DISTINCT age_group) FILTER (WHERE sex = 'total' AND age_group <> 'all') AS n_ages,
                   any_value(age_group) FILTER (WHERE sex = 'total' AND age_group <> 'all') AS one_age,
                   sum(value) FILTER (WHERE sex = 'F') AS women, sum(value) FILTER (WHERE sex = 'M') AS men,
                   count(DISTINCT age_group) FILTER (WHERE sex <> 'total') AS n_part_ages,
                   any_value(age_group) FILTER (WHERE sex <> 'total') AS part_age
            FROM indicator_values i WHERE {where_country} AND {year_cond} AND {which}
            GROUP BY ALL),
        stated AS (
            SELECT country, period_start, period_end, indicator, source,
                   CASE WHEN total_all IS NOT NULL THEN total_all
                        WHEN n_ages > 0 THEN total_ages
                        WHEN women IS NOT NULL AND men IS NOT NULL AND n_part_ages = 1 THEN women + men END AS value,
                   CASE WHEN total_all IS NOT NULL THEN 'all' WHEN n_ages = 1 THEN one_age WHEN n_ages > 1 THEN 'all'
                        ELSE part_age END AS age_group
            FROM per_source {latest_cond})
        SELECT *, count(*) OVER (PARTITION BY country, period_start, period_end, indicator) AS figures
        FROM stated WHERE value IS NOT NULL
        ORDER BY country, period_start, indicator, value DESC""", params + year_params + which_params)


@st.cache_data(**CACHE)
def sex_split(scope: Scope, indicators: tuple[str, ...], limit: int) -> pd.DataFrame:
    """Each country's latest period: per count (indicator, source, age group), women,
    men, and the part not disaggregated (total minus the parts; the whole total when no
    part is given); the first `limit` counts, each row with how many there are in all
    (`counts_in_all`)."""
    where_country, params = scope.country_where("i")
    year_cond, year_params = scope.year_overlap("i.period_start", "i.period_end")
    return frame(f"""
        WITH rows AS (
            SELECT * FROM indicator_values i
            WHERE {where_country} AND {year_cond} AND list_contains(?, i.indicator)
            QUALIFY period_end = max(period_end) OVER (PARTITION BY country)),
        counts AS (
            SELECT country, period_start, period_end, indicator, source, age_group,
                   sum(value) FILTER (WHERE sex = 'F') AS "F", sum(value) FILTER (WHERE sex = 'M') AS "M",
                   max(value) FILTER (WHERE sex = 'total') AS stated_total
            FROM rows GROUP BY ALL)
        SELECT *, coalesce(stated_total, coalesce("F", 0) + coalesce("M", 0)) AS total,
               greatest(coalesce(stated_total, coalesce("F", 0) + coalesce("M", 0))
                        - coalesce("F", 0) - coalesce("M", 0), 0) AS not_disaggregated,
               count(*) OVER () AS counts_in_all
        FROM counts
        ORDER BY country, period_start, indicator, source, age_group LIMIT ?""",
                 params + year_params + [list(indicators), int(limit)])


@st.cache_data(**CACHE)
def has_indicators(scope: Scope) -> bool:
    where_country, params = scope.country_where("i")
    year_cond, year_params = scope.year_overlap("i.period_start", "i.period_end")
    return bool(frame(f"SELECT EXISTS (SELECT 1 FROM indicator_values i WHERE {where_country} AND {year_cond}) AS e",
                      params + year_params)["e"].iloc[0])


# --- data quality ------------------------------------------------------------------------

def files_scope(scope: Scope) -> Scope:
    """The filters a file's issues, aliases and stated totals follow: its countries and
    plans. The others (years, axes, leads...) leave them as they are, so they share one
    cached answer: a year chosen on the data-quality page reads nothing again."""
    return Scope(countries=scope.countries, plans=scope.plans)


def issue_scope(scope: Scope, alias: str) -> tuple[str, list]:
    """Issues (and aliases) of the versions that hold current data of the chosen
    countries and plans (`scope` is a `files_scope`)."""
    if not scope.countries and not scope.plans:
        return "TRUE", []
    where, params = scope.action_where("a", years=False)
    conditions = [f"SELECT version FROM actions a WHERE {where}"]
    if not scope.plans:
        country, country_params = scope.country_where("x")
        conditions += [f"SELECT version FROM indicator_values x WHERE {country}",
                       f"SELECT version FROM action_status x WHERE {country}"]
        params = params + country_params * 2
    return f"{alias}.version IN ({' UNION '.join(conditions)})", params


def issue_summary(scope: Scope = Scope()) -> pd.DataFrame:
    """How many issues each file has, by severity (the issues themselves are paged:
    listings `data_issues`)."""
    return _issue_summary(files_scope(scope))


@st.cache_data(**CACHE)
def _issue_summary(scope: Scope) -> pd.DataFrame:
    where, params = issue_scope(scope, "d")
    return frame(f"""SELECT file, severity, count(*) AS count FROM data_issues d WHERE {where}
                     GROUP BY file, severity ORDER BY file, severity""", params)


def issue_count(scope: Scope = Scope()) -> int:
    return int(issue_summary(scope)["count"].sum())


def scope_of_totals(scope: Scope) -> tuple[str, list]:
    """The stated totals of the chosen countries and plans (`scope` is a `files_scope`)."""
    where, params = scope.country_where("t")
    if scope.plans:
        where, params = f"{where} AND list_contains(?, t.plan)", params + [list(scope.plans)]
    return where, params


@st.cache_data(**CACHE)
def versions(countries: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Every version, newest first; with `countries`, only the versions that touch them
    and no other (a focal point sees her own countries' files)."""
    if countries is None:
        where, params = "TRUE", []
    else:
        where, params = ("v.version IN (SELECT version FROM version_countries GROUP BY version "
                         "HAVING bool_and(list_contains(?, country)))"), [list(countries)]
    return frame(f"""SELECT v.version, v.action, v.file_name, v.loaded_by, v.loaded_at, v.restored_from, v.counts,
                            v.warnings, (SELECT list(country ORDER BY country) FROM version_countries c
                                         WHERE c.version = v.version) AS countries
                     FROM versions v WHERE {where} ORDER BY v.version DESC""", params)


def audit_last_id() -> int:
    """The newest audit row, read on every run of the audit page (not cached): audit rows
    come with sign-ins and downloads, which do not clear the cached answers, so what is
    read of the trail is cached under this number."""
    return int(frame("SELECT coalesce(max(id), 0) AS id FROM audit_log")["id"].iloc[0])


@st.cache_data(**CACHE)
def audit_choices(last_id: int) -> dict[str, list[str]]:
    """Who, what and which countries the trail holds, up to audit row `last_id`."""
    people = frame("SELECT DISTINCT who FROM audit_log WHERE id <= ? ORDER BY 1", [last_id])["who"].tolist()
    actions = frame("SELECT DISTINCT action FROM audit_log WHERE id <= ? ORDER BY 1", [last_id])["action"].tolist()
    countries = frame("SELECT DISTINCT unnest(countries) AS c FROM audit_log WHERE id <= ? ORDER BY 1",
                      [last_id])["c"].tolist()
    return {"who": people, "action": actions, "country": countries}


@st.cache_data(**CACHE)
def restore_effects(version: int) -> pd.DataFrame:
    """What restoring `version` would replace: each plan it holds, with the version and
    file that hold that plan now, and how many counts and statuses it brings back."""
    return frame("""
        SELECT l.country, l.plan, c.version AS current_version, c.file_name AS current_file
        FROM plan_loads l LEFT JOIN current_plans c USING (country, plan)
        WHERE l.version = ?
        UNION ALL
        SELECT DISTINCT country, NULL, NULL, NULL FROM indicator_rows WHERE version = ?
        ORDER BY 1, 2 NULLS LAST""", [version, version])
