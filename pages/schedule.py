"""Schedule: what runs in which semester, cost per semester, late actions, horizons.

Up to `DETAIL` scheduled actions, one bar per action; beyond that, one bar per effect
(or per axis) with its number of actions, opened one level down on demand, and a line
saying how many rows are not drawn.
"""

import datetime as dt
from dataclasses import replace

import streamlit as st

from dashboard import schedule_queries, schedule_view
from dashboard.filters import country_name, current
from dashboard.i18n import date, kinds_phrase, lang, number, t
from dashboard.listings import Listing
from dashboard.scope import Scope
from dashboard.ui import chart, empty, localize, paged

DETAIL = 60  # the most bars a projector shows legibly
EVERY_PLAN = ("*", "*")  # the schedule's plan choice "every plan in scope" (no plan is called that)

scope, display = current()
st.title(t("page_schedule"))
size = schedule_queries.sizes(scope)


def draw(level: str, name: str, title: str, shown: Scope, axis: str | None = None,
         effect: str | None = None) -> None:
    gantt, heatmap = schedule_view.gantt_and_heatmap(shown, level, DETAIL, axis, effect, title, dt.date.today(), lang())
    chart(gantt, name, (shown, "plans"))
    chart(heatmap, f"{name}_heatmap", (shown, "plans"))


if not size["actions"]:
    empty(t("sc_no_semesters"))
else:
    # Opens on one plan (the first chosen, or the one whose actions have the most
    # different schedules), not on every plan's bars at once; "all plans" is one click away.
    plans = schedule_queries.scheduled_plans(scope)
    gantt_scope = scope
    if len(plans) > 1:
        choices = [EVERY_PLAN, *zip(plans["country"], plans["plan"])]
        shown_plan = st.selectbox(t("sc_plan_shown"), choices,
                                  index=schedule_queries.opening_plan(scope, plans) + 1,
                                  format_func=lambda c: t("sc_all_plans") if c == EVERY_PLAN else
                                  f"{country_name(c[0])} · {c[1]}")
        if shown_plan != EVERY_PLAN:
            gantt_scope = replace(scope, countries=(shown_plan[0],), plans=(shown_plan[1],))
            size = schedule_queries.sizes(gantt_scope)
    level = "action" if size["actions"] <= DETAIL else ("effect" if size["effects"] <= DETAIL else "axis")
    groups = schedule_view.groups(gantt_scope, level, DETAIL, lang())
    total = size[{"action": "actions", "effect": "effects", "axis": "axes"}[level]]
    if level != "action":
        st.caption(t("sc_grouped").format(actions=number(size["actions"]), level=t(f"sc_level_{level}")))
    if len(groups) < total:
        st.caption(t("sc_hidden").format(shown=number(len(groups)), total=number(total),
                                         level=t(f"sc_level_{level}")))
    draw(level, "schedule_gantt", t("sc_gantt"), gantt_scope)
    if level != "action":
        # One level down, on demand: the actions of one effect (or the effects of one axis).
        picked = st.selectbox(t("sc_open"), [None, *range(len(groups))], key="schedule_open",
                              format_func=lambda i: t("sc_open_none") if i is None else groups[i][0])
        if picked is not None:
            title, axis, effect = groups[picked]
            below = "action" if level == "effect" else "effect"
            draw(below, "schedule_opened", title, gantt_scope, axis=axis,
                 effect=(effect or "") if level == "effect" else None)

    running, cost = schedule_view.per_semester_charts(scope, display.currency, display.usd_per_eur, lang())
    left, right = st.columns(2)
    with left:
        chart(running, "actions_per_semester", (scope, "plans"))
    with right:
        chart(cost, "cost_per_semester", (scope, "plans"))
    st.caption(t("sc_spread_rule"))

st.subheader(t("sc_late"))
as_of = st.date_input(t("sc_as_of"), value=dt.date.today(), key="as_of", format="DD/MM/YYYY")
late = schedule_queries.late_counts(scope, as_of)
if not late:
    st.success(t("sc_none_late").format(date=date(as_of)), icon=":material/check:")
else:
    st.markdown(t("sc_late_count").format(rows=kinds_phrase(late), date=date(as_of)))
    paged(Listing("late_actions", scope, as_of=as_of), lambda rows: localize(
        rows, ["country", "action_code", "planned_end", "status", "status_as_of", "action", "lead", "last_semester",
               "plan"], {"last_semester": t("sc_last_semester"), "planned_end": t("sc_planned_end"),
                         "status_as_of": t("as_of")}),
        scope, "late_actions", t("sc_late"))

horizons = schedule_view.horizon_chart(scope, lang())
if horizons is not None:
    st.subheader(t("sc_horizons"))
    st.caption(t("sc_horizons_note"))
    chart(horizons, "by_horizon", (scope, "plans"))
    paged(Listing("horizon_only", scope), lambda rows: localize(
        rows, ["action_code", "horizon", "action", "partners", "plan"]), scope, "actions_by_horizon",
        t("sc_horizons"))
if not size["actions"] and horizons is None:
    empty()
