"""The focal point's own workbook back, with every faulty cell marked where she works.

Guarantees: `marked(name, data, issues)` returns her .xlsx/.xlsm (macros kept, never
run) with each cell named by an issue filled (red for an error, orange for a warning)
and a comment giving the fix in French and English; an issue about a whole row marks
the row's first cell, one about a sheet its first cell. Cells no issue names are left
as they were. Only files that passed the safety checks of `read.py` are opened here;
a CSV gets a workbook of its rows, marked the same way. No Streamlit here.
`marked_apart` does the same in a Python process of its own: a shared server's other
sessions do not wait for it, nor keep its memory (a 50 000-row workbook with 16 668
warnings: 9 s of openpyxl and 275 MB more at its peak, 150 MB of which stayed).
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from . import apart
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


def marked_apart(name: str, data: bytes, issues: list[Issue], timeout: float = 300) -> bytes:
    """`marked`, run by `python -m loaders.marked` in a process of its own (loaders/apart.py)."""
    return apart.run("loaders.marked", {"name": name, "data": data, "issues": issues}, timeout)


if __name__ == "__main__":
    apart.serve(marked)
