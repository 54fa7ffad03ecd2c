"""What changed between two versions (or two dates): "since the last meeting".

Guarantees: `state` rebuilds the data as it stood right after version N (each plan as
its latest version up to N, each indicator row its latest up to N, every status loaded
up to N), from the storage tables that only grow; `between(con, a, b)` compares the
states after versions a and b in the shape of loaders/diff.py (actions added, removed
and changed field by field, plan-level changes, counts added and replaced, statuses
added), with the totals and coverage by axis at each; `version_at(con, date)` is the
last version loaded on or before a date. Reads only; no Streamlit here.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from .diff import _plain, _rows, _same, _totals, compare_actions


def version_at(con: duckdb.DuckDBPyConnection, day: dt.date) -> int:
    found = con.execute("SELECT max(version) FROM versions WHERE CAST(loaded_at AS DATE) <= ?", [day]).fetchone()[0]
    return int(found or 0)


def _plans(con, version: int) -> dict[tuple, dict]:
    rows = _rows(con, """SELECT * FROM plan_loads WHERE version <= ?
                         QUALIFY row_number() OVER (PARTITION BY country, plan ORDER BY version DESC) = 1""",
                 [version])
    return {(r["country"], r["plan"]): r for r in rows}


def _actions(con, country: str, plan: str, version: int | None) -> list[dict]:
    if version is None:
        return []
    return _rows(con, 'SELECT * FROM action_rows WHERE country = ? AND plan = ? AND version = ? ORDER BY "row"',
                 [country, plan, version])


def between(con: duckdb.DuckDBPyConnection, a: int, b: int) -> dict:
    """What changed from just after version `a` to just after version `b` (a < b)."""
    a, b = min(a, b), max(a, b)
    before, after = _plans(con, a), _plans(con, b)
    added, removed, changed, plan_changes = [], [], [], []
    totals_before, totals_after = {}, {}
    for key, now in after.items():
        then = before.get(key)
        if then is not None and then["version"] == now["version"]:
            continue
        old_rows = _actions(con, *key, then["version"] if then else None)
        new_rows = _actions(con, *key, now["version"])
        plus, minus, fields = compare_actions(old_rows, new_rows, *key)
        added, removed, changed = added + plus, removed + minus, changed + fields
        for field in ("kind", "currency", "unallocated_funds"):
            if then is not None and not _same(then.get(field) or ("plan" if field == "kind" else None),
                                              now.get(field) or ("plan" if field == "kind" else None)):
                plan_changes.append({"country": key[0], "plan": key[1], "field": field,
                                     "old": _plain(then.get(field)), "new": _plain(now.get(field))})
        label = f"{key[0]} · {key[1]}"
        totals_before[label] = _totals(old_rows, {}) if old_rows else None
        totals_after[label] = _totals(new_rows, {})
    indicators = _rows(con, """
        WITH at_a AS (SELECT * FROM indicator_rows WHERE version <= ?
                      QUALIFY row_number() OVER (PARTITION BY country, period_start, period_end, indicator, sex,
                                                 age_group, source ORDER BY version DESC) = 1),
             at_b AS (SELECT * FROM indicator_rows WHERE version <= ?
                      QUALIFY row_number() OVER (PARTITION BY country, period_start, period_end, indicator, sex,
                                                 age_group, source ORDER BY version DESC) = 1)
        SELECT b.country, b.period_start, b.period_end, b.indicator, b.sex, b.age_group, b.source,
               a.value AS old, b.value AS new
        FROM at_b b LEFT JOIN at_a a
          ON a.country = b.country AND a.period_start = b.period_start AND a.period_end = b.period_end
         AND a.indicator = b.indicator AND a.sex = b.sex AND a.age_group = b.age_group
         AND a.source IS NOT DISTINCT FROM b.source
        WHERE a.value IS NULL OR a.value <> b.value
        ORDER BY b.country, b.period_start, b.indicator""", [a, b])
    keys = ("country", "period_start", "period_end", "indicator", "sex", "age_group", "source")
    indicators_added = [{**{k: _plain(r[k]) for k in keys}, "value": r["new"]} for r in indicators if r["old"] is None]
    indicators_replaced = [{**{k: _plain(r[k]) for k in keys}, "old": r["old"], "new": r["new"], "fields": ["value"]}
                           for r in indicators if r["old"] is not None]
    statuses = _rows(con, """
        SELECT DISTINCT s.country, s.plan, s.action_code AS code, s.as_of, s.status FROM status_rows s
        WHERE s.version > ? AND s.version <= ?
          AND NOT EXISTS (SELECT 1 FROM status_rows o WHERE o.version <= ? AND o.country = s.country
                          AND o.plan IS NOT DISTINCT FROM s.plan AND o.action_code = s.action_code
                          AND o.as_of = s.as_of AND o.status = s.status
                          AND o.comment IS NOT DISTINCT FROM s.comment)
        ORDER BY 1, 2, 3, 4""", [a, b, a])
    return {"actions": {"added": added, "removed": removed, "changed": changed}, "plans": {"changed": plan_changes},
            "indicators": {"added": indicators_added, "replaced": indicators_replaced},
            "statuses": {"added": [{**r, "as_of": _plain(r["as_of"])} for r in statuses]},
            "totals": {"before": totals_before, "after": totals_after}}
