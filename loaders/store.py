"""Writing a checked file into the database as one numbered version.

Guarantees: `write_version` runs in one transaction: the file's bytes, its version row,
its parsed rows, its warnings and the aliases applied all land together, or nothing
does. Rows go in as Arrow tables (typed, fast); no stored row is updated or deleted, so
every earlier version stays readable and restorable. The one derived table,
`current_indicator_rows`, is brought up to date in that same transaction. Writes take
turns within a process: two at once would both number themselves N + 1 and replace
the same current rows, and the second would fail.
"""

from __future__ import annotations

import datetime as dt
import json
import threading

import duckdb
import pyarrow as pa

from .issues import Issue
from .model import ActionRow, AliasApplied, IndicatorRow, ParsedFile

# Money crosses into DuckDB as float64 and is cast to DECIMAL(18, 2) by the INSERT:
# building Arrow decimals from Python Decimals costs more than the whole parse, and a
# double holds every amount with two decimals exactly up to 10^13.
MONEY = pa.float64()
TEXT = pa.string()
TEXTS = pa.list_(pa.string())
INT = pa.int32()

_ONE_WRITER = threading.Lock()

# A count key is its country, period, indicator, sex, age group and source (schema.py).
_NEWER_COUNT = """
DELETE FROM current_indicator_rows c WHERE EXISTS (
    SELECT 1 FROM indicator_rows n WHERE n.version = ? AND n.country = c.country
    AND n.period_start = c.period_start AND n.period_end = c.period_end AND n.indicator = c.indicator
    AND n.sex = c.sex AND n.age_group = c.age_group AND n.source IS NOT DISTINCT FROM c.source)"""


def _columns(rows: list[tuple], kind: type) -> dict[str, list]:
    """Rows (named tuples of `kind`) -> one list per field, transposed in C."""
    if not rows:
        return {name: [] for name in kind._fields}
    return dict(zip(kind._fields, map(list, zip(*rows))))


def _array(kind: pa.DataType, values: list) -> pa.Array:
    if kind == MONEY:
        # Amounts repeat: each distinct Decimal is converted once (None maps to None).
        as_float = {value: float(value) for value in set(values) if value is not None}
        return pa.array(list(map(as_float.get, values)), type=MONEY)
    return pa.array(values, type=kind)


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, tuple[pa.DataType, list]]) -> None:
    if not next(iter(columns.values()))[1]:
        return
    arrow = pa.table({name: _array(kind, values) for name, (kind, values) in columns.items()})
    names = ", ".join(f'"{name}"' for name in columns)
    con.register("incoming_rows", arrow)
    try:
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming_rows")
    finally:
        con.unregister("incoming_rows")


def current_plan_codes(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, set[str]]]:
    known: dict[str, dict[str, set[str]]] = {}
    for country, plan in con.execute("SELECT country, plan FROM current_plans").fetchall():
        known.setdefault(country, {})[plan] = set()
    for country, plan, code in con.execute("SELECT country, plan, action_code FROM actions").fetchall():
        known[country][plan].add(code)
    return known


def version_of_file(con: duckdb.DuckDBPyConnection, sha256: str) -> tuple[int, dict] | None:
    """The first version that loaded these bytes, and what it counted; None if never loaded."""
    row = con.execute(
        "SELECT version, counts FROM versions WHERE sha256 = ? ORDER BY version LIMIT 1", [sha256]
    ).fetchone()
    return (row[0], json.loads(row[1])) if row else None


def write_version(
    con: duckdb.DuckDBPyConnection,
    *,
    parsed: ParsedFile,
    warnings: list[Issue],
    file_name: str,
    data: bytes,
    sha256: str,
    loaded_by: str,
    action: str = "load",
    restored_from: int | None = None,
    on_written=None,
) -> int:
    """Writes the version and, in the same transaction, `on_written(version)` (its audit row)."""
    with _ONE_WRITER:
        now = dt.datetime.now().replace(microsecond=0)
        con.begin()
        try:
            version = con.execute("SELECT coalesce(max(version), 0) + 1 FROM versions").fetchone()[0]
            if con.execute("SELECT count(*) FROM source_files WHERE sha256 = ?", [sha256]).fetchone()[0] == 0:
                con.execute("INSERT INTO source_files VALUES (?, ?, ?, ?, ?)",
                            [sha256, file_name, len(data), data, now])
            con.execute(
                "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [version, action, sha256, file_name, loaded_by, now, restored_from,
                 json.dumps(parsed.counts()), len(warnings)],
            )
            _write_rows(con, version, parsed, warnings, file_name)
            if on_written is not None:
                on_written(version)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return version


def _write_rows(con, version: int, parsed: ParsedFile, warnings: list[Issue], file_name: str) -> None:
    plans = parsed.plans
    _insert(con, "plan_loads", {
        "version": (INT, [version] * len(plans)),
        "country": (TEXT, [p.country for p in plans]),
        "plan": (TEXT, [p.plan for p in plans]),
        "currency": (TEXT, [p.currency for p in plans]),
        "unallocated_funds": (MONEY, [p.unallocated_funds for p in plans]),
        "unallocated_source": (TEXT, [p.unallocated_source for p in plans]),
        "sheet": (TEXT, [p.sheet for p in plans]),
        "kind": (TEXT, [p.kind or "plan" for p in plans]),
    })
    actions = [a for p in plans for a in p.actions]
    text_fields = ("country", "plan", "axis_code", "axis", "effect_code", "effect", "action_code", "action",
                   "priority", "lead", "currency", "funding_source", "means", "cost_status", "source", "sheet")
    list_fields = ("co_leads", "partners", "horizon", "pooled_with", "semesters")
    cols = _columns(actions, ActionRow)
    _insert(con, "action_rows", {
        "version": (INT, [version] * len(actions)),
        **{name: (TEXT, cols[name]) for name in text_fields},
        **{name: (TEXTS, cols[name]) for name in list_fields},
        "estimated_cost": (MONEY, cols["estimated_cost"]),
        "funds_available": (MONEY, cols["funds_available"]),
        "row": (INT, cols["row"]),
    })
    totals = [t for p in plans for t in p.totals]
    _insert(con, "stated_total_rows", {
        "version": (INT, [version] * len(totals)),
        **{name: (TEXT, [getattr(t, name) for t in totals]) for name in (
            "country", "plan", "level", "code", "label", "currency", "sheet")},
        **{name: (MONEY, [getattr(t, name) for t in totals]) for name in (
            "stated", "computed", "stated_funds", "computed_funds")},
        "row": (INT, [t.row for t in totals]),
    })
    rows = parsed.indicators
    text_fields = ("country", "theme", "indicator", "sex", "age_group", "source", "organisation",
                   "action_code", "comment", "sheet")
    cols = _columns(rows, IndicatorRow)
    _insert(con, "indicator_rows", {
        "version": (INT, [version] * len(rows)),
        **{name: (TEXT, cols[name]) for name in text_fields},
        "period_start": (pa.date32(), cols["period_start"]),
        "period_end": (pa.date32(), cols["period_end"]),
        "value": (pa.int64(), cols["value"]),
        "row": (INT, cols["row"]),
    })
    if rows:  # each key loaded now replaces its current row, if it had one
        con.execute(_NEWER_COUNT, [version])
        con.execute("INSERT INTO current_indicator_rows BY NAME SELECT * FROM indicator_rows WHERE version = ?",
                    [version])
    statuses = parsed.statuses
    _insert(con, "status_rows", {
        "version": (INT, [version] * len(statuses)),
        **{name: (TEXT, [getattr(s, name) for s in statuses]) for name in (
            "country", "plan", "action_code", "status", "comment", "source", "sheet")},
        "as_of": (pa.date32(), [s.as_of for s in statuses]),
        "row": (INT, [s.row for s in statuses]),
    })
    _insert(con, "issue_rows", {
        "version": (INT, [version] * len(warnings)),
        "severity": (TEXT, [i.severity for i in warnings]),
        "file": (TEXT, [i.file for i in warnings]),
        "sheet": (TEXT, [i.sheet for i in warnings]),
        "row": (INT, [i.row for i in warnings]),
        "column": (TEXT, [i.column for i in warnings]),
        "code": (TEXT, [i.code for i in warnings]),
        "message": (TEXT, [i.message_fr for i in warnings]),
        "message_en": (TEXT, [i.message_en for i in warnings]),
    })
    aliases = parsed.aliases
    cols = _columns(aliases, AliasApplied)
    _insert(con, "alias_rows", {
        "version": (INT, [version] * len(aliases)),
        "file": (TEXT, [file_name] * len(aliases)),
        **{name: (TEXT, cols[name]) for name in ("sheet", "column", "original", "canonical")},
        "row": (INT, cols["row"]),
    })


def stored_file(con: duckdb.DuckDBPyConnection, version: int) -> tuple[str, bytes, str] | None:
    row = con.execute(
        """SELECT v.file_name, f.content, f.sha256 FROM versions v
           JOIN source_files f USING (sha256) WHERE v.version = ?""", [version]
    ).fetchone()
    return (row[0], bytes(row[1]), row[2]) if row else None


def list_versions(con: duckdb.DuckDBPyConnection) -> list[dict]:
    cursor = con.execute(
        """SELECT version, action, file_name, loaded_by, loaded_at, restored_from, counts, warnings, sha256
           FROM versions ORDER BY version"""
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def version_countries(con: duckdb.DuckDBPyConnection, version: int) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT country FROM version_countries WHERE version = ? ORDER BY 1", [version]).fetchall()]
