"""The sidebar's country brief: one button on every page, for the current view.

Guarantees: nothing is built until the button is pressed; then the steps show in a
status box (figures, each chart, the document) and the file is offered for download,
named after the view; the brief kept is the last one made in this session, for the
exact view, language and format it was made for (a change of filter asks again).
At most `AT_ONCE` briefs are built at a time on the server (each starts a browser);
a brief that cannot be made says why in a sentence.
"""

from __future__ import annotations

import datetime as dt
import threading

import streamlit as st

from . import brief, turns
from .filters import Display
from .i18n import lang, t
from .scope import Scope

AT_ONCE = 2
_building = threading.BoundedSemaphore(AT_ONCE)
LABELS = {"pdf": "PDF", "pptx": "PowerPoint"}


def sidebar(scope: Scope, display: Display) -> None:
    with st.sidebar:
        st.markdown(f"### {t('br_button')}")
        fmt = st.segmented_control(t("br_format"), list(LABELS), format_func=LABELS.get, default="pdf",
                                   required=True, key="brief_format", label_visibility="collapsed")
        today = dt.date.today()
        wanted = (scope, display, lang(), fmt, today)
        # A flag set by the click, not the button's value: the request survives a rerun
        # that Streamlit makes before the page runs (see filters.current).
        st.button(t("br_make"), key="brief_make", icon=":material/description:", width="stretch", help=t("br_help"),
                  on_click=st.session_state.__setitem__, args=("_brief_asked", True))
        if st.session_state.pop("_brief_asked", False):
            _make(wanted)
        made = st.session_state.get("_brief")
        if made and made[0] == wanted:
            st.download_button(t("br_download"), made[1], file_name=made[2], mime=brief.FORMATS[fmt],
                               key="brief_download", icon=":material/download:", width="stretch",
                               type="primary", on_click="ignore")


def _make(wanted: tuple) -> None:
    scope, display, language, fmt, today = wanted
    turns.step_aside()  # a brief takes seconds (a browser draws its charts): others go first
    with st.status(t("br_making"), expanded=True) as status:
        bar = st.progress(0.0)

        def progress(step: str, detail) -> None:
            if step == "figures":
                st.write(t("br_step_figures"))
                bar.progress(0.2)
            elif step == "charts":
                done, total = detail
                bar.progress(0.2 + 0.6 * done / total, text=t("br_step_charts").format(n=f"{done}/{total}"))
            else:
                st.write(t("br_step_document"))
                bar.progress(1.0)

        with _building:
            try:
                data = brief.make(scope, display.currency, display.usd_per_eur, language, fmt, progress, today)
            except brief.BriefError as problem:
                status.update(label=t("br_failed").format(reason=problem), state="error")
                return
        st.session_state["_brief"] = (wanted, data, brief.file_name(scope, language, fmt, today))
        status.update(label=t("br_ready"), state="complete", expanded=False)
