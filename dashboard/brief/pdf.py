"""The brief as a PDF of a few A4 pages: an HTML page printed by Debian's chromium.

Guarantees: every text, workbook text included, is HTML-escaped (nothing from a
workbook becomes markup or a link); figures keep their thousands separators and never
break across lines; the pictures are embedded (the PDF needs no file beside it);
chromium runs headless on a private profile with no network use of its own, and a
failure or a timeout raises `BriefError` with a sentence.
"""

from __future__ import annotations

import base64
import html
import subprocess
import tempfile
from pathlib import Path

from .content import Brief, Section, Table
from . import BriefError
from .pictures import browser

PRINT_TIMEOUT = 60  # seconds

STYLE = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
        @bottom-right { content: counter(page) " / " counter(pages); font: 9pt "Liberation Sans", sans-serif;
                        color: #555; } }
body { font-family: "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1b1b1b;
       line-height: 1.35; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #12365f; }
.subtitle { font-size: 15pt; margin: 0 0 3mm; }
.context { color: #444; margin: 0 0 1mm; }
h2 { font-size: 14pt; color: #12365f; border-bottom: 1.5pt solid #1F5AA6; padding-bottom: 1mm; margin: 7mm 0 3mm;
     break-after: avoid; }
.cards { display: flex; gap: 3mm; margin: 2mm 0 3mm; }
.card { flex: 1; border: 0.8pt solid #9DB4D3; border-radius: 2mm; padding: 2mm 3mm; }
.card .label { font-size: 9pt; color: #444; }
.card .value { font-size: 15pt; font-weight: bold; white-space: nowrap; }
figure { margin: 2mm 0 3mm; break-inside: avoid; }
figure img { width: 100%; }
figcaption, .note { font-size: 8.5pt; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }
th, td { border-bottom: 0.5pt solid #ccc; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef3fa; }
td.number { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _table(table: Table) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in table.headers)
    body = "".join("<tr>" + "".join(
        f'<td class="number">{_e(v)}</td>' if i in table.numeric else f"<td>{_e(v)}</td>"
        for i, v in enumerate(row)) + "</tr>" for row in table.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(section: Section, pictures: list[list[bytes]]) -> str:
    parts = [f"<h2>{_e(section.title)}</h2>"]
    if section.cards:
        parts.append('<div class="cards">' + "".join(
            f'<div class="card"><div class="label">{_e(label)}</div><div class="value">{_e(value)}</div></div>'
            for label, value in section.cards) + "</div>")
    parts += [f"<p>{_e(line)}</p>" for line in section.lines]
    for chart, bands in zip(section.charts, pictures):
        for picture in bands:
            data = base64.b64encode(picture).decode("ascii")
            parts.append(f'<figure><img src="data:image/png;base64,{data}" alt=""><figcaption>{_e(chart.source)}'
                         "</figcaption></figure>")
    parts += [_table(table) for table in section.tables]
    parts += [f'<p class="note">{_e(note)}</p>' for note in section.notes]
    return "\n".join(parts)


def html_of(brief: Brief, pictures: list[list[bytes]]) -> str:
    """`pictures`: each chart's pictures, in order (a tall chart's bands, `pictures.bands`)."""
    sections, at = [], 0
    for section in brief.sections:
        sections.append(_section(section, pictures[at:at + len(section.charts)]))
        at += len(section.charts)
    context = "".join(f'<p class="context">{_e(line)}</p>' for line in brief.context)
    return (f'<!doctype html><html lang="{brief.language}"><head><meta charset="utf-8"><title>{_e(brief.title)}'
            f"</title><style>{STYLE}</style></head><body><h1>{_e(brief.title)}</h1>"
            f'<p class="subtitle">{_e(brief.subtitle)}</p>{context}{"".join(sections)}</body></html>')


def write(brief: Brief, pictures: list[list[bytes]]) -> bytes:
    with tempfile.TemporaryDirectory(prefix="brief-") as folder:
        page, out = Path(folder) / "brief.html", Path(folder) / "brief.pdf"
        page.write_text(html_of(brief, pictures), encoding="utf-8")
        command = [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--no-pdf-header-footer", f"--user-data-dir={folder}/profile", f"--print-to-pdf={out}",
                   page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=PRINT_TIMEOUT)
        except subprocess.TimeoutExpired as problem:
            raise BriefError(f"chromium did not print the PDF within {PRINT_TIMEOUT} s") from problem
        if not out.exists() or out.stat().st_size == 0:
            raise BriefError(f"chromium did not print the PDF (exit code {done.returncode})")
        return out.read_bytes()
