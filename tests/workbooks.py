"""Small workbooks built in memory for tests: exact bytes, no files to keep in sync.

Guarantees: `xlsx` returns the bytes of a real .xlsx written by openpyxl, with the
given sheets, rows (row 1 first) and merged ranges; `csv_bytes` returns CSV text in
the given encoding and delimiter.
"""

from __future__ import annotations

import io

from openpyxl import Workbook

PLAN_HEADER = ["Pays", "Plan", "Code axe", "Axe", "Code effet", "Effet", "Code action", "Action",
               "Coût estimé", "Fonds disponibles"]


def xlsx(sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        ws = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and value != "":
                    cell = ws.cell(r, c, value)
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"  # text that looks like a formula, as typed after a '

        for cell_range in (merges or {}).get(name, []):
            ws.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    lines = [delimiter.join("" if v is None else str(v) for v in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def plan_rows(*actions: list, header: list[str] = PLAN_HEADER) -> list[list]:
    return [header, *actions]
