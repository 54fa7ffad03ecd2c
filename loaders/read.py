"""File bytes -> sheets of cell values, refusing hostile or broken files safely.

Guarantees: `read_file` never raises on bad input; it returns the sheets it could read
and the reasons it could not, as issues. An `.xlsx` is checked as a zip (entries,
decompressed size, compression ratio, no DTD or entity in any XML part) before
python-calamine reads it, so zip bombs, XML bombs and truncated files are refused in
bounded time and memory. Merged cells are expanded: every cell of a merged range holds
the value of its top-left cell. CSV text is decoded as UTF-8 (with or without BOM) or
Windows-1252, with `,`, `;` or tab as delimiter.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass, field

import python_calamine

from . import limits
from .issues import IssueLog
from .text import fold_compact

SHEET_KINDS = {
    "plan": "plan", "actions": "plan", "plandaction": "plan", "actionplan": "plan",
    "indicateurs": "indicators", "indicators": "indicators",
    "indicateursderesultats": "indicators",
    "suivi": "status", "progress": "status", "statut": "status", "avancement": "status",
}


@dataclass
class RawSheet:
    name: str
    kind: str | None  # "plan" | "indicators" | "status"; None for CSV until headers tell
    rows: list[list]  # rows[0] is spreadsheet row 1, rows[r][0] is column A


@dataclass
class ReadResult:
    sheets: list[RawSheet] = field(default_factory=list)
    ignored_sheets: list[str] = field(default_factory=list)


def sheet_kind(name: str) -> str | None:
    return SHEET_KINDS.get(fold_compact(name))


def read_file(name: str, data: bytes, log: IssueLog) -> ReadResult:
    lower = name.lower()
    if not data:
        log.error("empty_file", None, None, None,
                  "le fichier est vide ; envoyez le classeur enregistré (.xlsx) ou le .csv",
                  "the file is empty; send the saved workbook (.xlsx) or the .csv")
        return ReadResult()
    if len(data) > limits.MAX_FILE_BYTES:
        mb = limits.MAX_FILE_BYTES // (1024 * 1024)
        log.error("file_too_large", None, None, None,
                  f"le fichier fait {len(data) / 1e6:.0f} Mo, au-delà de la limite de {mb} Mo ; "
                  "envoyez un fichier par pays ou par plan",
                  f"the file is {len(data) / 1e6:.0f} MB, over the {mb} MB limit; "
                  "send one file per country or plan")
        return ReadResult()
    if lower.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, log)
    if lower.endswith((".csv", ".txt", ".tsv")):
        return _read_csv(data, log)
    if lower.endswith(".xls"):
        log.error("old_excel", None, None, None,
                  "c'est l'ancien format Excel (.xls) ; ouvrez-le et enregistrez-le en .xlsx",
                  "this is the old Excel format (.xls); open it and save it as .xlsx")
        return ReadResult()
    log.error("unknown_type", None, None, None,
              "ce type de fichier n'est pas accepté ; envoyez un classeur .xlsx/.xlsm ou un .csv",
              "this type of file is not accepted; send an .xlsx/.xlsm workbook or a .csv")
    return ReadResult()


def _not_a_workbook(log: IssueLog, why_fr: str, why_en: str) -> ReadResult:
    log.error("not_a_workbook", None, None, None,
              f"{why_fr} ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau en .xlsx",
              f"{why_en}; open it in Excel or LibreOffice and save it again as .xlsx")
    return ReadResult()


def _check_zip(data: bytes, log: IssueLog) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        _not_a_workbook(log, "ce fichier n'est pas un classeur Excel (son contenu ne correspond pas à son extension)",
                        "this file is not an Excel workbook (its content does not match its extension)")
        return False
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        _not_a_workbook(log, "le classeur est endommagé ou incomplet (tronqué)",
                        "the workbook is damaged or incomplete (truncated)")
        return False
    if len(entries) > limits.MAX_ZIP_ENTRIES:
        _not_a_workbook(log, "le classeur contient un nombre anormal de parties",
                        "the workbook holds an abnormal number of parts")
        return False
    total = 0
    for entry in entries:
        if entry.file_size > limits.MAX_UNCOMPRESSED_BYTES or (
            entry.compress_size and entry.file_size / entry.compress_size > limits.MAX_COMPRESSION_RATIO
            and entry.file_size > 1_000_000
        ):
            _refuse_bomb(log)
            return False
        # Declared sizes can lie: decompress for real, counting, and stop at the limit.
        try:
            with archive.open(entry) as part:
                first = True
                while chunk := part.read(4096 if first else 1 << 20):
                    # A DTD can only stand in the prologue, so the first 4 KB tell.
                    if first and entry.filename.endswith((".xml", ".rels", ".vml")) and (
                        b"<!DOCTYPE" in chunk or b"<!ENTITY" in chunk
                    ):
                        _not_a_workbook(log, "le classeur contient une définition de type XML (DTD), refusée par sécurité",
                                        "the workbook holds an XML type definition (DTD), refused for safety")
                        return False
                    first = False
                    total += len(chunk)
                    if total > limits.MAX_UNCOMPRESSED_BYTES:
                        _refuse_bomb(log)
                        return False
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
            _not_a_workbook(log, "le classeur est endommagé ou incomplet (tronqué)",
                            "the workbook is damaged or incomplete (truncated)")
            return False
    if "xl/workbook.xml" not in {e.filename for e in entries}:
        _not_a_workbook(log, "ce fichier zip n'est pas un classeur Excel",
                        "this zip file is not an Excel workbook")
        return False
    return True


def _refuse_bomb(log: IssueLog) -> None:
    mb = limits.MAX_UNCOMPRESSED_BYTES // (1024 * 1024)
    log.error("zip_bomb", None, None, None,
              f"une fois décompressé, le classeur dépasse {mb} Mo : refusé par sécurité ; "
              "envoyez un classeur ordinaire, un par pays ou par plan",
              f"once decompressed, the workbook exceeds {mb} MB: refused for safety; "
              "send an ordinary workbook, one per country or plan")


def _read_xlsx(data: bytes, log: IssueLog) -> ReadResult:
    result = ReadResult()
    if not _check_zip(data, log):
        return result
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = workbook.sheet_names
    except Exception:  # calamine raises several private error types on broken parts
        _not_a_workbook(log, "le classeur n'a pas pu être lu (parties manquantes ou endommagées)",
                        "the workbook could not be read (missing or damaged parts)")
        return result
    for name in names:
        kind = sheet_kind(name)
        if kind is None:
            result.ignored_sheets.append(name)
            continue
        try:
            sheet = workbook.get_sheet_by_name(name)
            if sheet.total_height * max(sheet.total_width, 1) > limits.MAX_SHEET_CELLS:
                log.error("sheet_too_large", name, None, None,
                          f"la feuille a {sheet.total_height} lignes × {sheet.total_width} colonnes, "
                          "au-delà de ce qu'un envoi peut contenir ; découpez-la en plusieurs fichiers",
                          f"the sheet has {sheet.total_height} rows × {sheet.total_width} columns, "
                          "more than one upload may hold; split it into several files")
                continue
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except Exception:
            log.error("sheet_unreadable", name, None, None,
                      "la feuille n'a pas pu être lue (partie endommagée) ; enregistrez à nouveau le classeur",
                      "the sheet could not be read (damaged part); save the workbook again")
            continue
        _expand_merged(rows, merged)
        result.sheets.append(RawSheet(name, kind, rows))
    return result


def _expand_merged(rows: list[list], merged) -> None:
    for (top, left), (bottom, right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value


def _decode(data: bytes) -> str | None:
    if b"\x00" in data[:65536]:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes, log: IssueLog) -> ReadResult:
    text = _decode(data)
    if text is None or data.startswith(b"PK\x03\x04"):
        log.error("not_text", None, None, None,
                  "ce fichier n'est pas un texte CSV (son contenu ne correspond pas à son extension) ; "
                  "exportez la feuille en CSV, ou envoyez le classeur .xlsx",
                  "this file is not CSV text (its content does not match its extension); "
                  "export the sheet as CSV, or send the .xlsx workbook")
        return ReadResult()
    sample_lines = [line for line in text.splitlines()[:40] if line.strip()]
    counts = {d: sum(line.count(d) for line in sample_lines) for d in (";", ",", "\t")}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if len(rows) > limits.MAX_ROWS:
        log.error("too_many_rows", None, None, None,
                  f"le fichier a {len(rows)} lignes, au-delà de {limits.MAX_ROWS} ; découpez-le",
                  f"the file has {len(rows)} rows, over {limits.MAX_ROWS}; split it")
        return ReadResult()
    return ReadResult([RawSheet("CSV", None, rows)])
