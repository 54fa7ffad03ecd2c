"""Reading the data rows under a header: cell access by field, with the cell's address.

Guarantees: every value read through `RowCursor` can be reported with its A1 address;
a parser that fails on one cell logs it and carries on, so a focal point gets every
wrong cell of a file in one go, not one per upload.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from .cells import CellError
from .headers import HeaderMap
from .issues import IssueLog, column_letter
from .text import clean

T = TypeVar("T")


def is_blank(row: list) -> bool:
    # A plain loop: this runs on every row of a sheet, and a generator under all() cost
    # twice as much. Falsy cells are blank unless they are a value (0, 0.0, False).
    for cell in row:
        if cell:
            if not isinstance(cell, str) or cell.strip():
                return False
        elif cell is not None and cell != "":
            return False
    return True


def is_example(row: list, header: HeaderMap) -> bool:
    """The template's example row: its country cell starts with `Exemple` or `Example`.
    It shows what to write and is never loaded."""
    col = header.columns.get("country")
    if col is None or col >= len(row):
        return False
    cell = row[col]
    return isinstance(cell, str) and cell[:1] in "Ee " and cell.lstrip()[:7].lower() in ("exemple", "example")


def skipped(row: list, header: HeaderMap) -> bool:
    return is_blank(row) or is_example(row, header)


class RowCursor:
    __slots__ = ("cells", "number", "header", "sheet", "log", "failed", "values")

    def __init__(self, row: list, row_index: int, header: HeaderMap, sheet: str, log: IssueLog):
        self.cells = row
        self.number = row_index + 1
        self.header = header
        self.sheet = sheet
        self.log = log
        self.failed = False
        width = len(row)
        # One pass over the mapped columns: parsers then read a dict, not the row.
        self.values = {name: (None if (v := row[col]) == "" else v) if col < width else None
                       for name, col in header.columns.items()}

    def col(self, name: str) -> int | None:
        return self.header.columns.get(name)

    def letter(self, name: str) -> str:
        col = self.col(name)
        return column_letter(col) if col is not None else ""

    def raw(self, name: str):
        return self.values.get(name)

    def text(self, name: str) -> str:
        return clean(self.values.get(name))

    def raw_at(self, col: int):
        cells = self.cells
        return cells[col] if col < len(cells) else None

    def parse(self, name: str, parser: Callable[..., T], *args, **kwargs) -> T | None:
        try:
            return parser(self.values.get(name), *args, **kwargs)
        except CellError as problem:
            self.fail(name, "bad_value", problem.fr, problem.en)
            return None

    def fail(self, name: str | None, code: str, fr: str, en: str, col: int | None = None) -> None:
        self.failed = True
        column = col if col is not None else (self.col(name) if name else None)
        self.log.error(code, self.sheet, self.number, column, fr, en)

    def warn(self, name: str | None, code: str, fr: str, en: str) -> None:
        self.log.warning(code, self.sheet, self.number, self.col(name) if name else None, fr, en)

    def country(self, resolve: Callable[[object], str | None], raw: object = None) -> str | None:
        """The row's country as an ISO code (`raw` when the value was filled down)."""
        value = clean(self.values.get("country") if raw is None else raw)
        if not value:
            self.fail("country", "missing_value", "« Pays » est vide ; écrivez le pays (p. ex. Cameroun ou CM)",
                      "'Country' is empty; write the country (e.g. Cameroon or CM)")
            return None
        code = resolve(value)
        if code is None:
            self.fail("country", "unknown_country",
                      f"« {value} » n'est pas un pays connu ; écrivez son nom en français ou en anglais, "
                      "ou son code ISO (CM, CMR, CI, CIV)",
                      f"'{value}' is not a known country; write its name in French or English, "
                      "or its ISO code (CM, CMR, CI, CIV)")
        return code

    def require(self, name: str, label_fr: str, label_en: str) -> str | None:
        value = self.text(name)
        if not value:
            self.fail(name, "missing_value", f"« {label_fr} » est vide ; remplissez-le",
                      f"'{label_en}' is empty; fill it in")
            return None
        return value
