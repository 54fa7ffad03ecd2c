"""Upload: the template and current data to start from, then check → preview → load.

Every control here exists only for a role that may use it (dashboard.access): a visitor
who may not load sees one sentence and no control; a focal point works on her own
countries only. Checking writes nothing: the page shows every cell to fix (and her own
file back, marked), and what the file will change; "Load" then writes it, unless another
version landed since the preview, which is then recomputed and shown again.
"""

import streamlit as st

from dashboard import access, db, preview, queries, report_view
from dashboard.filters import FILTER_KEYS, country_name, current
from dashboard.i18n import lang, number, t
from dashboard.safe import md
from dashboard.ui import ignored_filters, load_grant_or_stop
from loaders import marked, template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

scope, _ = current()
user = access.current_user()
st.title(t("page_upload"))
ignored_filters(scope, {key: "why_upload" for key in FILTER_KEYS})
grant = load_grant_or_stop(user)

st.markdown(t("up_intro"))
st.caption(t("up_as").format(who=md(grant.actor.who)) + (
    " " + t("up_your_countries").format(countries=", ".join(sorted(grant.countries)))
    if grant.countries is not None else ""))

st.subheader(t("up_start"))
left, right = st.columns(2)
language = lang()
left.download_button(t("up_template"), db.recorded(grant, "download_template", lambda: template.blank(language)),
                     f"modele_cible87_{language}.xlsx", XLSX, icon=":material/description:", key="template",
                     on_click="ignore")
countries = [c for c in queries.countries() if grant.covers([c])]
if countries:
    country = right.selectbox(t("up_current_country"), countries, format_func=country_name, key="export_country")
    plans = [None, *queries.plans_of((country,))]
    plan = right.selectbox(t("f_plan"), plans, format_func=lambda p: p or t("up_all_plans"), key="export_plan")
    build = db.current_workbook(grant, country, plan, language)
    if build:
        right.download_button(t("up_current"), build, f"donnees_{country}.xlsx", XLSX, icon=":material/download:",
                              key="current_data", on_click="ignore")

st.subheader(t("up_send"))
files = st.file_uploader(t("up_files"), type=["xlsx", "xlsm", "csv"], accept_multiple_files=True, key="uploads")
st.button(t("up_check"), type="primary", disabled=not files, icon=":material/fact_check:", key="check",
          on_click=st.session_state.__setitem__, args=("checking", True))

if st.session_state.pop("checking", False) and files:
    # Checked here, not in a callback, so that the progress shows where the file is.
    previews = []
    for upload in files:
        with st.status(t("up_checking").format(file=md(upload.name)), expanded=False) as status:
            base = db.latest_version()
            report = db.load_file(grant, upload.name, upload.getvalue(), dry_run=True,
                                  progress=lambda stage: status.update(label=t(f"up_stage_{stage}")))
            status.update(label=t("up_checked_short").format(file=md(upload.name)), state="complete")
        previews.append({"name": upload.name, "data": upload.getvalue(), "report": report, "base": base})
    st.session_state["previews"] = previews
    st.session_state.pop("loaded", None)


def load_previewed(grant: access.Grant) -> None:
    """Write what was previewed, unless the data changed since: then preview again."""
    results = []
    for item in st.session_state.get("previews", []):
        if item["report"].status == "rejected" or item["report"].no_change:
            continue
        with st.status(t("up_loading").format(file=md(item["name"])), expanded=False) as status:
            if db.latest_version() != item["base"]:
                item["base"] = db.latest_version()
                item["report"] = db.load_file(grant, item["name"], item["data"], dry_run=True)
                item["stale"] = True
                status.update(label=t("up_stale_short").format(file=md(item["name"])), state="error")
                continue
            results.append(db.load_file(grant, item["name"], item["data"],
                                        progress=lambda stage: status.update(label=t(f"up_stage_{stage}"))))
            status.update(label=t("up_loaded_short").format(file=md(item["name"])), state="complete")
    st.session_state["previews"] = [p for p in st.session_state.get("previews", []) if p.get("stale")]
    st.session_state["loaded"] = results


if st.session_state.pop("loading", False):
    load_previewed(grant)  # here, not in a callback, so that the progress shows


for item in st.session_state.get("previews", []):
    report = item["report"]
    name = md(report.file)
    if item.get("stale"):
        st.warning(t("up_stale").format(file=name), icon=":material/update:")
    counts = ", ".join(f"{number(v)} {t('up_count_' + k)}" for k, v in report.counts.items() if v)
    if report.status == "rejected":
        st.error(t("up_rejected").format(file=name, n=len(report.errors)), icon=":material/block:")
    elif report.no_change:
        st.info(t("up_no_change").format(file=name), icon=":material/info:")
    elif report.unchanged:
        st.info(t("up_unchanged").format(file=name, version=report.version), icon=":material/info:")
    else:
        st.success(t("up_checked").format(file=name, counts=counts), icon=":material/check:")
    report_view.issues(report, lambda build, name=report.file: db.recorded(grant, "download_issues", build, name))
    if report.ignored_sheets:
        st.caption(t("up_ignored").format(sheets=md(", ".join(report.ignored_sheets))))
    if report.issues and any(i.sheet for i in report.issues):
        st.download_button(t("up_marked"), db.recorded(grant, "download_marked", lambda item=item: marked.marked_apart(
            item["name"], item["data"], item["report"].issues), item["name"]),
                           f"{item['name'].rsplit('.', 1)[0]}_a_corriger.xlsx", XLSX, icon=":material/edit_note:",
                           key=f"marked-{item['name']}", on_click="ignore")
    if report.diff is not None and not report.no_change and not report.unchanged:
        with st.expander(t("up_preview").format(file=name), expanded=True):
            preview.show(report.diff)

ready = [p for p in st.session_state.get("previews", []) if p["report"].status != "rejected"
         and not p["report"].no_change and not p["report"].unchanged]
if ready:
    st.button(t("up_load"), type="primary", icon=":material/upload:", key="load",
              on_click=st.session_state.__setitem__, args=("loading", True))

for report in st.session_state.get("loaded", []):
    counts = ", ".join(f"{number(v)} {t('up_count_' + k)}" for k, v in report.counts.items() if v)
    if report.status == "loaded" and not report.unchanged:
        st.success(t("up_loaded").format(file=md(report.file), version=report.version, counts=counts),
                   icon=":material/check_circle:")
    else:
        st.error(t("up_rejected").format(file=md(report.file), n=len(report.errors)), icon=":material/block:")
st.page_link("pages/versions.py", label=t("up_see_versions"), icon=":material/history:")
