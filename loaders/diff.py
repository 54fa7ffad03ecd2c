"""What a checked file would change against the current data, before anything is written.

Guarantees: `changes(con, parsed)` reads the current data and returns a plain dict
(JSON-ready): actions added, removed and changed field by field (old → new) for every
plan the file holds (a `Plan` sheet replaces its plan whole), plan-level changes
(kind, currency, unallocated funds, stated subtotals), indicator rows added and replaced
(old → new), statuses added, and the totals before and after (estimated, available,
gap, coverage, per plan and by axis). `is_empty` says when the file changes nothing, so
loading it creates no version. Amounts compare as numbers, lists as lists.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

import duckdb

from .model import ActionRow, ParsedFile

ACTION_FIELDS = ("axis_code", "axis", "effect_code", "effect", "action", "priority", "lead", "co_leads", "partners",
                 "estimated_cost", "funds_available", "currency", "funding_source", "means", "horizon", "cost_status",
                 "pooled_with", "source", "semesters")
INDICATOR_FIELDS = ("value", "theme", "organisation", "action_code", "comment")


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _same(a, b) -> bool:
    a, b = _plain(a), _plain(b)
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 0.005 or (a is None and b is None)
    return (a or None) == (b or None) if isinstance(a, (list, str)) or isinstance(b, (list, str)) else a == b


def _rows(con, sql: str, params: list) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _keyed(rows: list, code) -> dict[tuple, object]:
    """Rows by (action code, occurrence): a repeated code keeps both rows apart."""
    seen: dict[str, int] = defaultdict(int)
    keyed = {}
    for row in rows:
        c = code(row)
        keyed[(c, seen[c])] = row
        seen[c] += 1
    return keyed


def _totals(actions: list, plan_rows: dict) -> dict:
    return _summed([(a["cost_status"], a["estimated_cost"], a["funds_available"], a["axis"]) for a in actions],
                   plan_rows)


def _summed(actions: list[tuple], plan_rows: dict) -> dict:
    """Totals of (cost status, estimated cost, funds available, axis) rows: one pass, no
    row made into a dict (a plan of 50 000 actions took 0.05 s that way)."""
    estimated = available = 0.0
    costed = not_costed = 0
    by_axis: dict[str, list[float]] = {}
    for status, cost, funds, axis in actions:
        if status != "costed":
            not_costed += status == "to_be_defined"
            continue
        costed += 1
        cost, funds = float(cost or 0), float(funds or 0)
        estimated += cost
        available += funds
        pair = by_axis.get(axis)
        if pair is None:
            pair = by_axis[axis] = [0.0, 0.0]
        pair[0] += cost
        pair[1] += funds
    return {"estimated": estimated if costed else None, "available": available if costed else None,
            "gap": estimated - available if costed else None,
            "coverage": available / estimated if costed and estimated else None,
            "actions": len(actions), "not_costed": not_costed,
            "by_axis": {axis: {"estimated": e, "available": v, "gap": e - v, "coverage": v / e if e else None}
                        for axis, (e, v) in by_axis.items()}, **plan_rows}


_TOTALLED = attrgetter("cost_status", "estimated_cost", "funds_available", "axis")


def _totals_of(actions: list[ActionRow]) -> dict:
    return _summed(list(map(_TOTALLED, actions)), {})


def _action_dict(action: ActionRow) -> dict:
    return {name: getattr(action, name) for name in ("country", "plan", "action_code", *ACTION_FIELDS)}


def compare_actions(old_rows: list[dict], new_rows: list[dict], country: str, plan: str) -> tuple[list, list, list]:
    """Actions added, removed, and changed field by field (old → new), between two
    versions of one plan's rows (dicts with ACTION_FIELDS), matched by action code."""
    old = _keyed(old_rows, lambda r: r["action_code"])
    new = _keyed(new_rows, lambda r: r["action_code"])
    added, removed, changed = [], [], []
    for key, row in new.items():
        if key not in old:
            added.append({"country": country, "plan": plan, "code": key[0], "action": row["action"]})
            continue
        for field in ACTION_FIELDS:
            if not _same(old[key][field], row[field]):
                changed.append({"country": country, "plan": plan, "code": key[0], "field": field,
                                "old": _plain(old[key][field]), "new": _plain(row[field])})
    for key, row in old.items():
        if key not in new:
            removed.append({"country": country, "plan": plan, "code": key[0], "action": row["action"]})
    return added, removed, changed


def changes(con: duckdb.DuckDBPyConnection, parsed: ParsedFile) -> dict:
    added, removed, changed, plan_changes = [], [], [], []
    before, after = {}, {}
    for plan in parsed.plans:
        label = f"{plan.country} · {plan.plan}"
        current = _rows(con, 'SELECT * FROM actions WHERE country = ? AND plan = ? ORDER BY "row"',
                        [plan.country, plan.plan])
        meta = _rows(con, "SELECT * FROM plans WHERE country = ? AND plan = ?", [plan.country, plan.plan])
        if not current:
            # A plan that is not loaded yet: every action is added (no field to compare).
            added += [{"country": plan.country, "plan": plan.plan, "code": a.action_code, "action": a.action}
                      for a in plan.actions]
            before[label] = None
            after[label] = _totals_of(plan.actions)
            continue
        plus, minus, fields = compare_actions(current, [_action_dict(a) for a in plan.actions], plan.country, plan.plan)
        added += plus
        removed += minus
        changed += fields
        current_meta = meta[0] if meta else {}
        for field, value in (("kind", plan.kind or "plan"), ("currency", plan.currency),
                             ("unallocated_funds", plan.unallocated_funds)):
            if meta and not _same(current_meta.get(field), value):
                plan_changes.append({"country": plan.country, "plan": plan.plan, "field": field,
                                     "old": _plain(current_meta.get(field)), "new": _plain(value)})
        stated_old = {(t["level"], t["code"]): t["stated"] for t in _rows(
            con, "SELECT level, code, stated FROM stated_totals WHERE country = ? AND plan = ?",
            [plan.country, plan.plan])}
        stated_new = {(t.level, t.code): t.stated for t in plan.totals}
        if meta and {k: _plain(v) for k, v in stated_old.items()} != {k: _plain(v) for k, v in stated_new.items()}:
            plan_changes.append({"country": plan.country, "plan": plan.plan, "field": "stated_totals",
                                 "old": sorted([[*k, _plain(v)] for k, v in stated_old.items()], key=str),
                                 "new": sorted([[*k, _plain(v)] for k, v in stated_new.items()], key=str)})
        before[label] = _totals(current, {}) if current else None
        after[label] = _totals_of(plan.actions)
    indicators_added, indicators_replaced = _indicator_changes(con, parsed)
    statuses_added = _status_changes(con, parsed)
    return {"actions": {"added": added, "removed": removed, "changed": changed}, "plans": {"changed": plan_changes},
            "indicators": {"added": indicators_added, "replaced": indicators_replaced},
            "statuses": {"added": statuses_added}, "totals": {"before": before, "after": after}}


def is_empty(diff: dict) -> bool:
    return not any((diff["actions"]["added"], diff["actions"]["removed"], diff["actions"]["changed"],
                    diff["plans"]["changed"], diff["indicators"]["added"], diff["indicators"]["replaced"],
                    diff["statuses"]["added"]))


def _register(con, name: str, columns: dict[str, tuple]):
    import pyarrow as pa

    con.register(name, pa.table({column: pa.array(values, type=kind) for column, (kind, values) in columns.items()}))


def _indicator_key(row) -> dict:
    """What identifies a count (a row with the same key replaces it), as the report shows it."""
    return {"country": row.country, "period_start": _iso(row.period_start),
            "period_end": _iso(row.period_end), "indicator": row.indicator, "sex": row.sex,
            "age_group": row.age_group, "source": row.source}


@lru_cache(maxsize=1 << 12)
def _iso(day) -> str:
    return day.isoformat()  # a file's thousands of counts share a few hundred dates


def _indicator_changes(con, parsed: ParsedFile) -> tuple[list, list]:
    """One join of the file's rows against the current ones, by the replacement key."""
    import pyarrow as pa

    rows = parsed.indicators
    if not rows:
        return [], []
    countries = sorted({r.country for r in rows})
    if not con.execute(f"SELECT count(*) FROM indicator_values WHERE country IN ({', '.join('?' * len(countries))})",
                       countries).fetchall()[0][0]:
        # Nothing reported yet for these countries: every row is added (no join to make).
        return [_indicator_key(row) | {"value": row.value} for row in rows], []
    text = pa.string()
    _register(con, "incoming_indicators", {
        "n": (pa.int64(), list(range(len(rows)))),
        **{f: (text, [getattr(r, f) for r in rows]) for f in ("country", "indicator", "sex", "age_group", "source",
                                                              "theme", "organisation", "action_code", "comment")},
        "period_start": (pa.date32(), [r.period_start for r in rows]),
        "period_end": (pa.date32(), [r.period_end for r in rows]),
        "value": (pa.int64(), [r.value for r in rows])})
    try:
        found = con.execute("""
            SELECT n.n, c.value AS old_value,
                   c.value IS DISTINCT FROM n.value AS value_changed,
                   c.theme IS DISTINCT FROM n.theme AS theme_changed,
                   c.organisation IS DISTINCT FROM n.organisation AS organisation_changed,
                   c.action_code IS DISTINCT FROM n.action_code AS action_code_changed,
                   c.comment IS DISTINCT FROM n.comment AS comment_changed
            FROM incoming_indicators n JOIN indicator_values c
              ON c.country = n.country AND c.period_start = n.period_start AND c.period_end = n.period_end
             AND c.indicator = n.indicator AND c.sex = n.sex AND c.age_group = n.age_group
             AND c.source IS NOT DISTINCT FROM n.source""").fetchall()
    finally:
        con.unregister("incoming_indicators")
    matched = {r[0]: r for r in found}
    added, replaced = [], []
    for n, row in enumerate(rows):
        key = _indicator_key(row)
        if n not in matched:
            added.append({**key, "value": row.value})
            continue
        fields = [f for f, differs in zip(INDICATOR_FIELDS, matched[n][2:]) if differs]
        if fields:
            replaced.append({**key, "old": matched[n][1], "new": row.value, "fields": fields})
    return added, replaced


def _status_changes(con, parsed: ParsedFile) -> list:
    import pyarrow as pa

    rows = parsed.statuses
    if not rows:
        return []
    text = pa.string()
    _register(con, "incoming_statuses", {
        "n": (pa.int64(), list(range(len(rows)))),
        **{f: (text, [getattr(r, f) for r in rows]) for f in ("country", "plan", "action_code", "status", "comment")},
        "as_of": (pa.date32(), [r.as_of for r in rows])})
    try:
        known = {r[0] for r in con.execute("""
            SELECT n.n FROM incoming_statuses n JOIN action_status c
              ON c.country = n.country AND c.plan IS NOT DISTINCT FROM n.plan AND c.action_code = n.action_code
             AND c.as_of = n.as_of AND c.status = n.status AND c.comment IS NOT DISTINCT FROM n.comment""").fetchall()}
    finally:
        con.unregister("incoming_statuses")
    return [{"country": r.country, "plan": r.plan, "code": r.action_code, "as_of": r.as_of.isoformat(),
             "status": r.status} for n, r in enumerate(rows) if n not in known]
