"""The command line of the workbook contract.

    python -m loaders ingest PATH... [--db FILE] [--dry-run] [--json] [--wait S] [--marked OUT.xlsx]
    python -m loaders versions [--db FILE] [--json]
    python -m loaders restore N [--db FILE] [--json]
    python -m loaders audit [--db FILE] [--json] [--who EMAIL] [--action A] [--country CC]
    python -m loaders template [--lang fr|en] -o FILE.xlsx
    python -m loaders export --country CC [--plan NAME] [--db FILE] [--lang fr|en] -o FILE.xlsx

Guarantees: exit 0 when every file loaded (or checked clean), 1 when any was rejected
(or a version could not be restored), 2 on a usage error. Problems are printed as
sentences in French and English naming file, sheet and cell; never a traceback. The
command line needs a shell on the server, so it acts as an administrator and records
itself as `cli:<system user>`; while the dashboard runs on the same file it takes its
turn (loaders/database.py), saying once that it waits.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path


from . import audit, marked, template
from .audit import Actor
from .database import DatabaseBusy, exclusive
from .ingest import FileReport, ingest, restore
from .issues import IssueLog
from .schema import ensure_schema
from .shipped import DEFAULT_DB
from .store import list_versions


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description="Load action-plan workbooks into DuckDB.")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default: {DEFAULT_DB})")
    common.add_argument("--json", action="store_true", help="one JSON object per file")
    common.add_argument("--wait", type=float, default=120.0, metavar="S",
                        help="how long to wait for the dashboard to let go of the database (seconds)")
    p_ingest = sub.add_parser("ingest", parents=[common], help="check and load files")
    p_ingest.add_argument("paths", nargs="+", metavar="PATH")
    p_ingest.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p_ingest.add_argument("--by", default=None, help="kept for old scripts: the system user is recorded")
    p_ingest.add_argument("--marked", default=None, metavar="OUT.xlsx",
                          help="write the (single) file back with every faulty cell marked and commented")
    sub.add_parser("versions", parents=[common], help="list loaded versions")
    p_restore = sub.add_parser("restore", parents=[common], help="bring back version N as a new version")
    p_restore.add_argument("version", type=int, metavar="N")
    p_restore.add_argument("--by", default=None, help="kept for old scripts: the system user is recorded")
    p_template = sub.add_parser("template", help="write the blank workbook template")
    p_template.add_argument("--lang", choices=("fr", "en"), default="fr")
    p_template.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p_export = sub.add_parser("export", parents=[common], help="write a country's current data as a workbook")
    p_export.add_argument("--country", required=True, metavar="CC")
    p_export.add_argument("--plan", default=None, metavar="NAME")
    p_export.add_argument("--lang", choices=("fr", "en"), default="fr")
    p_export.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p_audit = sub.add_parser("audit", parents=[common], help="the audit trail: who did what, when")
    p_audit.add_argument("--who", default=None)
    p_audit.add_argument("--action", default=None)
    p_audit.add_argument("--country", default=None)
    return parser


def _waiting(db: str) -> None:
    print(f"{db} : le tableau de bord utilise la base ; chargement dès qu'elle est libre…\n"
          f"{db}: the dashboard is using the database; loading as soon as it is free…", file=sys.stderr)


def _busy(db: str, error: Exception) -> None:
    print(f"{db} : la base est restée ouverte par un autre programme ; rien n'a été chargé, réessayez.\n"
          f"{db}: the database stayed open in another program; nothing was loaded, try again. ({error})",
          file=sys.stderr)


def _print_diff(diff: dict) -> None:
    """The preview: what the file changes, as lines a person reads."""
    actions = diff["actions"]
    for row in actions["added"]:
        print(f"  + action {row['code']} ({row['country']} · {row['plan']}) : {row['action']}")
    for row in actions["removed"]:
        print(f"  - action {row['code']} ({row['country']} · {row['plan']}) : {row['action']}")
    for row in actions["changed"]:
        print(f"  ~ action {row['code']} ({row['country']} · {row['plan']}) {row['field']} : {row['old']} → {row['new']}")
    for row in diff["plans"]["changed"]:
        print(f"  ~ plan {row['country']} · {row['plan']} {row['field']} : {row['old']} → {row['new']}")
    for row in diff["indicators"]["added"]:
        print(f"  + {row['country']} {row['indicator']} {row['period_start']}..{row['period_end']} {row['sex']} "
              f"{row['age_group']} ({row['source']}) = {row['value']}")
    for row in diff["indicators"]["replaced"]:
        print(f"  ~ {row['country']} {row['indicator']} {row['period_start']}..{row['period_end']} {row['sex']} "
              f"{row['age_group']} ({row['source']}) : {row['old']} → {row['new']}")
    for row in diff["statuses"]["added"]:
        print(f"  + statut/status {row['country']} {row['code']} {row['as_of']} : {row['status']}")
    for label, after in diff["totals"]["after"].items():
        before = diff["totals"]["before"].get(label) or {}

        def show(key):
            value = (before.get(key), after.get(key))
            return " → ".join("—" if v is None else (f"{v:.1%}" if key == "coverage" else f"{v:,.0f}") for v in value)
        print(f"  = {label} : coût/estimated {show('estimated')} ; disponible/available {show('available')} ; "
              f"écart/gap {show('gap')} ; couverture/coverage {show('coverage')}")


def _print_report(report: FileReport) -> None:
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items() if v)
    if report.no_change:
        print(f"= {report.file}: aucun changement, rien n'a été écrit / no change, nothing written")
    elif report.unchanged:
        print(f"= {report.file}: déjà chargé (version {report.version}), rien n'a changé / "
              f"already loaded (version {report.version}), nothing changed")
    elif report.status == "loaded":
        print(f"✓ {report.file}: chargé, version {report.version} / loaded as version {report.version} ({counts})")
    elif report.status == "checked":
        print(f"✓ {report.file}: vérifié, rien n'a été écrit / checked, nothing written ({counts})")
    else:
        print(f"✗ {report.file}: refusé, la base n'a pas changé / rejected, the database did not change "
              f"({len(report.errors)} erreur(s) / error(s))")
    for issue in report.errors + report.warnings:
        mark = "erreur/error" if issue.severity == "error" else "avertissement/warning"
        print(f"  [{mark}] {issue.message_fr}\n      {issue.message_en}")
    if report.diff is not None and not report.no_change:
        _print_diff(report.diff)


def _actor(by: str | None) -> Actor:
    if by:
        print("--by : l'identité enregistrée est l'utilisateur du système / --by: the system user is recorded",
              file=sys.stderr)
    try:
        user = getpass.getuser()
    except Exception:
        user = str(os.getuid()) if hasattr(os, "getuid") else "unknown"
    return Actor(f"cli:{user}", "cli")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "template":
        Path(args.output).write_bytes(template.blank(args.lang))
        print(f"✓ {args.output}")
        return 0
    try:
        with exclusive(args.db, args.wait, lambda: _waiting(args.db)) as con:
            ensure_schema(con)
            return _run(con, args)
    except DatabaseBusy as error:
        _busy(args.db, error)
        return 1


def _print_audit(con, args) -> int:
    for row in audit.rows(con, args.who, args.action, args.country):
        if args.json:
            print(json.dumps({**row, "occurred_at": str(row["occurred_at"])}, ensure_ascii=False))
            continue
        version = "" if row["version"] is None else f"  v{row['version']}"
        print(f"{row['id']:>5}  {row['occurred_at']}  {row['who']:<28} {row['role']:<11} {row['action']:<17} "
              f"{row['outcome']:<9} {', '.join(row['countries'] or []):<6} {row['file_name'] or ''}{version}")
    return 0


def _print_versions(con, args) -> int:
    rows = list_versions(con)
    for row in rows:
        if args.json:
            print(json.dumps({**row, "loaded_at": str(row["loaded_at"]), "counts": json.loads(row["counts"])}))
        else:
            origin = f" (restauration de la version {row['restored_from']})" if row["restored_from"] else ""
            print(f"{row['version']:>4}  {row['loaded_at']}  {row['action']:<7} {row['file_name']}{origin}"
                  f"  par/by {row['loaded_by']}  {row['warnings']} avertissement(s)")
    return 0


def _read(path_text: str) -> tuple[str, bytes | None, FileReport | None]:
    path = Path(path_text)
    try:
        return path.name, path.read_bytes(), None
    except OSError:
        issues = IssueLog(path.name or path_text)
        issues.error("cannot_open", None, None, None,
                     f"le fichier {path_text} est introuvable ou illisible ; vérifiez le chemin",
                     f"the file {path_text} cannot be found or read; check the path")
        return path.name, None, FileReport(path.name or path_text, "rejected", issues=issues.issues)


def _export(con, args) -> int:
    from .reference import reference

    country = reference().country(args.country)
    known = [r[0] for r in con.execute("SELECT DISTINCT country FROM (SELECT country FROM plans UNION ALL "
                                       "SELECT country FROM indicator_values)").fetchall()]
    if country not in known:
        print(f"{args.country} : aucune donnée pour ce pays ({', '.join(sorted(known))}) / "
              f"{args.country}: no data for this country ({', '.join(sorted(known))})", file=sys.stderr)
        return 1
    if args.plan and not con.execute("SELECT count(*) FROM plans WHERE country = ? AND plan = ?",
                                     [country, args.plan]).fetchone()[0]:
        print(f"« {args.plan} » : aucun plan de ce nom pour {country} / '{args.plan}': no plan of that name for "
              f"{country}", file=sys.stderr)
        return 1
    Path(args.output).write_bytes(template.current_data(con, country, args.plan, args.lang))
    audit.record(con, _actor(None), "export", "done", countries=[country], file_name=Path(args.output).name)
    print(f"✓ {args.output}")
    return 0


def _refused_unread(report: FileReport) -> bool:
    """Refused before it was read (not a workbook, a bomb): there is nothing to mark."""
    return any(i.sheet is None and i.severity == "error" and i.code not in ("no_rows", "other_country")
               for i in report.issues) and not any(i.sheet for i in report.issues)


def _run(con, args) -> int:
    if args.command == "export":
        return _export(con, args)
    if args.command == "audit":
        return _print_audit(con, args)
    if args.command == "versions":
        return _print_versions(con, args)
    actor = _actor(args.by)
    if args.command == "restore":
        reports = [restore(con, args.version, actor=actor)]
    else:
        if args.marked and len(args.paths) != 1:
            print("--marked : un seul fichier à la fois / one file at a time", file=sys.stderr)
            return 2
        reports = []
        for path_text in args.paths:
            name, data, unreadable = _read(path_text)
            reports.append(unreadable or ingest(con, name, data, actor=actor, dry_run=args.dry_run))
            if args.marked and not unreadable and reports[-1].issues and not _refused_unread(reports[-1]):
                Path(args.marked).write_bytes(marked.marked(name, data, reports[-1].issues))
                print(f"✓ {args.marked} : cellules à corriger marquées / faulty cells marked", file=sys.stderr)
    for report in reports:
        if args.json:
            print(json.dumps(report.as_json(), ensure_ascii=False, default=str))
        else:
            _print_report(report)
    return 1 if any(r.status == "rejected" for r in reports) else 0
