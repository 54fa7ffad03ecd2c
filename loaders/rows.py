"""Reading the data rows under a header: cell access by field, with the cell's address.

Guarantees: every value read through `RowCursor` can be reported with its A1 address;
a parser that fails on one cell logs it and carries on, so a focal point gets every
wrong cell of a file in one go, not one per upload.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter
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


def _example_cell(cell) -> bool:
    """The template's example row: its country cell starts with `Exemple` or `Example`.
    It shows what to write and is never loaded."""
    return isinstance(cell, str) and cell[:1] in "Ee " and cell.lstrip()[:7].lower() in ("exemple", "example")


def data_rows(rows: list[list], header: HeaderMap) -> list[tuple[int, list]]:
    """(0-based index, row) of every row under the header that holds data."""
    country = header.columns.get("country")
    found = []
    for index in range(header.row_index + 1, len(rows)):
        row = rows[index]
        if is_blank(row):
            continue
        if country is not None and country < len(row) and _example_cell(row[country]):
            continue
        found.append((index, row))
    return found


def picked(rows: list[list], cols: tuple[int, ...]) -> list[tuple]:
    """Each row's cells at `cols`, a short CSV row's missing ones None; read in C when
    every row is wide enough (a workbook's rows are rectangular)."""
    if not cols:
        return [() for _ in rows]
    if rows and min(map(len, rows)) > max(cols):
        return list(map(itemgetter(*cols) if len(cols) > 1 else (lambda row, c=cols[0]: (row[c],)), rows))
    return [tuple(row[c] if c < len(row) else None for c in cols) for row in rows]


def columns(numbered: list[tuple[int, list]], header: HeaderMap) -> dict[str, list]:
    """Each mapped field's cells down the rows, an empty or missing cell as None.

    A sheet is parsed column by column where a cell's meaning does not depend on its row:
    each distinct value is parsed once, and in C (`map` over a memoised parser) rather
    than one Python call per cell."""
    rows = [row for _, row in numbered]
    cells_by_field = zip(*picked(rows, tuple(header.columns.values()))) if rows else ([] for _ in header.columns)
    return {name: _empty_as_none(cells) for name, cells in zip(header.columns, cells_by_field)}


_EMPTY = {"": None}


def _empty_as_none(cells) -> list:
    # `_EMPTY.get(cell, cell)`: None for "", the cell itself otherwise, looked up in C.
    return list(map(_EMPTY.get, cells, cells))


def parsed(cells: list, parser: Callable[..., T]) -> list:
    """`parser` over a column: each value, or the `CellError` of a wrong cell, to be
    reported by `RowCursor.take` when its row is read."""
    return list(map(_safely(parser), cells))


@lru_cache(maxsize=None)
def _safely(parser: Callable) -> Callable:
    @lru_cache(maxsize=1 << 16, typed=True)
    def value_or_error(raw):
        try:
            return parser(raw)
        except CellError as problem:
            return problem
    return value_or_error


class RowCursor:
    __slots__ = ("cells", "number", "header", "sheet", "log", "failed", "_values")

    def __init__(self, row: list, row_index: int, header: HeaderMap, sheet: str, log: IssueLog):
        self.cells = row
        self.number = row_index + 1
        self.header = header
        self.sheet = sheet
        self.log = log
        self.failed = False
        self._values = None

    @property
    def values(self) -> dict:
        """The row's cells by field, an empty one as None; read on first use (a parser
        that works by column never needs them)."""
        if self._values is None:
            (cells,) = picked([self.cells], tuple(self.header.columns.values()))
            self._values = dict(zip(self.header.columns, _empty_as_none(cells)))
        return self._values

    def col(self, name: str) -> int | None:
        return self.header.columns.get(name)

    def letter(self, name: str) -> str:
        col = self.col(name)
        return column_letter(col) if col is not None else ""

    def raw(self, name: str):
        return self.values.get(name)

    def text(self, name: str) -> str:
        return clean(self.values.get(name))

    def take(self, name: str, value):
        """A value from `parsed`: a `CellError` is logged on this row's cell, as `None`."""
        if isinstance(value, CellError):
            self.fail(name, "bad_value", value.fr, value.en)
            return None
        return value

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
        return self.country_code(value, resolve(value) if value else None)

    def country_code(self, value: str, code: str | None) -> str | None:
        """`code`, resolved from the cleaned `value` by the caller; a sentence when either
        is missing."""
        if not value:
            self.fail("country", "missing_value", "« Pays » est vide ; écrivez le pays (p. ex. Cameroun ou CM)",
                      "'Country' is empty; write the country (e.g. Cameroon or CM)")
            return None
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
