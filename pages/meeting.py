"""Meeting mode: one message per screen, large enough for the back of the room.

The filters of the link apply (the chair sends the link); next and previous with the
buttons, the arrow keys, or PageDown/PageUp (a presenter's remote); the sidebar starts
collapsed. The figures are the pages' own, from the same cached queries.
"""

import datetime as dt

import streamlit as st

from dashboard import derived, figures, schedule_queries
from dashboard.filters import current
from dashboard.i18n import kinds_phrase, lang, number, t
from dashboard.ui import cards, chart, empty, funding_metrics

SLIDES = ("funding", "gap", "semester", "enforcement", "progress")

st.set_page_config(initial_sidebar_state="collapsed", layout="wide")
scope, display = current()
cur = display.currency


def move(step: int) -> None:
    st.session_state["slide"] = (st.session_state.get("slide", 0) + step) % len(SLIDES)


slide = SLIDES[st.session_state.get("slide", 0) % len(SLIDES)]
back, forward, remote_back, remote_forward, where = st.columns([2, 2, 1, 1, 3])
back.button(t("mt_previous"), icon=":material/arrow_back:", key="slide_back", shortcut="Left", on_click=move,
            args=(-1,), width="stretch")
forward.button(t("mt_next"), icon=":material/arrow_forward:", key="slide_next", shortcut="Right", on_click=move,
               args=(1,), width="stretch", type="primary")
remote_back.button("⇞", key="slide_page_up", shortcut="PageUp", on_click=move, args=(-1,), type="tertiary",
                   help=t("mt_remote"))
remote_forward.button("⇟", key="slide_page_down", shortcut="PageDown", on_click=move, args=(1,), type="tertiary",
                      help=t("mt_remote"))
where.caption(t("mt_where").format(n=SLIDES.index(slide) + 1, total=len(SLIDES)))

view = derived.funding(scope, cur, display.usd_per_eur)
if slide == "funding":
    st.title(t("mt_funding"))
    if view["empty"]:
        empty()
    else:
        funding_metrics(view["totals"], cur)
elif slide == "gap":
    st.title(t("mt_gap"))
    if view["empty"] or not view["totals"].costed:
        empty(t("mt_nothing_costed"))
    else:
        if cut := figures.levels_cut(view, "by_axis", figures.MEETING_AXES):
            st.caption(cut)
        chart(figures.meeting_gaps(scope, cur, display.usd_per_eur, lang()), "meeting_gap", (scope, "plans"))
elif slide == "semester":
    today = dt.date.today()
    semester = f"{today.year}-S{1 if today.month <= 6 else 2}"
    running = schedule_queries.per_semester(scope, cur, display.usd_per_eur)
    now = running[running["semester"] == semester]
    late = schedule_queries.late_counts(scope, today)
    st.title(t("mt_semester").format(semester=semester))
    cards([(t("mt_running"), kinds_phrase(dict(zip(now["plan_kind"], now["count"]))) or "0", None),
           (t("mt_late"), kinds_phrase(late) or "0", None)])
elif slide == "enforcement":
    st.title(t("mt_enforcement"))
    chain, drawn, total = figures.enforcement_chain(scope, lang(), figures.MEETING_FIGURES, by_country=True)
    if chain is None:
        empty(t("ov_no_enforcement"))
    else:
        if total > drawn:  # said above the chart: below it and its source, it fell under a projector's fold
            st.caption(t("mt_more_figures").format(n=number(total - drawn)))
        chart(chain, "meeting_enforcement", (scope, "indicators"))
        st.caption(t("enf_caveat"))
else:
    st.title(t("mt_progress"))
    counts = derived.status_counts(scope).get("plan", {})
    cards([(t(key), number(counts.get(key, 0)), None)
           for key in ["completed", "in_progress", "planned", "not_started", "no_status"]])
    st.caption(t("mt_progress_note"))
