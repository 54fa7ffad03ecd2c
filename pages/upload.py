"""Upload: focal points load workbooks, read what is wrong cell by cell, and restore versions."""

import json
from pathlib import Path

import streamlit as st

from dashboard import db, queries
from dashboard.filters import current
from dashboard.i18n import lang, number, t

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "cameroun_plan_alliance87_2021-2025.xlsx"

current()  # the frame (language, sidebar) of this run; uploads do not depend on the filters
st.title(t("page_upload"))
st.markdown(t("up_intro"))
st.download_button(t("up_example"), EXAMPLE.read_bytes(), EXAMPLE.name, icon=":material/description:")

who = st.text_input(t("up_who"), key="loaded_by", placeholder=t("up_who_placeholder"))
dry_run = st.toggle(t("up_dry_run"), key="dry_run")
files = st.file_uploader(t("up_files"), type=["xlsx", "xlsm", "csv"], accept_multiple_files=True, key="uploads")
if st.button(t("up_check") if dry_run else t("up_load"), type="primary", disabled=not files, icon=":material/upload:"):
    st.session_state["reports"] = [
        db.load_file(f.name, f.getvalue(), loaded_by=who.strip() or t("up_anonymous"), dry_run=dry_run).as_json()
        for f in files]

for report in st.session_state.get("reports", []):
    counts = ", ".join(f"{number(v)} {t('up_count_' + k)}" for k, v in report["counts"].items() if v)
    if report["status"] == "rejected":
        st.error(t("up_rejected").format(file=report["file"], n=sum(i["severity"] == "error" for i in report["issues"])),
                 icon=":material/block:")
    elif report["unchanged"]:
        st.info(t("up_unchanged").format(file=report["file"], version=report["version"]), icon=":material/info:")
    elif report["status"] == "checked":
        st.success(t("up_checked").format(file=report["file"], counts=counts), icon=":material/check:")
    else:
        st.success(t("up_loaded").format(file=report["file"], version=report["version"], counts=counts),
                   icon=":material/check_circle:")
    for issue in report["issues"]:
        text = issue["message"] if lang() == "fr" else issue["message_en"]
        (st.markdown if issue["severity"] == "error" else st.caption)(
            f"{'❌' if issue['severity'] == 'error' else '⚠️'} {text}")
    if report.get("ignored_sheets"):
        st.caption(t("up_ignored").format(sheets=", ".join(report["ignored_sheets"])))

st.divider()
st.subheader(t("up_versions"))
st.caption(t("up_versions_note"))
versions = queries.versions()
if versions.empty:
    st.caption(t("up_no_versions"))
else:
    shown = versions.assign(counts=versions["counts"].map(
        lambda c: ", ".join(f"{v} {t('up_count_' + k)}" for k, v in json.loads(c).items() if v)),
        action=versions["action"].map(lambda a: t(f"up_action_{a}")))
    st.dataframe(shown.rename(columns={
        "version": "Version", "action": t("up_action"), "file_name": t("file"), "loaded_by": t("up_by"),
        "loaded_at": t("up_when"), "restored_from": t("up_restored_from"), "counts": t("up_contents"),
        "warnings": t("dq_warnings")}), hide_index=True)
    chosen = st.selectbox(t("up_pick_version"), versions["version"].tolist(), key="version_pick",
                          format_func=lambda v: f"{v} · {versions.set_index('version').at[v, 'file_name']}")
    left, right = st.columns(2)
    stored = db.stored_file(int(chosen))
    if stored:
        left.download_button(t("up_download_original"), stored[1], stored[0], key="original",
                             icon=":material/download:")
    if right.button(t("up_restore").format(version=chosen), icon=":material/history:"):
        report = db.restore_version(int(chosen), loaded_by=who.strip() or t("up_anonymous"))
        if report.status == "loaded":
            st.success(t("up_restored").format(old=chosen, new=report.version))
        else:
            for issue in report.errors:
                st.error(issue.message_fr if lang() == "fr" else issue.message_en)
