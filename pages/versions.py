"""Versions: every file loaded, its original to download, and restore (administrators).

A focal point sees the versions of her own countries and downloads their originals;
restore asks first, naming the version and what it will replace, and the table shows
the new version at once.
"""

import json

import pandas as pd
import streamlit as st

from dashboard import access, db, preview, queries
from dashboard.filters import FILTER_KEYS, country_name, current
from dashboard.i18n import date, lang, t
from dashboard.safe import md
from dashboard.ui import ignored_filters, load_grant_or_stop, shaped_once

scope, _ = current()
user = access.current_user()
st.title(t("page_versions"))
ignored_filters(scope, {key: "why_upload" for key in FILTER_KEYS})
load_grant = load_grant_or_stop(user)


def restore(grant: access.Grant, version: int) -> None:
    # Runs before the page: the versions table of this very run shows the new version.
    st.session_state.pop("restore_pending", None)
    report = db.restore_version(grant, version)
    if report.status == "loaded":
        st.session_state["restore_message"] = ("success", t("up_restored").format(old=version, new=report.version))
    else:
        st.session_state["restore_message"] = ("error", " ".join(
            i.message_fr if lang() == "fr" else i.message_en for i in report.errors))


def confirm_restore(grant: access.Grant, version: int, file_name: str) -> None:
    """Restoring replaces what donors see: name the version and what it replaces, then ask."""
    panel = st.container(border=True)
    panel.markdown(f"**{t('up_restore_confirm_title')}**")
    panel.markdown(t("up_restore_confirm").format(version=version, file=md(file_name)))
    for row in queries.restore_effects(version).itertuples():
        if pd.isna(row.plan):
            line = t("up_restore_counts").format(country=country_name(row.country))
        elif pd.isna(row.current_version):
            line = t("up_restore_new_plan").format(plan=row.plan, country=country_name(row.country))
        else:
            line = t("up_restore_replaces_plan").format(plan=row.plan, country=country_name(row.country),
                                                        current=int(row.current_version), file=row.current_file)
        panel.markdown(f"- {md(line)}")
    panel.caption(t("up_restore_nothing_lost"))
    confirm, cancel = panel.columns(2)
    confirm.button(t("up_confirm"), type="primary", key="restore_confirm", on_click=restore, args=(grant, version))
    cancel.button(t("up_cancel"), key="restore_cancel", on_click=st.session_state.pop, args=("restore_pending", None))


if message := st.session_state.pop("restore_message", None):
    (st.success if message[0] == "success" else st.error)(md(message[1]))
st.caption(t("up_versions_note"))
countries = None if load_grant.countries is None else tuple(sorted(load_grant.countries))
versions = queries.versions(countries)
if versions.empty:
    st.caption(t("up_no_versions"))
    st.stop()


def versions_table() -> pd.DataFrame:
    shown = versions.assign(counts=versions["counts"].map(
        lambda c: ", ".join(f"{v} {t('up_count_' + k)}" for k, v in json.loads(c).items() if v)),
        action=versions["action"].map(lambda a: t(f"up_action_{a}")))
    return shown[["version", "action", "file_name", "loaded_by", "loaded_at", "restored_from", "counts",
                  "warnings"]].rename(columns={
        "version": "Version", "action": t("up_action"), "file_name": t("file"), "loaded_by": t("up_by"),
        "loaded_at": t("up_when"), "restored_from": t("up_restored_from"), "counts": t("up_contents"),
        "warnings": t("dq_warnings")})


# Shaped once per list (every load or restore adds a version, and drops the cached tables).
st.dataframe(shaped_once("versions", (countries, int(versions["version"].max()), len(versions)), (), lang(),
                         versions_table), hide_index=True)
names = dict(zip(versions["version"], versions["file_name"]))
chosen = int(st.selectbox(t("up_pick_version"), versions["version"].tolist(), key="version_pick",
                          format_func=lambda v: f"{v} · {names[v]}"))
left, right = st.columns(2)
original = db.original_file(access.grant(user, "download_original"), chosen)
if original:
    left.download_button(t("up_download_original"), original[1], original[0], key="original",
                         icon=":material/download:", on_click="ignore")
restore_grant = access.grant(user, "restore")
if restore_grant is not None:
    right.button(t("up_restore").format(version=chosen), icon=":material/history:", key="restore",
                 on_click=st.session_state.__setitem__, args=("restore_pending", chosen))
    pending = st.session_state.get("restore_pending")
    if pending in set(versions["version"]):
        confirm_restore(restore_grant, pending, names[pending])


st.subheader(t("vs_since"))
st.caption(t("vs_since_note"))
by_date = st.segmented_control(t("vs_compare_by"), ["version", "date"], default="version", required=True,
                               format_func=lambda k: t(f"vs_by_{k}"), key="since_by")
ordered = sorted(versions["version"].tolist())
left, right = st.columns(2)
if by_date == "version":
    labels = {v: f"{v} · {names[v]} · {date(at)}" for v, at in zip(versions["version"], versions["loaded_at"])}
    first = left.selectbox(t("vs_from"), ordered, index=max(len(ordered) - 2, 0), format_func=labels.get,
                           key="since_a")
    second = right.selectbox(t("vs_to"), ordered, index=len(ordered) - 1, format_func=labels.get, key="since_b")
else:
    days = versions["loaded_at"].dt.date
    start = left.date_input(t("vs_from"), value=days.min(), key="since_day_a", format="DD/MM/YYYY")
    end = right.date_input(t("vs_to"), value=days.max(), key="since_day_b", format="DD/MM/YYYY")
    first, second = db.version_at(start), db.version_at(end)
    st.caption(t("vs_dates_are").format(a=first, b=second))
if first == second:
    st.caption(t("vs_same"))
else:
    preview.show(db.changes_between(int(first), int(second), load_grant.countries),
                 key=(int(first), int(second), countries))
