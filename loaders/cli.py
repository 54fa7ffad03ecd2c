"""The command line of the workbook contract.

    python -m loaders ingest PATH... [--db FILE] [--dry-run] [--json] [--by NAME]
    python -m loaders versions [--db FILE] [--json]
    python -m loaders restore N [--db FILE] [--json] [--by NAME]

Guarantees: exit 0 when every file loaded (or checked clean), 1 when any was rejected
(or a version could not be restored), 2 on a usage error. Problems are printed as
sentences in French and English naming file, sheet and cell; never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

import duckdb

from .ingest import FileReport, ingest, restore
from .issues import IssueLog
from .schema import ensure_schema
from .shipped import DEFAULT_DB, connect
from .store import list_versions


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description="Load action-plan workbooks into DuckDB.")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=str(DEFAULT_DB), help=f"DuckDB file (default: {DEFAULT_DB})")
    common.add_argument("--json", action="store_true", help="one JSON object per file")
    p_ingest = sub.add_parser("ingest", parents=[common], help="check and load files")
    p_ingest.add_argument("paths", nargs="+", metavar="PATH")
    p_ingest.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p_ingest.add_argument("--by", default=None, help="who is loading (default: the system user)")
    sub.add_parser("versions", parents=[common], help="list loaded versions")
    p_restore = sub.add_parser("restore", parents=[common], help="bring back version N as a new version")
    p_restore.add_argument("version", type=int, metavar="N")
    p_restore.add_argument("--by", default=None)
    return parser


def _open(db: str) -> duckdb.DuckDBPyConnection | None:
    try:
        con = connect(db)
        ensure_schema(con)
        return con
    except duckdb.IOException as exc:
        print(f"{db} : la base est ouverte par un autre programme (le tableau de bord ?) ; "
              "chargez le fichier depuis la page « Charger des données » ou arrêtez l'application.\n"
              f"{db}: the database is open in another program (the dashboard?); load the file from the "
              f"'Upload data' page or stop the app. ({str(exc).splitlines()[0]})", file=sys.stderr)
        return None


def _print_report(report: FileReport) -> None:
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items() if v)
    if report.unchanged:
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


def _user(by: str | None) -> str:
    if by:
        return by
    try:
        return getpass.getuser()
    except Exception:
        return "command line"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    con = _open(args.db)
    if con is None:
        return 1
    try:
        if args.command == "versions":
            rows = list_versions(con)
            if args.json:
                for row in rows:
                    print(json.dumps({**row, "loaded_at": str(row["loaded_at"]), "counts": json.loads(row["counts"])}))
            else:
                for row in rows:
                    origin = f" (restauration de la version {row['restored_from']})" if row["restored_from"] else ""
                    print(f"{row['version']:>4}  {row['loaded_at']}  {row['action']:<7} {row['file_name']}{origin}"
                          f"  par/by {row['loaded_by']}  {row['warnings']} avertissement(s)")
            return 0
        if args.command == "restore":
            reports = [restore(con, args.version, loaded_by=_user(args.by))]
        else:
            reports = []
            for path_text in args.paths:
                path = Path(path_text)
                try:
                    data = path.read_bytes()
                except OSError:
                    issues = IssueLog(path.name or path_text)
                    issues.error("cannot_open", None, None, None,
                                 f"le fichier {path_text} est introuvable ou illisible ; vérifiez le chemin",
                                 f"the file {path_text} cannot be found or read; check the path")
                    reports.append(FileReport(path.name or path_text, "rejected", issues=issues.issues))
                    continue
                reports.append(ingest(con, path.name, data, loaded_by=_user(args.by), dry_run=args.dry_run))
        for report in reports:
            if args.json:
                print(json.dumps(report.as_json(), ensure_ascii=False, default=str))
            else:
                _print_report(report)
        return 1 if any(r.status == "rejected" for r in reports) else 0
    finally:
        con.close()
