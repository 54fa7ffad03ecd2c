"""Data quality: every issue found at load, stated vs computed totals, parts vs totals, aliases."""

import streamlit as st

from dashboard import listings, queries
from dashboard.listings import of_files
from dashboard.db import shipped_reports
from dashboard.filters import current
from dashboard.i18n import lang, number, t
from dashboard.safe import md
from dashboard.ui import empty, ignored_filters, localize, paged, styled

FEW_PARTS = 20

scope, _ = current()
st.title(t("page_quality"))
st.caption(t("dq_intro"))
ignored_filters(scope, {key: "why_issues_files" for key in ("axis", "effect", "lead", "partner", "priority",
                                                              "year")})

for report in shipped_reports():
    if report.status == "rejected":
        st.error(t("dq_shipped_rejected").format(file=md(report.file)), icon=":material/error:")
        for issue in report.errors:
            st.markdown(f"- {md(issue.message_fr if lang() == 'fr' else issue.message_en)}")

summary = queries.issue_summary(scope)
message = "message" if lang() == "fr" else "message_en"
c1, c2, c3 = st.columns(3)
c1.metric(t("dq_warnings"), number(int(summary.loc[summary["severity"] == "warning", "count"].sum())), border=True)
c2.metric(t("dq_files"), number(summary["file"].nunique()), border=True)
c3.metric(t("dq_errors_loaded"), number(int(summary.loc[summary["severity"] == "error", "count"].sum())),
          border=True, help=t("dq_errors_help"))

st.subheader(t("dq_issues"))
if summary.empty:
    st.success(t("dq_clean"), icon=":material/check:")
else:
    st.dataframe(styled(summary.assign(severity=summary["severity"].map(t)).rename(
        columns={"file": t("file"), "severity": t("severity"), "count": t("count")})), hide_index=True)
    paged(of_files("data_issues", scope), lambda rows: localize(rows, ["severity", "file", "sheet", "cell", message],
                                                                 {message: t("message")}),
          scope, "data_issues", t("dq_issues"), column_config={t("message"): st.column_config.TextColumn(width="large")})

st.subheader(t("dq_totals"))
totals = of_files("stated_totals", scope)
if not listings.count(totals):
    empty(t("dq_no_totals"))
else:
    def readable_totals(rows):
        rows = rows.assign(level=rows["level"].map(lambda v: t(f"dq_level_{v}")), agrees=(
            rows["stated"].isna() | (rows["difference"].abs() < 0.005)).map({True: "✓", False: "✗"}))
        return localize(rows, ["country", "plan", "level", "code", "stated", "computed", "difference", "agrees",
                               "stated_funds", "computed_funds", "currency", "row"], {
                                   "level": t("dq_level"), "code": t("code"), "stated": t("dq_stated"),
                                   "computed": t("dq_computed"), "difference": t("dq_difference"),
                                   "agrees": t("dq_agrees"), "stated_funds": t("dq_stated_funds"),
                                   "computed_funds": t("dq_computed_funds"), "row": t("dq_row")})
    paged(totals, readable_totals, scope, "stated_vs_computed", t("dq_totals"))

st.subheader(t("dq_parts"))
parts = of_files("parts_mismatch", scope)
parts_count = listings.count(parts)
if not parts_count:
    st.caption(t("dq_parts_ok"))
elif parts_count <= FEW_PARTS:  # a few read best as sentences
    for text in listings.page(parts, limit=FEW_PARTS)[message]:
        st.markdown(f"- {md(text)}")
else:
    paged(parts, lambda rows: localize(rows, ["file", "sheet", "cell", message], {message: t("message")}),
          scope, "parts_total_mismatch", t("dq_parts"),
          column_config={t("message"): st.column_config.TextColumn(width="large")})

st.subheader(t("dq_aliases"))
aliases = of_files("aliases_applied", scope)
if not listings.count(aliases):
    st.caption(t("dq_no_aliases"))
else:
    st.caption(t("dq_aliases_note"))
    paged(aliases, lambda rows: rows.rename(columns={
        "original": t("dq_written"), "canonical": t("dq_counted_as"), "times": t("dq_times"), "file": t("file"),
        "cells": t("dq_cells")}), scope, "aliases_applied", t("dq_aliases"))
