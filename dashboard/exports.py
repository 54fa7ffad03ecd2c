"""A table's CSV and Excel files, built here or, for a large table, in a process of its own.

Guarantees: `csv_bytes` writes the active filters as `#` lines above the header;
`excel_bytes` writes the table and a sheet of filters, which also says when Excel's
limits (1 048 575 rows, 32 767 characters a cell) cut anything. Every text stays text:
in a CSV a text a spreadsheet would read as a formula gets a leading `'`; in Excel it is
written as a text cell, never a formula or a link. Lists are written `a; b`.
`made(...)` gives the same bytes as these functions; past `APART_CELLS` cells (for its
kind of file) it builds them with `python -m dashboard.exports` (loaders/apart.py), so
that a large export neither holds the server's interpreter from the other sessions nor
keeps its memory.
Nothing here reads the session: the filters' lines are given, and the language is the
one being spoken (`i18n.speaking`, `i18n.in_this_language`).
"""

from __future__ import annotations

import io
import re

import pandas as pd

from loaders import apart

from .i18n import lang, number, speaking, t
from .safe import cell

EXCEL_CELL = 32_767  # Excel's most characters in one cell
# A table of more cells than this is written apart. Starting a process that imports
# pandas and xlsxwriter takes 0.6-0.9 s; written here, xlsxwriter takes about 8 µs a
# cell and a CSV about 2 µs (16 671 issues, 133 000 cells: 1.1 s and 0.3 s of the
# server's interpreter on 28 November 2026), so each goes apart past about 0.4 s.
APART_CELLS = {"xlsx": 50_000, "csv": 200_000}


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become `a; b`, so a spreadsheet shows them in one cell."""
    out = frame.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).any():
            out[column] = out[column].map(lambda v: "; ".join(map(str, list(v))) if v is not None else "")
    return out


def _export_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """For CSV, which has no cell types: every text that a spreadsheet would read as a
    formula gets a leading `'`, so it opens as text."""
    out = _flat(frame)
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(cell)
    return out.rename(columns={c: cell(str(c)) for c in out.columns})


def csv_bytes(frame: pd.DataFrame, lines: list[tuple[str, str]]) -> bytes:
    head = "".join(f"# {name}: {cell(value)}\n" for name, value in lines)
    return (head + _export_safe(frame).to_csv(index=False)).encode("utf-8-sig")


def _fit_excel(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Texts longer than Excel holds, cut with an ellipsis; how many cells were cut."""
    out, cut = frame.copy(), 0
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            long = out[column].map(lambda v: isinstance(v, str) and len(v) > EXCEL_CELL)
            if long.any():
                cut += int(long.sum())
                out[column] = out[column].map(
                    lambda v: v[: EXCEL_CELL - 1] + "…" if isinstance(v, str) and len(v) > EXCEL_CELL else v)
    return out, cut


def excel_bytes(frame: pd.DataFrame, lines: list[tuple[str, str]], title: str, rows_cut: bool = False) -> bytes:
    """The table and a sheet of filters (`lines`), in the language being spoken; says in
    that sheet when Excel's limits cut anything."""
    buffer = io.BytesIO()
    # Every text is written as a text cell, exactly as typed: xlsxwriter would otherwise turn
    # text starting with `=` into a formula and bare URLs into links.
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(buffer, engine="xlsxwriter", engine_kwargs={"options": options}) as writer:
        sheet = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Data"
        data, cells_cut = _fit_excel(_flat(frame))
        for column in data.select_dtypes(include=["datetimetz"]).columns:
            data[column] = data[column].dt.tz_localize(None)
        data.to_excel(writer, sheet_name=sheet, index=False)
        notes = list(lines)
        if rows_cut:
            notes.append((t("excel_note"), t("excel_rows_cut").format(n=number(len(frame)))))
        if cells_cut:
            notes.append((t("excel_note"), t("excel_cells_cut").format(n=number(cells_cut))))
        pd.DataFrame(notes, columns=[t("filters"), ""]).to_excel(writer, sheet_name=t("filters"), index=False)
        writer.sheets[sheet].autofit()
    return buffer.getvalue()


def _build(kind: str, frame: pd.DataFrame, lines: list[tuple[str, str]], title: str, rows_cut: bool,
           language: str) -> bytes:
    with speaking(language):
        if kind == "csv":
            return csv_bytes(frame, lines)
        return excel_bytes(frame, lines, title, rows_cut)


def made(kind: str, frame: pd.DataFrame, lines: list[tuple[str, str]], title: str, rows_cut: bool) -> bytes:
    """The `kind` ("csv" or "xlsx") file of `frame` in the language being spoken, built
    apart when the table is large."""
    payload = {"kind": kind, "frame": frame, "lines": lines, "title": title, "rows_cut": rows_cut,
               "language": lang()}
    if frame.size <= APART_CELLS[kind]:
        return _build(**payload)
    return apart.run("dashboard.exports", payload)


if __name__ == "__main__":
    apart.serve(_build)
