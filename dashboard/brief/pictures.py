"""Plotly figures turned into PNG pictures for the brief.

Guarantees: the pictures are the figures the pages show (same builders, same styling
at body-size text), drawn by kaleido in Debian's chromium, one browser per brief
started and closed here (so two briefs built at once never share one); a missing
browser raises `BriefError` with a sentence saying what to install, never a trace.
`bands` cuts a chart of rows (horizontal bars) too tall for a slide or a page into
windows of its rows, each on the whole chart's scale, so that a slide never shrinks its
text and a page never cuts a chart in two.
"""

from __future__ import annotations

import asyncio
import math
import shutil

import plotly.graph_objects as go

from ..charts import ROWS_FRAME

from . import BriefError

WIDTH = 1100  # px at scale 1: an A4 page's text width at print resolution, with scale 2
SCALE = 2
SLIDE_HEIGHT = 720  # px at scale 1: the tallest chart a slide shows with its text still legible (9 pt)
PAGE_HEIGHT = 1450  # px at scale 1: the tallest chart an A4 page holds with its source line (pdf.STYLE)


def browser() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise BriefError("Chromium is not installed on the server (Debian: apt-get install chromium).")
    return path


def bands(figure: go.Figure, height: int = SLIDE_HEIGHT) -> list[go.Figure]:
    """`figure` as it is when it fits `height`, or when it is not a chart of rows; else
    windows of its rows from top to bottom, as many as fit `height` each, titled
    "(1/n)"..., on the value scale of the whole chart (plotly ranges the value axis
    over every bar, shown or not), the text of the bars left out clipped away."""
    tall = int(figure.layout.height or 0)
    rows = _rows(figure)
    if tall <= height or len(rows) < 2:
        return [figure]
    per_row = max(1.0, (tall - ROWS_FRAME) / len(rows))
    fits = max(1, int((height - ROWS_FRAME) // per_row))
    count = math.ceil(len(rows) / fits)
    fits = math.ceil(len(rows) / count)  # windows of even size: eleven rows in two are six and five
    title = figure.layout.title.text or ""
    window_height = int(ROWS_FRAME + per_row * fits)
    windows = []
    for number, first in enumerate(range(0, len(rows), fits), start=1):
        window = go.Figure(figure)
        # Reversed: the first row on top, as in the whole chart. Every window has room for
        # `fits` rows (the last one's left empty), so that every slide shows rows alike.
        window.update_yaxes(autorange=False, range=[first + fits - 0.5, first - 0.5])
        window.update_traces(cliponaxis=True, selector={"type": "bar"})
        window.update_layout(height=window_height, title_y=1 - 12 / window_height,  # as charts.styled places it
                             title_text=f"{title} ({number}/{count})" if title else None)
        windows.append(window)
    return windows


def _rows(figure: go.Figure) -> list:
    """The rows of a chart of horizontal bars on a category axis, top to bottom; none
    for any other chart."""
    axis = figure.layout.yaxis
    if axis.type != "category" or axis.autorange != "reversed" or not figure.data or any(
            trace.type != "bar" or trace.orientation != "h" for trace in figure.data):
        return []
    if axis.categoryarray is not None:
        return list(axis.categoryarray)
    return list(dict.fromkeys(y for trace in figure.data for y in (trace.y if trace.y is not None else ())))


def render(figures: list[go.Figure], progress=None) -> list[bytes]:
    """PNG bytes of each figure, in order; `progress(done, total)` after each one."""
    if not figures:
        return []
    browser()
    import kaleido  # imported here: the dashboard starts without it until a brief is asked for

    async def draw_all() -> list[bytes]:
        pictures = []
        async with kaleido.Kaleido(n=1, timeout=60) as drawer:
            for done, figure in enumerate(figures, start=1):
                height = int(figure.layout.height or 520)  # styled by its builder (charts.py)
                pictures.append(await drawer.calc_fig(figure, opts={"format": "png", "width": WIDTH,
                                                                    "height": height, "scale": SCALE}))
                if progress:
                    progress(done, len(figures))
        return pictures

    try:
        return asyncio.run(draw_all())
    except BriefError:
        raise
    except Exception as problem:  # kaleido's own errors: the user reads one sentence, the log keeps the rest
        raise BriefError(f"the charts could not be drawn ({type(problem).__name__}: {problem})") from problem
