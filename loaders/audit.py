"""The audit trail: one append-only row per sign-in, sign-out, dry run, load, restore and
download of an original file.

Guarantees: `record` only ever inserts (no code path updates or deletes an audit row);
`Actor` is who acts: the signed-in email, `local` for a browser on the server itself, or
`cli:<system user>` for the command line; the row of a load is written in the load's own
transaction (`store.write_version`), so a load is never committed without its row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

ROLES = ("admin", "focal_point", "viewer", "local", "cli", "system")  # system: the start-up sync of data/


@dataclass(frozen=True)
class Actor:
    who: str
    role: str

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")


COLUMNS = ("occurred_at", "who", "role", "action", "countries", "file_name", "sha256", "version", "outcome", "detail")


def record(con: duckdb.DuckDBPyConnection, actor: Actor, action: str, outcome: str, *,
           countries: list[str] | None = None, file_name: str | None = None, sha256: str | None = None,
           version: int | None = None, detail: str | None = None) -> None:
    con.execute(
        f"INSERT INTO audit_log ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
        [dt.datetime.now().replace(microsecond=0), actor.who, actor.role, action, sorted(set(countries or [])),
         file_name, sha256, version, outcome, detail])


def selection(who: str | None = None, action: str | None = None, country: str | None = None) -> tuple[str, list]:
    """The condition on `audit_log` that picks one person's, one action's or one
    country's rows (each optional), and its parameters."""
    conditions, params = ["TRUE"], []
    if who:
        conditions.append("lower(who) = lower(?)")
        params.append(who)
    if action:
        conditions.append("action = ?")
        params.append(action)
    if country:
        conditions.append("list_contains(countries, ?)")
        params.append(country)
    return " AND ".join(conditions), params


def rows(con: duckdb.DuckDBPyConnection, who: str | None = None, action: str | None = None,
         country: str | None = None) -> list[dict]:
    where, params = selection(who, action, country)
    cursor = con.execute(f"SELECT id, {', '.join(COLUMNS)} FROM audit_log WHERE {where} ORDER BY id", params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
