"""The country brief: the current view as a few A4 pages (PDF) or a slide deck (PPTX).

Guarantees: `make` gathers the figures once (the pages' cached queries), draws each
chart once (one too tall for a slide or a page, in bands of its rows), and lays out
the format asked for; it is built only when asked (a button on any page, or
`python -m dashboard.brief`), reports its steps through `progress`, and fails with a
`BriefError` sentence, never a trace. The format follows the file name's extension.
"""

from __future__ import annotations

import datetime as dt
import re

from ..scope import Scope

FORMATS = {"pdf": "application/pdf",
           "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}

__all__ = ["BriefError", "FORMATS", "file_name", "make"]


class BriefError(RuntimeError):
    """A brief that cannot be made, with the sentence a user reads."""


def make(scope: Scope, currency: str, usd_per_eur: float, language: str, fmt: str, progress=None,
         today: dt.date | None = None) -> bytes:
    """The brief's bytes in `fmt` (pdf or pptx). `progress(step, detail)` is told
    'figures', then 'charts' (done, total) after each chart, then 'document'."""
    if fmt not in FORMATS:
        raise BriefError(f"unknown format {fmt!r}: the file name must end in .pdf or .pptx")
    # Imported here, so that the command line can quiet Streamlit's logs before its caches load.
    from .content import gather
    from .pictures import PAGE_HEIGHT, SLIDE_HEIGHT, bands, render

    tell = progress or (lambda *args: None)
    brief = gather(scope, currency, usd_per_eur, language, today)
    charts = [chart.figure for section in brief.sections for chart in section.charts]
    drawn = [bands(figure, PAGE_HEIGHT if fmt == "pdf" else SLIDE_HEIGHT) for figure in charts]
    figures = [figure for parts in drawn for figure in parts]
    tell("figures", len(figures))
    pictures = iter(render(figures, lambda done, total: tell("charts", (done, total))))
    per_chart = [[next(pictures) for _ in parts] for parts in drawn]
    if fmt == "pdf":
        from .pdf import write
    else:
        from .deck import write
    data = write(brief, per_chart)
    tell("document", len(data))
    return data


def file_name(scope: Scope, language: str, fmt: str, today: dt.date | None = None) -> str:
    """`note-pays-CM-2026-11-27.pdf` / `country-brief-CM-2026-11-27.pptx`."""
    stem = "note-pays" if language == "fr" else "country-brief"
    where = "-".join(scope.countries) or ("tous" if language == "fr" else "all")
    return re.sub(r"[^A-Za-z0-9.-]", "", f"{stem}-{where}-{(today or dt.date.today()).isoformat()}.{fmt}")
