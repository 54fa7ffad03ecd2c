"""The `Suivi` sheet: dated statuses of actions.

Guarantees (see the contract, sheet `Suivi`): statuses map to `not_started`, `planned`,
`in_progress`, `completed`; each row is attached to a plan of its country: the one named,
else the only plan holding that action code (in the database or in the same file). A
code found in several plans with no plan named is an error; a code found in none is a
warning (the status is kept, so nothing the focal point wrote is lost).
"""

from __future__ import annotations

from .cells import parse_date, parse_status
from .headers import HeaderMap
from .issues import IssueLog
from .model import ParsedFile, StatusRow
from .read import RawSheet
from .reference import Reference
from .rows import RowCursor, data_rows
from .text import clean, clean_multiline, code_text, fold


def parse_status_sheet(sheet: RawSheet, header: HeaderMap, log: IssueLog, ref: Reference,
                       out: ParsedFile) -> None:
    for index, row in data_rows(sheet.rows, header):
        cur = RowCursor(row, index, header, sheet.name, log)
        country = cur.country(ref.country)
        cur.require("action_code", "Code action", "Action code")
        as_of = cur.parse("as_of", parse_date)
        status = cur.parse("status", parse_status)
        if cur.failed:
            continue
        out.statuses.append(StatusRow(
            country=country, plan=clean(cur.raw("plan")) or None, action_code=code_text(cur.raw("action_code")),
            as_of=as_of, status=status, comment=clean_multiline(cur.raw("comment")) or None,
            source=clean(cur.raw("source")) or None, sheet=sheet.name, row=cur.number,
        ))
    out.status_plan_columns[sheet.name] = (header.columns.get("plan"), header.columns["action_code"])


def attach_plans(out: ParsedFile, known: dict[str, dict[str, set[str]]], log: IssueLog) -> None:
    """Give every status row its plan. `known`: country -> plan -> action codes."""
    for row in out.statuses:
        plans = dict(known.get(row.country, {}))
        for plan in out.plans:
            if plan.country == row.country:
                plans[plan.plan] = {a.action_code for a in plan.actions}
        plan_col, code_col = out.status_plan_columns.get(row.sheet, (None, None))
        if row.plan:
            match = next((name for name in plans if fold(name) == fold(row.plan)), None)
            if match is None:
                log.warning("status_unknown_plan", row.sheet, row.row, plan_col,
                            f"le plan « {row.plan} » n'est pas chargé pour ce pays ; le statut est gardé, "
                            "chargez le plan ou corrigez son nom",
                            f"the plan '{row.plan}' is not loaded for this country; the status is kept, "
                            "load the plan or correct its name")
                continue
            row.plan = match
            if row.action_code not in plans[match]:
                log.warning("status_unknown_action", row.sheet, row.row, code_col,
                            f"l'action {row.action_code} n'existe pas dans le plan « {match} » ; "
                            "le statut est gardé, vérifiez le code",
                            f"action {row.action_code} is not in the plan '{match}'; "
                            "the status is kept, check the code")
            continue
        holders = [name for name, codes in plans.items() if row.action_code in codes]
        if len(holders) == 1:
            row.plan = holders[0]
        elif len(holders) > 1:
            log.error("status_ambiguous_plan", row.sheet, row.row, plan_col,
                      f"l'action {row.action_code} existe dans plusieurs plans ({'; '.join(holders)}) ; "
                      "écrivez le plan dans la colonne « Plan »",
                      f"action {row.action_code} exists in several plans ({'; '.join(holders)}); "
                      "write the plan in the 'Plan' column")
        else:
            log.warning("status_unknown_action", row.sheet, row.row, code_col,
                        f"l'action {row.action_code} n'existe dans aucun plan chargé pour ce pays ; "
                        "le statut est gardé, vérifiez le code ou chargez le plan",
                        f"action {row.action_code} is in no plan loaded for this country; "
                        "the status is kept, check the code or load the plan")
