"""Schedule: actions over the semesters, coverage, cost per semester, late actions, horizons."""

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import charts, metrics, queries
from dashboard.filters import current
from dashboard.i18n import date, kinds_phrase, t
from dashboard.money import convert
from dashboard.ui import chart, empty, localize, table

scope, display = current()
st.title(t("page_schedule"))
scheduled = queries.scheduled_semesters(scope)
actions = queries.actions(scope)
if actions.empty:
    empty()
    st.stop()

several_plans = actions[["country", "plan"]].drop_duplicates().shape[0] > 1


def label(row) -> str:
    title = row.action if len(row.action) <= 55 else row.action[:54].rstrip() + "…"
    prefix = f"{row.country} · " if several_plans else ""
    return f"{prefix}{row.action_code} {title}"


if scheduled.empty:
    empty(t("sc_no_semesters"))
else:
    scheduled = scheduled.assign(label=[label(r) for r in scheduled.itertuples()])
    bars = []
    for (_, _, _, lbl, axis, action), group in scheduled.groupby(
            ["country", "plan", "row", "label", "axis", "action"], sort=False):
        for first, last in metrics.runs(group["semester"].tolist()):
            bars.append({"label": lbl, "axis": axis, "action": action, "start": metrics.semester_start(first),
                         "end": metrics.semester_end(last), "semesters": f"{first} → {last}"})
    all_semesters = sorted(scheduled["semester"].unique())
    chart(charts.gantt(pd.DataFrame(bars), t("sc_gantt"), all_semesters,
                       [metrics.semester_start(s) for s in all_semesters]), "schedule_gantt")

    matrix = pd.crosstab(scheduled["label"], scheduled["semester"]).reindex(
        list(dict.fromkeys(scheduled["label"])))
    chart(charts.coverage_heatmap(matrix.clip(upper=1), t("sc_heatmap")), "schedule_heatmap")

    # A plan's actions and a compact's activities are counted apart: one bar each, never stacked.
    per_semester = scheduled.groupby(["semester", "plan_kind"], as_index=False).size().rename(
        columns={"size": "count"})
    per_semester["plan_kind"] = per_semester["plan_kind"].map(lambda k: t(f"kind_rows_{k}"))
    left, right = st.columns(2)
    with left:
        chart(charts.bars(per_semester, "semester", "count", t("sc_running"), t("count"),
                          color="plan_kind" if per_semester["plan_kind"].nunique() > 1 else None),
              "actions_per_semester")
    with right:
        spread = metrics.cost_per_semester(convert(scheduled, ["estimated_cost"], display.currency,
                                                   display.usd_per_eur))
        chart(charts.bars(spread, "semester", "share", t("sc_cost"), f"{t('estimated')} ({display.currency})",
                          text=".3s"), "cost_per_semester")
    st.caption(t("sc_spread_rule"))

st.subheader(t("sc_late"))
as_of = st.date_input(t("sc_as_of"), value=dt.date.today(), key="as_of", format="DD/MM/YYYY")
late = queries.late_actions(scope, as_of)
if late.empty:
    st.success(t("sc_none_late").format(date=date(as_of)), icon=":material/check:")
else:
    st.markdown(t("sc_late_count").format(rows=kinds_phrase(late["plan_kind"].value_counts().to_dict()),
                                          date=date(as_of)))
    table(localize(late, ["country", "action_code", "planned_end", "status", "status_as_of", "action", "lead",
                          "last_semester", "plan"],
                   {"last_semester": t("sc_last_semester"), "planned_end": t("sc_planned_end"),
                    "status_as_of": t("as_of")}),
          scope, "late_actions", t("sc_late"))

scheduled_rows = set(zip(scheduled["country"], scheduled["plan"], scheduled["row"]))
horizon_only = actions[[(c, p, r) not in scheduled_rows and len(h) > 0
                        for c, p, r, h in zip(actions["country"], actions["plan"], actions["row"], actions["horizon"])]]
if not horizon_only.empty:
    st.subheader(t("sc_horizons"))
    st.caption(t("sc_horizons_note"))
    exploded = horizon_only.explode("horizon")
    counts = exploded.groupby(["plan", "horizon"], as_index=False).size().rename(columns={"size": "count"})
    order = {"short": 0, "medium": 1, "long": 2}
    counts = counts.sort_values("horizon", key=lambda s: s.map(order))
    counts["horizon"] = counts["horizon"].map(lambda h: t("medium_term" if h == "medium" else h))
    chart(charts.bars(counts, "horizon", "count", t("sc_by_horizon"), t("actions"), color="plan"), "by_horizon")
    horizon_words = horizon_only["horizon"].map(
        lambda hs: ", ".join(t("medium_term" if h == "medium" else h) for h in hs))
    table(localize(horizon_only.assign(horizon=horizon_words), ["action_code", "horizon", "action", "partners", "plan"]),
          scope, "actions_by_horizon", t("sc_horizons"))
