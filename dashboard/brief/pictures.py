"""Plotly figures turned into PNG pictures for the brief.

Guarantees: the pictures are the figures the pages show (same builders, same styling
at body-size text), drawn by kaleido in Debian's chromium, one browser per brief
started and closed here (so two briefs built at once never share one); a missing
browser raises `BriefError` with a sentence saying what to install, never a trace.
"""

from __future__ import annotations

import asyncio
import shutil

import plotly.graph_objects as go

from . import BriefError

WIDTH = 1100  # px at scale 1: an A4 page's text width at print resolution, with scale 2
SCALE = 2


def browser() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise BriefError("Chromium is not installed on the server (Debian: apt-get install chromium).")
    return path


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
