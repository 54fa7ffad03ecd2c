"""The account block of the sidebar: the mode, who is signed in, sign-in and sign-out.

Guarantees: in local mode the sidebar says so (and whether this browser may load); in
sign-in mode it shows the signed-in email and role with a sign-out button, or a sign-in
button; a sign-in is recorded once in the audit trail (per identity token), a sign-out
when it is asked for. With `view = "signed-in"`, `wall` shows only a sign-in prompt.
"""

from __future__ import annotations

import streamlit as st

from . import db
from .access import User
from .i18n import t
from .safe import md


def _record_sign_in(user: User) -> None:
    token = st.user.get("iat") or st.user.get("sub") or ""
    key = f"iat={token}"
    if st.session_state.get("_signed_in") == key:
        return
    if not db.signed_in_before(user.actor, key):
        db.record(user.actor, "sign_in", detail=key)
    st.session_state["_signed_in"] = key


def _sign_out(user: User) -> None:
    db.record(user.actor, "sign_out")
    st.session_state.pop("_signed_in", None)
    st.logout()


def sidebar(user: User) -> None:
    box = st.sidebar.container(border=True)
    if user.mode == "local":
        box.caption(t("acc_local_mode") + " " + t("acc_local_can_load" if user.role == "local" else "acc_local_view"))
        return
    if user.email:
        _record_sign_in(user)
        box.caption(t("acc_signed_in").format(email=md(user.email), role=t(f"role_{user.role}")))
        if user.countries:
            box.caption(t("acc_countries").format(countries=", ".join(sorted(user.countries))))
        if box.button(t("acc_sign_out"), icon=":material/logout:", key="sign_out"):
            _sign_out(user)
    else:
        box.caption(t("acc_not_signed_in"))
        box.button(t("acc_sign_in"), icon=":material/login:", key="sign_in", on_click=st.login)


def wall() -> None:
    """Everything a visitor sees before sign-in when the dashboards are not public."""
    st.title(t("app_title"))
    st.info(t("acc_sign_in_needed"), icon=":material/lock:")
    st.button(t("acc_sign_in"), icon=":material/login:", type="primary", key="sign_in_wall", on_click=st.login)
