"""Routes and frames the dashboard: page config, language, shared filters, navigation.

Guarantees: the sidebar's language, display currency and filters are set here once per
run and bound to the URL, so every page sees the same scope and every view can be
shared as a link; a page that fails shows a sentence, never a traceback.
"""

import logging

import streamlit as st

from dashboard.filters import display_settings, language_switch, remember, sidebar_scope
from dashboard.i18n import t

st.set_page_config(page_title="Cible 8.7 / Target 8.7", page_icon="assets/logo.svg", layout="wide",
                   initial_sidebar_state="expanded")
st.logo("assets/logo.svg")

try:
    language_switch()
    display = display_settings()
    scope = sidebar_scope()
    remember(scope, display)
except Exception:
    # The frame itself failed (e.g. the database is held by another program): say so.
    logging.getLogger("dashboard").exception("the frame failed")
    st.error(t("unexpected"), icon=":material/error:")
    st.stop()

# url_path = the file's stem, so that a page's address is the same however Streamlit routes it;
# the default page (overview) is at the app's root.
pages = {
    t("section_dashboard"): [
        st.Page("pages/overview.py", title=t("page_overview"), icon=":material/dashboard:", default=True),
        st.Page("pages/funding.py", title=t("page_funding"), icon=":material/payments:", url_path="funding"),
        st.Page("pages/schedule.py", title=t("page_schedule"), icon=":material/calendar_month:",
                url_path="schedule"),
        st.Page("pages/enforcement.py", title=t("page_enforcement"), icon=":material/gavel:",
                url_path="enforcement"),
        st.Page("pages/progress.py", title=t("page_progress"), icon=":material/task_alt:", url_path="progress"),
    ],
    t("section_data"): [
        st.Page("pages/data_quality.py", title=t("page_quality"), icon=":material/rule:", url_path="data_quality"),
        st.Page("pages/upload.py", title=t("page_upload"), icon=":material/upload_file:", url_path="upload"),
    ],
}
page = st.navigation(pages)
try:
    page.run()
except Exception:
    logging.getLogger("dashboard").exception("page %s failed", page.title)
    st.error(t("unexpected"), icon=":material/error:")
