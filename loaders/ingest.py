"""Parse -> validate -> load: the one path every file takes, from the CLI or the upload page.

Guarantees: `ingest` returns a `FileReport` and never raises on bad input. A file with
any error is rejected and the database is left exactly as it was; warnings never stop
a load. The same bytes loaded twice change nothing (the report names the version that
already holds them). `restore` re-applies the file of an earlier version as a new
version. An unexpected failure is reported as a sentence, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import traceback
from dataclasses import dataclass, field

import duckdb

from . import audit, diff, store
from .audit import Actor
from .headers import FIELDS_BY_KIND, HeaderMap, find_header, report_header, required_fields
from .issues import Issue, IssueLog
from .model import ParsedFile
from .parse_indicators import check_parts, parse_indicator_sheet
from .parse_plan import parse_plan_sheet, reconcile
from .parse_status import attach_plans, parse_status_sheet
from .read import read_file
from .reference import reference
from .schema import ensure_schema

log = logging.getLogger(__name__)

PARSERS = {"plan": parse_plan_sheet, "indicators": parse_indicator_sheet, "status": parse_status_sheet}


@dataclass
class FileReport:
    file: str
    status: str  # "loaded" | "rejected" | "checked"
    counts: dict = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    version: int | None = None
    unchanged: bool = False
    ignored_sheets: list[str] = field(default_factory=list)
    diff: dict | None = None       # what the file changes against the current data (loaders/diff.py)
    no_change: bool = False        # its content equals the current data: no version was made

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def as_json(self) -> dict:
        return {
            "file": self.file,
            "status": self.status,
            "version": self.version,
            "unchanged": self.unchanged,
            "counts": self.counts,
            "ignored_sheets": self.ignored_sheets,
            "issues": [i.as_dict() for i in self.issues],
            **({"diff": self.diff} if self.diff is not None else {}),
            **({"no_change": True} if self.no_change else {}),
        }


def _detect_kind(rows: list[list]) -> tuple[str | None, HeaderMap | None]:
    """A CSV's kind, told by its columns: the kind whose required columns it has best."""
    best: tuple[str | None, HeaderMap | None] = (None, None)
    best_score = 0
    for kind in FIELDS_BY_KIND:
        mapping = find_header(rows, kind)
        if mapping is None:
            continue
        required = {f.name for f in required_fields(kind)}
        found = required & mapping.columns.keys()
        score = (1000 if found == required else 0) + len(found) * 10 + len(mapping.columns)
        if score > best_score:
            best, best_score = (kind, mapping), score
    return best


@contextlib.contextmanager
def _gc_paused():
    """A sheet arrives as ~1 million cell objects; parsing and writing make no reference
    cycles, yet their allocations set off repeated full collections (a third of the
    time on 50 000 rows). Collection resumes when the file is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _quiet(stage: str) -> None:
    pass


def check(name: str, data: bytes, known_plans: dict[str, dict[str, set[str]]],
          progress=_quiet) -> tuple[ParsedFile, IssueLog]:
    """Read and validate a file without touching any database."""
    with _gc_paused():
        return _check(name, data, known_plans, progress)


def _check(name: str, data: bytes, known_plans: dict[str, dict[str, set[str]]],
           progress=_quiet) -> tuple[ParsedFile, IssueLog]:
    issues = IssueLog(name)
    parsed = ParsedFile()
    ref = reference()
    progress("read")
    read = read_file(name, data, issues)
    progress("check")
    parsed.ignored_sheets = read.ignored_sheets
    if not read.sheets and not issues.errors:
        ignored = ", ".join(f"« {s} »" for s in read.ignored_sheets) or "aucune"
        ignored_en = ", ".join(f"'{s}'" for s in read.ignored_sheets) or "none"
        issues.error("no_known_sheet", None, None, None,
                     f"aucune feuille nommée Plan, Indicateurs ou Suivi (feuilles trouvées : {ignored}) ; "
                     "renommez la feuille à charger",
                     f"no sheet named Plan, Indicators or Progress (sheets found: {ignored_en}); "
                     "rename the sheet to load")
    for sheet in read.sheets:
        if sheet.kind:
            kind, header = sheet.kind, find_header(sheet.rows, sheet.kind)
        else:
            kind, header = _detect_kind(sheet.rows)
        if kind is None:
            issues.error("no_header", sheet.name, None, None,
                         "les colonnes ne correspondent à aucune feuille du modèle (Plan, Indicateurs, Suivi) ; "
                         "ajoutez une ligne d'en-têtes (p. ex. Pays, Plan, Axe, Code action, Action)",
                         "the columns match no sheet of the contract (Plan, Indicators, Progress); "
                         "add a header row (e.g. Country, Plan, Axis, Action code, Action)")
            continue
        if not report_header(header, kind, sheet.name, issues):
            continue
        PARSERS[kind](sheet, header, issues, ref, parsed)
    for plan in parsed.plans:
        reconcile(plan, issues, parsed.code_columns)
    check_parts(parsed.indicators, issues)
    attach_plans(parsed, known_plans, issues)
    if read.sheets and not issues.errors and not any(parsed.counts().values()):
        issues.error("no_rows", None, None, None,
                     "rien à charger : aucune ligne de données sous les en-têtes (les lignes d'exemple sont ignorées) ; "
                     "remplissez au moins une ligne",
                     "nothing to load: no data rows under the headers (example rows are skipped); "
                     "fill in at least one row")
    return parsed, issues


def _internal_error(name: str, exc: BaseException) -> FileReport:
    log.error("unexpected failure on %s:\n%s", name, "".join(traceback.format_exception(exc)))
    issues = IssueLog(name)
    issues.error("internal_error", None, None, None,
                 "une erreur inattendue a empêché la lecture de ce fichier ; il n'a pas été chargé et la base "
                 "n'a pas changé. Envoyez-le aux mainteneurs du tableau de bord",
                 "an unexpected error prevented reading this file; it was not loaded and the database did not "
                 "change. Send it to the dashboard's maintainers")
    return FileReport(name, "rejected", issues=issues.issues)


def _guarded(name: str, work) -> FileReport:
    """Runs one load with the collector paused; failures become sentences, never tracebacks."""
    try:
        with _gc_paused():
            return work()
    except duckdb.TransactionException:
        issues = IssueLog(name)
        issues.error("busy", None, None, None,
                     "un autre chargement écrivait en même temps ; rien n'a été chargé, réessayez",
                     "another load was writing at the same time; nothing was loaded, try again")
        return FileReport(name, "rejected", issues=issues.issues)
    except Exception as exc:  # a user never sees a traceback; the log keeps it
        return _internal_error(name, exc)


def _parsed_countries(parsed: ParsedFile) -> set[str]:
    return ({p.country for p in parsed.plans} | {i.country for i in parsed.indicators}
            | {s.country for s in parsed.statuses})


def _refuse_other_countries(parsed: ParsedFile, allowed: frozenset[str], issues: IssueLog) -> None:
    """A focal point loads her own countries only: the first row of each sheet that holds
    another country is an error, and the whole file is refused."""
    rows = [(a.sheet, a.row, a.country) for p in parsed.plans for a in p.actions]
    rows += [(t.sheet, t.row, t.country) for p in parsed.plans for t in p.totals]
    rows += [(i.sheet, i.row, i.country) for i in parsed.indicators]
    rows += [(s.sheet, s.row, s.country) for s in parsed.statuses]
    yours = ", ".join(sorted(allowed)) or "—"
    reported: set[str] = set()
    for sheet, row, country in sorted(rows, key=lambda r: (r[0], r[1])):
        if country in allowed or sheet in reported:
            continue
        reported.add(sheet)
        others = sum(1 for s, _, c in rows if s == sheet and c not in allowed)
        issues.error("other_country", sheet, row, None,
                     f"cette ligne est pour le pays {country}, qui n'est pas le vôtre ({yours}) ; "
                     f"{others} ligne(s) de cette feuille concernent d'autres pays. Retirez-les ou demandez "
                     "à un administrateur de charger le fichier",
                     f"this row is for country {country}, which is not yours ({yours}); {others} row(s) of this "
                     "sheet are for other countries. Remove them or ask an administrator to load the file")


def _audit_outcome(con, actor: Actor, action: str, report: FileReport, sha256: str | None,
                   countries: list[str]) -> None:
    outcome = "unchanged" if report.unchanged else report.status
    audit.record(con, actor, action, outcome, countries=countries, file_name=report.file, sha256=sha256,
                 version=report.version, detail=None if not report.errors else report.errors[0].code)


def _apply(con, name: str, data: bytes, sha256: str, *, actor: Actor, dry_run: bool = False,
           restored_from: int | None = None, countries: frozenset[str] | None = None,
           progress=_quiet) -> FileReport:
    """Check a file, compare it with the current data and, when it has no error and
    changes something, write it as a new version with its audit row."""
    parsed, issues = check(name, data, store.current_plan_codes(con), progress)
    if countries is not None and not issues.errors:
        _refuse_other_countries(parsed, countries, issues)
    report = FileReport(name, "checked", parsed.counts(), issues.issues, ignored_sheets=parsed.ignored_sheets)
    touched = sorted(_parsed_countries(parsed))
    action = "dry_run" if dry_run else ("restore" if restored_from else "load")
    if not issues.errors:
        progress("compare")
        report.diff = diff.changes(con, parsed)
        if diff.is_empty(report.diff) and not restored_from:
            # The same content in other bytes (an exported workbook loaded back): nothing to write.
            report.unchanged = report.no_change = True
            report.status = "checked" if dry_run else "loaded"
            _audit_outcome(con, actor, action, report, sha256, touched)
            return report
    if issues.errors:
        report.status = "rejected"
    elif not dry_run:
        progress("write")
        def audit_row(version: int) -> None:
            audit.record(con, actor, action, "loaded", countries=touched, file_name=name, sha256=sha256,
                         version=version, detail=f"restored from {restored_from}" if restored_from else None)
        report.version = store.write_version(
            con, parsed=parsed, warnings=issues.warnings, file_name=name, data=data, sha256=sha256,
            loaded_by=actor.who, action="restore" if restored_from else "load", restored_from=restored_from,
            on_written=audit_row,
        )
        report.status = "loaded"
        return report
    _audit_outcome(con, actor, action, report, sha256, touched)
    return report


def _actor(actor: Actor | None, loaded_by: str | None) -> Actor:
    if actor is not None:
        return actor
    return Actor(loaded_by or "cli", "cli")


def ingest(con: duckdb.DuckDBPyConnection, name: str, data: bytes, *, loaded_by: str | None = None,
           actor: Actor | None = None, dry_run: bool = False,
           countries: frozenset[str] | None = None, progress=_quiet) -> FileReport:
    """Check and load one file. `actor` is recorded as who loaded it (and in the audit
    trail); `countries`, when given, are the only countries the file may hold;
    `progress(stage)` is told each stage: read, check, compare, write."""
    actor = _actor(actor, loaded_by)

    def work() -> FileReport:
        ensure_schema(con)
        sha256 = hashlib.sha256(data).hexdigest()
        existing = store.version_of_file(con, sha256)
        if existing is not None:
            version, counts = existing
            held = store.version_countries(con, version)
            report = FileReport(name, "checked" if dry_run else "loaded", counts, version=version, unchanged=True)
            if countries is not None and set(held) - countries:
                issues = IssueLog(name)
                issues.error("other_country", None, None, None,
                             f"ce fichier contient des données d'autres pays ({', '.join(sorted(set(held) - countries))}) "
                             f"que les vôtres ({', '.join(sorted(countries)) or '—'}) ; il n'a pas été chargé",
                             f"this file holds data of other countries ({', '.join(sorted(set(held) - countries))}) "
                             f"than yours ({', '.join(sorted(countries)) or '—'}); it was not loaded")
                report = FileReport(name, "rejected", issues=issues.issues)
            if not (actor.role == "system" and report.unchanged):  # the start-up sync, every start: not news
                _audit_outcome(con, actor, "dry_run" if dry_run else "load", report, sha256, held)
            return report
        return _apply(con, name, data, sha256, actor=actor, dry_run=dry_run, countries=countries, progress=progress)
    return _recorded(con, actor, "dry_run" if dry_run else "load", name, _guarded(name, work))


def restore(con: duckdb.DuckDBPyConnection, version: int, *, loaded_by: str | None = None,
            actor: Actor | None = None) -> FileReport:
    """Bring back what version N loaded, as a new version."""
    actor = _actor(actor, loaded_by)

    def work() -> FileReport:
        ensure_schema(con)
        stored = store.stored_file(con, version)
        if stored is None:
            issues = IssueLog(f"version {version}")
            issues.error("no_such_version", None, None, None,
                         f"la version {version} n'existe pas ; `python -m loaders versions` les liste",
                         f"version {version} does not exist; `python -m loaders versions` lists them")
            report = FileReport(f"version {version}", "rejected", issues=issues.issues)
            _audit_outcome(con, actor, "restore", report, None, [])
            return report
        name, data, sha256 = stored
        return _apply(con, name, data, sha256, actor=actor, restored_from=version)
    return _recorded(con, actor, "restore", f"version {version}", _guarded(f"version {version}", work))


def _recorded(con, actor: Actor, action: str, name: str, report: FileReport) -> FileReport:
    """A load that failed before it could record itself (busy, unexpected) still leaves its row."""
    if report.status == "rejected" and report.errors and report.errors[0].code in ("busy", "internal_error"):
        try:
            audit.record(con, actor, action, "rejected", file_name=name, detail=report.errors[0].code)
        except Exception:  # the audit must not turn a sentence into a traceback; the log keeps it
            log.exception("could not record the audit row of %s", name)
    return report
