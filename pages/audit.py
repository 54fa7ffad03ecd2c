"""Audit trail (administrators): who signed in, checked, loaded, restored or downloaded what, and when."""

import streamlit as st

from dashboard import access, listings, queries
from dashboard.filters import FILTER_KEYS, country_name, current
from dashboard.i18n import t
from dashboard.listings import Listing
from dashboard.scope import Scope
from dashboard.ui import ignored_filters, localize, paged

scope, _ = current()
user = access.current_user()
st.title(t("page_audit"))
if not access.may(user, "audit"):
    st.info(t("au_admins_only"), icon=":material/lock:")
    st.stop()
ignored_filters(scope, {key: "why_audit" for key in FILTER_KEYS})
st.caption(t("au_intro"))

last_id = queries.audit_last_id()
choices = queries.audit_choices(last_id)
left, middle, right = st.columns(3)
who = left.selectbox(t("au_who"), [""] + choices["who"], key="audit_who", format_func=lambda v: v or t("f_all"))
action = middle.selectbox(t("au_action"), [""] + choices["action"], key="audit_action",
                          format_func=lambda v: t(f"au_{v}") if v else t("f_all"))
country = right.selectbox(t("country"), [""] + choices["country"], key="audit_country",
                          format_func=lambda v: country_name(v) if v else t("f_all"))
trail = Listing("audit_trail", Scope(), within=(who, action, country, last_id))
if not listings.count(trail):
    st.caption(t("au_none"))
else:
    def readable(rows):
        rows = rows.assign(action=rows["action"].map(lambda a: t(f"au_{a}")),
                           role=rows["role"].map(lambda r: t(f"role_{r}")),
                           outcome=rows["outcome"].map(lambda o: t(f"au_outcome_{o}")),
                           countries=rows["countries"].map(lambda cs: ", ".join(cs) if cs is not None else ""))
        return localize(rows, ["occurred_at", "who", "role", "action", "outcome", "countries", "file_name", "version",
                               "sha256", "detail"],
                        {"occurred_at": t("up_when"), "who": t("au_who"), "role": t("au_role"),
                         "action": t("au_action"), "outcome": t("au_outcome"), "countries": t("country"),
                         "file_name": t("file"), "version": "Version", "sha256": "SHA-256",
                         "detail": t("au_detail")})
    paged(trail, readable, scope, "audit_trail", t("page_audit"))
