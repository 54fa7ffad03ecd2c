"""Workbook text made harmless wherever it is shown or exported.

Guarantees: `md` turns any text into Markdown that displays exactly as typed (no link,
image, emphasis, heading, HTML or bare-URL link can come out of it), for the places
Streamlit reads Markdown (markdown, captions, metric help, alerts); `cell` makes a
value safe for a CSV or Excel cell: text that a spreadsheet would read as a formula
(`=`, `+`, `-`, `@`, a tab or a carriage return first) is prefixed with `'`, so it
stays text.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md(text: object) -> str:
    """Text for a Markdown context, shown as typed. Every ASCII punctuation that
    Markdown could read is backslash-escaped (CommonMark shows the character itself);
    `:` is escaped too, so `http://...` is never turned into a link, and newlines
    become spaces so that no line can start a heading or a list."""
    if text is None:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def cell(value: object) -> object:
    """A value for an export cell: text that would start a formula is kept as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
