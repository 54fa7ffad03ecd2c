"""Problems found in a file, as sentences a focal point can act on.

Guarantees: every issue names the file, the sheet and (when there is one) the cell in
A1 style, as a spreadsheet program shows it, and says what to change, in French and in
English. An `error` stops the file from loading; a `warning` never does.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def column_letter(index: int) -> str:
    """0-based column index -> spreadsheet letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class Issue:
    severity: str  # "error" | "warning"
    code: str
    file: str
    sheet: str | None
    row: int | None  # 1-based, as shown by a spreadsheet program
    column: str | None  # letters, as shown by a spreadsheet program
    message_fr: str
    message_en: str

    @property
    def cell(self) -> str | None:
        if self.row is None:
            return None
        return f"{self.column or ''}{self.row}"

    def as_dict(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "message": self.message_fr,
            "message_en": self.message_en,
        }


def _where_fr(file: str, sheet: str | None, row: int | None, column: str | None) -> str:
    parts = [f"{file}"]
    if sheet:
        parts.append(f"feuille « {sheet} »")
    if row is not None and column:
        parts.append(f"cellule {column}{row}")
    elif row is not None:
        parts.append(f"ligne {row}")
    return ", ".join(parts)


def _where_en(file: str, sheet: str | None, row: int | None, column: str | None) -> str:
    parts = [f"{file}"]
    if sheet:
        parts.append(f"sheet '{sheet}'")
    if row is not None and column:
        parts.append(f"cell {column}{row}")
    elif row is not None:
        parts.append(f"row {row}")
    return ", ".join(parts)


@dataclass
class IssueLog:
    """Collects the issues of one file; `where` fixes file and sheet for `add`."""

    file: str
    issues: list[Issue] = field(default_factory=list)

    def add(
        self,
        severity: str,
        code: str,
        sheet: str | None,
        row: int | None,
        col: int | None,
        fr: str,
        en: str,
    ) -> None:
        column = column_letter(col) if col is not None else None
        # Positional: a file with thousands of warnings (parts that do not add up) makes one each.
        self.issues.append(Issue(severity, code, self.file, sheet, row, column,
                                 f"{_where_fr(self.file, sheet, row, column)} : {fr}",
                                 f"{_where_en(self.file, sheet, row, column)}: {en}"))

    def error(self, code, sheet, row, col, fr, en) -> None:
        self.add("error", code, sheet, row, col, fr, en)

    def warning(self, code, sheet, row, col, fr, en) -> None:
        self.add("warning", code, sheet, row, col, fr, en)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]
