"""What a projector and a handout need from every page: a source line under each chart,
chart text no smaller than the body text, and a schedule that opens on one plan."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from tests.test_pages import PAGES, app, no_failure

ROOT = Path(__file__).resolve().parent.parent
CM_PLAN = "Plan d'action Alliance 8.7 2021-2025"
CPC = "Partenariat CPC Côte d'Ivoire - États-Unis 2022-2027"


def source_lines(at) -> list[str]:
    """The source lines under the charts, as read (Markdown escapes removed)."""
    shown = [re.sub(r"\\(.)", r"\1", c.value) for c in at.caption]
    return [line for line in shown if line.startswith(("Source :", "Source:"))]


@pytest.mark.parametrize("page", [p for p in PAGES if p not in ("pages/upload.py", "pages/versions.py")])
def test_every_chart_has_a_source_line_and_body_sized_text(page):
    at = app(page)
    no_failure(at)
    charts = at.get("plotly_chart")
    assert len(source_lines(at)) == len(charts), page
    body = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]["baseFontSize"]
    for chart in charts:
        layout = json.loads(chart.proto.spec)["layout"]
        assert layout["font"]["size"] >= body, page
        # No part of a chart sets a smaller size of its own.
        sizes = [v for k, v in _walk(layout) if k == "size" and isinstance(v, (int, float))]
        assert min(sizes) >= body, (page, sizes)


def _walk(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("margin", "grid"):
                continue
            yield from _walk(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key)
    else:
        yield key, node


def test_source_line_names_the_documents_and_the_date_of_the_data():
    funding = app("pages/funding.py", country=["Cameroun / Cameroon"])
    lines = source_lines(funding)
    assert lines and all("Plan d'action Alliance 8.7 Cameroun 2021-2025 (seed 000)" in line for line in lines)
    assert all("version chargée le" in line for line in lines)
    enforcement = app(country=["Cameroun / Cameroon"])
    enforcement.segmented_control(key="lang").set_value("en").run()
    enforcement.switch_page("pages/enforcement.py").run()
    lines = source_lines(enforcement)
    assert lines and all("Questionnaire annuel Alliance 8.7 Cameroun, mai 2022 - avril 2023 (seed 001)" in line
                         and "data up to 30 Apr 2023" in line for line in lines), lines


def gantt_labels(at) -> set[str]:
    gantt = json.loads(at.get("plotly_chart")[0].proto.spec)
    return {str(y) for trace in gantt["data"] for y in trace.get("y", [])}


def test_schedule_opens_on_the_plan_with_semester_data_not_on_identical_bars():
    at = app("pages/schedule.py")
    no_failure(at)
    shown = at.selectbox[0]
    assert shown.label == "Plan affiché" and shown.value == ("CM", CM_PLAN)
    labels = gantt_labels(at)
    assert any(label.startswith("1.1.1") for label in labels) and len(labels) == 30, labels
    # Every plan is one choice away.
    shown.set_value(("*", "*")).run()
    no_failure(at)
    every_plan = gantt_labels(at)
    assert any(label.startswith("CI · ") for label in every_plan) and any(
        label.startswith("CM · ") for label in every_plan), every_plan


def test_schedule_opens_on_the_first_plan_chosen():
    at = app("pages/schedule.py", plan=[CPC, CM_PLAN])
    no_failure(at)
    assert at.selectbox[0].value == ("CI", CPC)


def test_each_plan_chart_names_its_own_sources():
    progress = app("pages/progress.py")
    no_failure(progress)
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in progress.get("plotly_chart")]
    assert len(titles) == 3 and all(" · " in title for title in titles), titles
    lines = source_lines(progress)
    cpc = next(line for title, line in zip(titles, lines) if "Partenariat CPC" in title)
    # No status reported for the compact: its line names the compact itself, not other plans' reports.
    assert "Partenariat relatif au Pacte" in cpc and "Questionnaire" not in cpc, cpc
    cameroon = next(line for title, line in zip(titles, lines) if title.startswith("Cameroun"))
    assert "Questionnaire annuel Alliance 8.7 Cameroun" in cameroon and "Côte" not in cameroon, cameroon
    schedule = source_lines(app("pages/schedule.py"))
    assert "Cameroun 2021-2025" in schedule[0] and "Côte" not in schedule[0], schedule[0]


def test_bar_values_are_written_only_where_they_fit_side_by_side():
    import pandas as pd

    from dashboard import charts

    def written(semesters: int, value: float, text: str = ",.0f", colors: int = 1, narrow: bool = False) -> bool:
        frame = pd.DataFrame([{"semester": f"{2020 + n // 2}-S{n % 2 + 1}", "kind": f"k{c}", "count": value}
                              for n in range(semesters) for c in range(colors)])
        figure = charts.bars(frame, "semester", "count", "t", "y", color="kind" if colors > 1 else None, text=text,
                             narrow=narrow)
        return all(trace.texttemplate for trace in figure.data)

    assert written(10, 18) and written(14, 54, colors=2)  # the shipped plans' semesters
    assert not written(24, 4050, colors=2)  # ten years of a thirty-country roll-up: the numbers ran together
    assert written(10, 47_400, text=".3s") and not written(14, 47_400, text=".3s")
    # In one of two columns, half the room: the schedule's 28 bars of "54" ran out of their
    # bars, white on white; a few values still fit.
    assert not written(14, 54, colors=2, narrow=True) and written(6, 18, narrow=True)
    running = json.loads(app("pages/schedule.py").get("plotly_chart")[2].proto.spec)
    assert running["layout"]["title"]["text"] == "Actions en cours par semestre"
    assert not any(trace.get("texttemplate") for trace in running["data"])
