"""The focal point's own workbook back, with every faulty cell marked where she works.

Guarantees: `marked(name, data, issues)` returns her .xlsx/.xlsm (macros kept, never
run) with each cell named by an issue filled (red for an error, orange for a warning)
and a comment giving the fix in French and English; an issue about a whole row marks
the row's first cell, one about a sheet its first cell. Cells no issue names are left
as they were. Only files that passed the safety checks of `read.py` are opened here;
a CSV gets a workbook of its rows, marked the same way. No Streamlit here.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from .issues import Issue

FILLS = {"error": PatternFill("solid", fgColor="F4B6B6"), "warning": PatternFill("solid", fgColor="FCD9A8")}
AUTHOR = "Cible 8.7 / Target 8.7"


def _workbook(name: str, data: bytes):
    if name.lower().endswith(".csv"):
        text = data.decode("utf-8-sig", errors="replace")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        book = Workbook()
        sheet = book.active
        sheet.title = "CSV"
        for row in csv.reader(io.StringIO(text), dialect):
            sheet.append(row)
        return book, True
    return load_workbook(io.BytesIO(data), keep_vba=name.lower().endswith(".xlsm")), False


def marked(name: str, data: bytes, issues: list[Issue]) -> bytes:
    book, from_csv = _workbook(name, data)
    notes: dict[tuple[str, str], list[Issue]] = {}
    for issue in issues:
        sheet = (book.worksheets[0].title if from_csv else issue.sheet) or book.worksheets[0].title
        if sheet not in book.sheetnames:
            continue
        cell = f"{issue.column or 'A'}{issue.row or 1}"
        notes.setdefault((sheet, cell), []).append(issue)
    for (sheet, cell), found in notes.items():
        target = book[sheet][cell]
        severity = "error" if any(i.severity == "error" for i in found) else "warning"
        target.fill = FILLS[severity]
        text = "\n\n".join(f"{i.message_fr}\n— {i.message_en}" for i in found)
        target.comment = Comment(text, AUTHOR, width=420, height=160)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
