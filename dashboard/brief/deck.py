"""The brief as a PowerPoint deck (16:9), the same content as the PDF.

Guarantees: one slide for the title, then per section a slide with its figures and
sentences, one slide per chart picture (its picture and its source line; a chart too
tall for a slide comes as bands of its rows, `pictures.bands`), and its tables
(split over slides of at most `ROWS_PER_SLIDE` rows); workbook text goes in as plain
text runs (never a link or a field), with characters XML cannot hold removed;
thousands separators are plain spaces, so the figures read and search as on the page.
"""

from __future__ import annotations

import io
import re

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from .content import Brief, Section, Table

ROWS_PER_SLIDE = 8
WIDE, TALL = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
BLUE = RGBColor(0x12, 0x36, 0x5F)
GREY = RGBColor(0x55, 0x55, 0x55)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value)).replace("\u202f", " ").replace("\xa0", " ")


def _box(slide, left, top, width, height, lines: list[str], size: int, bold: bool = False,
         color: RGBColor | None = None) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for number, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = _text(line)
        run.font.size, run.font.bold = Pt(size), bold
        if color is not None:
            run.font.color.rgb = color


def _slide(deck, title: str):
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank: every box is ours
    _box(slide, MARGIN, Inches(0.3), WIDE - 2 * MARGIN, Inches(0.9), [title], 30, bold=True, color=BLUE)
    return slide


def _cards(slide, cards: list[tuple[str, str]], top) -> None:
    width = (WIDE - 2 * MARGIN - Inches(0.3) * (len(cards) - 1)) / len(cards)
    for number, (label, value) in enumerate(cards):
        left = MARGIN + number * (width + Inches(0.3))
        shape = slide.shapes.add_shape(1, left, top, int(width), Inches(1.5))  # 1: rectangle
        shape.fill.background()
        shape.line.color.rgb = RGBColor(0x9D, 0xB4, 0xD3)
        _box(slide, left + Inches(0.1), top + Inches(0.1), int(width) - Inches(0.2), Inches(1.3),
             [label], 16, color=GREY)
        _box(slide, left + Inches(0.1), top + Inches(0.55), int(width) - Inches(0.2), Inches(0.9),
             [value], 28, bold=True)


def _picture(deck, title: str, picture: bytes, source: str):
    slide = _slide(deck, title)
    width, height = Image.open(io.BytesIO(picture)).size
    room_w, room_h = WIDE - 2 * MARGIN, TALL - Inches(1.2) - Inches(1.35)  # room for the source and notes
    scale = min(room_w / width, room_h / height)
    shown_w, shown_h = int(width * scale), int(height * scale)
    slide.shapes.add_picture(io.BytesIO(picture), Emu(int((WIDE - shown_w) / 2)), Inches(1.2), shown_w, shown_h)
    _box(slide, MARGIN, TALL - Inches(0.65), WIDE - 2 * MARGIN, Inches(0.5), [source], 12, color=GREY)
    return slide


def _tables(deck, title: str, table: Table):
    per_slide = ROWS_PER_SLIDE if len(table.headers) <= 5 else ROWS_PER_SLIDE - 2  # narrow columns wrap more
    for start in range(0, len(table.rows), per_slide):
        rows = table.rows[start:start + per_slide]
        slide = _slide(deck, title)
        shape = slide.shapes.add_table(len(rows) + 1, len(table.headers), MARGIN, Inches(1.3),
                                       WIDE - 2 * MARGIN, Inches(0.45) * (len(rows) + 1))
        grid = shape.table
        for column, header in enumerate(table.headers):
            _cell(grid.cell(0, column), header, bold=True)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                _cell(grid.cell(row_number, column), value, right=column in table.numeric)
        others = len(table.headers) - 1
        if others:
            # The first column holds the long text (an action, an indicator): it gets the room.
            room = int(WIDE - 2 * MARGIN)
            first = int(room * max(0.34, 0.8 - 0.15 * others))
            grid.columns[0].width = first
            for column in range(1, len(table.headers)):
                grid.columns[column].width = (room - first) // others
    return slide


def _cell(cell, value: object, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.text_frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = _text(value)
    run.font.size, run.font.bold = Pt(12 if len(cell.text_frame.text) < 120 else 10), bold
    if right:
        paragraph.alignment = 3  # PP_ALIGN.RIGHT


def _section(deck, section: Section, pictures: list[list[bytes]]) -> None:
    """A text slide (figures and sentences) when there are any, a slide per chart
    picture and per table page; caveats and sources at the foot of the section's last
    slide."""
    last = None
    if section.cards or section.lines or not (section.charts or section.tables):
        last = _slide(deck, section.title)
        top = Inches(1.3)
        if section.cards:
            _cards(last, section.cards, top)
            top += Inches(1.8)
        _box(last, MARGIN, top, WIDE - 2 * MARGIN, TALL - top - Inches(1.4), section.lines, 18)
    for chart, bands in zip(section.charts, pictures):
        for picture in bands:
            last = _picture(deck, section.title, picture, chart.source)
    for table in section.tables:
        last = _tables(deck, section.title, table)
    if section.notes:
        # Below a chart's source line there is less room: the notes go a line higher there.
        _box(last, MARGIN, TALL - Inches(1.25), WIDE - 2 * MARGIN, Inches(0.6), [" ".join(section.notes)], 11,
             color=GREY)


def write(brief: Brief, pictures: list[list[bytes]]) -> bytes:
    """`pictures`: each chart's pictures, in order (a tall chart's bands, a slide each)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDE, TALL
    first = deck.slides.add_slide(deck.slide_layouts[6])
    _box(first, MARGIN, Inches(1.6), WIDE - 2 * MARGIN, Inches(1.2), [brief.title], 36, bold=True, color=BLUE)
    _box(first, MARGIN, Inches(2.9), WIDE - 2 * MARGIN, Inches(0.8), [brief.subtitle], 28)
    _box(first, MARGIN, Inches(3.9), WIDE - 2 * MARGIN, Inches(2.5), brief.context, 16, color=GREY)
    at = 0
    for section in brief.sections:
        _section(deck, section, pictures[at:at + len(section.charts)])
        at += len(section.charts)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
