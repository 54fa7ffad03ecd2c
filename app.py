"""Routes and frames the dashboard: page config, language, access, shared filters, navigation.

Guarantees: the sidebar's language, account, display currency and filters are set here
once per run and bound to the URL, so every page sees the same scope and every view can
be shared as a link; a malformed `[access]` stops the app with one sentence; with
`view = "signed-in"` nothing but a sign-in prompt is shown before sign-in; pages a role
may not use are not in the navigation; a page that fails shows a sentence, never a
traceback.
"""

import logging
import time

import streamlit as st

from dashboard import access, account, brief_panel, db, runlog, turns
from dashboard.filters import display_settings, language_switch, remember, sidebar_scope
from dashboard.i18n import t
from loaders.database import DatabaseBusy

started = time.perf_counter()
# One run at a time, in order of arrival (dashboard/turns.py): a burst of sessions opened
# together no longer shares the interpreter ten ways, nor starves the event loop.
with turns.SCRIPT_RUNS.turn() as waited:
    # The sidebar's default (open on a desk or a projector, closed on a phone) is left
    # unsaid: said here on every run, it would undo the meeting page's "collapsed".
    st.set_page_config(page_title="Cible 8.7 / Target 8.7", page_icon="assets/logo.svg", layout="wide")
    st.logo("assets/logo.svg")
    language_switch()

    try:
        user = access.current_user()
    except access.AccessConfigError as problem:
        # Never a silently open server: the administrator reads what to fix, and nothing else runs.
        st.error(str(problem), icon=":material/gpp_bad:")
        st.stop()

    try:
        db.refresh()
        account.sidebar(user)
        if not user.can_view:
            account.wall()
            st.stop()
        display = display_settings()
        scope = sidebar_scope()
        remember(scope, display)
        brief_panel.sidebar(scope, display)
    except DatabaseBusy:
        st.error(t("db_busy"), icon=":material/hourglass:")
        st.stop()
    except Exception:
        # The frame itself failed: say so, keep the trace in the log.
        logging.getLogger("dashboard").exception("the frame failed")
        st.error(t("unexpected"), icon=":material/error:")
        st.stop()

    # url_path = the file's stem, so that a page's address is the same however Streamlit routes it;
    # the default page (overview) is at the app's root.
    dashboard_pages = [
        st.Page("pages/overview.py", title=t("page_overview"), icon=":material/dashboard:", default=True),
        st.Page("pages/funding.py", title=t("page_funding"), icon=":material/payments:", url_path="funding"),
        st.Page("pages/schedule.py", title=t("page_schedule"), icon=":material/calendar_month:",
                url_path="schedule"),
        st.Page("pages/enforcement.py", title=t("page_enforcement"), icon=":material/gavel:",
                url_path="enforcement"),
        st.Page("pages/progress.py", title=t("page_progress"), icon=":material/task_alt:", url_path="progress"),
        st.Page("pages/trends.py", title=t("page_trends"), icon=":material/timeline:", url_path="trends"),
        st.Page("pages/compare.py", title=t("page_compare"), icon=":material/compare_arrows:", url_path="compare"),
        st.Page("pages/meeting.py", title=t("page_meeting"), icon=":material/co_present:", url_path="meeting"),
    ]
    data_pages = [st.Page("pages/data_quality.py", title=t("page_quality"), icon=":material/rule:",
                          url_path="data_quality")]
    if user.mode == "local" or access.may(user, "load"):
        data_pages.append(st.Page("pages/upload.py", title=t("page_upload"), icon=":material/upload_file:",
                                  url_path="upload"))
        data_pages.append(st.Page("pages/versions.py", title=t("page_versions"), icon=":material/history:",
                                  url_path="versions"))
    if access.may(user, "audit"):
        data_pages.append(st.Page("pages/audit.py", title=t("page_audit"), icon=":material/history_edu:",
                                  url_path="audit"))
    page = st.navigation({t("section_dashboard"): dashboard_pages, t("section_data"): data_pages})
    try:
        page.run()
    except DatabaseBusy:
        st.error(t("db_busy"), icon=":material/hourglass:")
    except Exception:
        logging.getLogger("dashboard").exception("page %s failed", page.title)
        st.error(t("unexpected"), icon=":material/error:")
    finally:
        runlog.record(started, page.url_path or "overview", waited)
