"""The schedule's charts and choices, built once per scope.

Guarantees: `gantt_and_heatmap(scope, level, ...)` reads the marks of one level (actions, effects
or axes, at most `limit` of them; `axis`/`effect` open one group of the level above),
labels each group once (its code first, its count, a number after a repeated label, its
country when several plans are drawn) and returns the two figures; `groups` gives the
same groups with the same labels, for the page's "open one level down" choice;
`per_semester_charts` and `horizon_chart` the charts under them. Each is cached per
scope and language like every shared figure (figures.cached_figures), so a rerun only
draws: no frame is hashed or copied on a rerun.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from . import charts, metrics, schedule_queries
from .figures import cached_figures
from .i18n import number, speaking, t
from .scope import Scope


def short(text: str, width: int = 55) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def label(row, level: str, several_plans: bool) -> str:
    prefix = f"{row.country} · " if several_plans else ""
    if level == "action":
        return f"{prefix}{row.action_code} {short(row.action)}"
    count = t("sc_group_count").format(n=number(row["size"]))  # not .size: a row is a Series
    # The code first: two effects (or axes) of one plan may bear the same name.
    if level == "effect":
        name = row.effect if isinstance(row.effect, str) else t("fu_no_effect")
        code = row.effect_code
    else:
        name, code = row.axis, row.axis_code
    code = f"{code} " if isinstance(code, str) and code else ""
    return f"{prefix}{code}{short(name, 48)} ({count})"


def group_labels(marks: pd.DataFrame, level: str) -> dict[tuple, str]:
    """Each group's label, by (country, plan, first row): one chart row per group, even
    when two groups read the same (the second is numbered); its country first when the
    marks hold several plans."""
    several_plans = marks[["country", "plan"]].drop_duplicates().shape[0] > 1
    labels: dict[tuple, str] = {}
    taken: dict[str, int] = {}
    for key, first in marks.drop_duplicates(["country", "plan", "first_row"]).set_index(
            ["country", "plan", "first_row"], drop=False).iterrows():
        text = label(first, level, several_plans)
        taken[text] = taken.get(text, 0) + 1
        labels[key] = text if taken[text] == 1 else f"{text} · {taken[text]}"
    return labels


@cached_figures
def groups(scope: Scope, level: str, limit: int, language: str) -> tuple[tuple[str, str, str | None], ...]:
    """The groups the Gantt of `level` draws, in its order: (label, axis, effect)."""
    marks = schedule_queries.marks(scope, level, limit)
    with speaking(language):
        labels = group_labels(marks, level)
    firsts = marks.drop_duplicates(["country", "plan", "first_row"])
    return tuple((labels[(r.country, r.plan, r.first_row)], r.axis, r.effect if isinstance(r.effect, str) else None)
                 for r in firsts.itertuples())


@cached_figures
def per_semester_charts(scope: Scope, currency: str, usd_per_eur: float, language: str) -> tuple[go.Figure, go.Figure]:
    """(Actions running, estimated cost) per semester, for two columns side by side. A
    plan's actions and a compact's activities are counted apart: one bar each, never stacked."""
    per_semester = schedule_queries.per_semester(scope, currency, usd_per_eur)
    with speaking(language):
        counts = per_semester.assign(plan_kind=per_semester["plan_kind"].map(lambda k: t(f"kind_rows_{k}")))
        spread = per_semester.groupby("semester", as_index=False)["share"].sum()
        return (charts.bars(counts, "semester", "count", t("sc_running"), t("count"),
                            color="plan_kind" if counts["plan_kind"].nunique() > 1 else None, narrow=True),
                charts.bars(spread, "semester", "share", t("sc_cost"), f"{t('estimated')} ({currency})", text=".3s",
                            narrow=True))


@cached_figures
def horizon_chart(scope: Scope, language: str) -> go.Figure | None:
    """Actions with a horizon but no semester, per plan and horizon; None when there are none."""
    horizons = schedule_queries.horizon_counts(scope)
    if horizons.empty:
        return None
    with speaking(language):
        horizons = horizons.assign(horizon=horizons["horizon"].map(lambda h: t("medium_term" if h == "medium" else h)))
        return charts.bars(horizons, "horizon", "count", t("sc_by_horizon"), t("actions"), color="plan")


@cached_figures
def gantt_and_heatmap(scope: Scope, level: str, limit: int, axis: str | None, effect: str | None, title: str,
           today: dt.date, language: str) -> tuple[go.Figure, go.Figure]:
    """(Gantt, coverage heatmap) of the groups of `level` in `scope`."""
    marks = schedule_queries.marks(scope, level, limit, axis=axis, effect=effect)
    with speaking(language):
        labels = group_labels(marks, level)
        bars = []
        for keys, rows in marks.groupby(["country", "plan", "first_row"], sort=False):
            first = rows.iloc[0]
            # The bar's label is shortened; its hover holds the full name.
            if level == "action":
                full = f"{first.action_code} {first.action}"
            elif level == "effect":
                full = first.effect if isinstance(first.effect, str) else t("fu_no_effect")
            else:
                full = first.axis
            for start, end in metrics.runs(rows["semester"].tolist()):
                bars.append({"label": labels[keys], "axis": first.axis, "action": charts.wrap(full, 60, 12),
                             "start": metrics.semester_start(start), "end": metrics.semester_end(end),
                             "semesters": f"{start} → {end}"})
        semesters = sorted(marks["semester"].unique())
        gantt = charts.gantt(pd.DataFrame(bars), title, semesters,
                                     [metrics.semester_start(s) for s in semesters], today=today)
        matrix = marks.assign(label=[labels[(r.country, r.plan, r.first_row)] for r in marks.itertuples()]).pivot_table(
            index="label", columns="semester", values="actions", aggfunc="sum", sort=False).fillna(0)
        matrix = matrix[sorted(matrix.columns)]  # semesters left to right in time
        heatmap = charts.coverage_heatmap(matrix if level != "action" else matrix.clip(upper=1),
                                                  t("sc_heatmap"), counts=level != "action")
    return gantt, heatmap
