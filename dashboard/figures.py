"""The charts that the pages, the meeting mode and the brief share.

Guarantees: each function reads the cached queries for a scope and returns the Plotly
figures in `language`, built by charts.py (cached there), so a page and the brief show
the same figure for the same filters; none draws or formats for a medium (pages pass
them to `ui.chart`, the brief renders them to pictures).
"""

from __future__ import annotations

from dataclasses import replace

import plotly.graph_objects as go

from . import charts, derived, queries
from .filters import country_name
from .i18n import speaking, t
from .scope import Scope

STATUS_ORDER = ["completed", "in_progress", "planned", "not_started", "no_status"]
PLANS_DRAWN = 4  # one chart per plan up to here; past it, one chart with a bar per plan
CHAIN = ("cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted")


def funding_by_axis(scope: Scope, currency: str, usd_per_eur: float, language: str) -> go.Figure | None:
    """Estimated vs available by axis; None when nothing in scope is costed."""
    view = derived.funding(scope, currency, usd_per_eur)
    if view["empty"] or not view["totals"].costed:
        return None
    with speaking(language):
        return charts.estimated_vs_available(view["by_axis"], "axis", t("fu_by_axis"), currency)


def enforcement_chain(scope: Scope, language: str, most: int) -> tuple[go.Figure | None, int]:
    """Each country's latest figures of the enforcement stages, one bar each (at most
    `most`), and how many figures there are in all."""
    rows = derived.labelled_figures(scope, CHAIN, language)
    if rows.empty:
        return None, 0
    rows = rows.sort_values("indicator", key=lambda s: s.map({k: i for i, k in enumerate(CHAIN)}), kind="stable")
    with speaking(language):
        return charts.bars(rows.head(most), "label", "value", t("en_chain"), t("count"), color="period_label",
                           horizontal=True), len(rows)


def progress_by_plan(scope: Scope, language: str) -> list[tuple[go.Figure, Scope]]:
    """The latest status of the actions: one chart per plan (titled by its country and
    plan, a bar per axis) up to `PLANS_DRAWN` plans, else one chart with a bar per plan;
    each with the scope of its data (for its source line)."""
    status = queries.current_status(scope)
    if status.empty:
        return []
    with speaking(language):
        colors = {t(k): v for k, v in charts.STATUS_COLORS.items()}
        rank = {t(k): i for i, k in enumerate(STATUS_ORDER)}
        plans = status[["country", "plan"]].drop_duplicates()
        if len(plans) > PLANS_DRAWN:
            rows = status.assign(label=[charts.wrap(f"{country_name(c)} · {p}", 50) for c, p in
                                        zip(status["country"], status["plan"])])
            counted = _counted(rows, "label", rank)
            return [(charts.stacked_rows(counted, "label", "count", "status", t("pr_by_plan"), t("actions"), colors,
                                         list(dict.fromkeys(rows["label"])), 60), scope)]
        axis_labels = queries.axis_labels()
        figures = []
        for (country, plan), rows in status.groupby(["country", "plan"], sort=False):
            rows = rows.assign(label=rows["axis"].map(lambda a: charts.wrap(axis_labels.get(a, a), 50)))
            counted = _counted(rows, "label", rank)
            title = t("pr_plan_title").format(plan=f"{country_name(country)} · {plan}")
            # One line: a title wrapped on two lines is drawn partly above the figure.
            figures.append((charts.stacked_rows(counted, "label", "count", "status", charts.wrap(title, 90, 1),
                                                t("actions"), colors, list(dict.fromkeys(rows["label"])), 60),
                            replace(scope, countries=(country,), plans=(plan,))))
        return figures


def _counted(rows, label: str, rank: dict) -> "object":
    counted = rows.groupby([label, "status"], as_index=False, sort=False).size().rename(columns={"size": "count"})
    counted = counted.assign(status=counted["status"].map(t))
    return counted.sort_values("status", key=lambda s: s.map(rank), kind="stable")
