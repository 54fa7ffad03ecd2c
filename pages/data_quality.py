"""Data quality: every issue found at load, stated vs computed totals, parts vs totals, aliases."""

import streamlit as st

from dashboard import queries
from dashboard.db import shipped_reports
from dashboard.filters import country_name, current
from dashboard.i18n import lang, number, t
from dashboard.safe import md
from dashboard.ui import empty, ignored_filters, styled, table

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

issues = queries.data_issues(scope)
message = "message" if lang() == "fr" else "message_en"
c1, c2, c3 = st.columns(3)
c1.metric(t("dq_warnings"), number(int((issues["severity"] == "warning").sum())), border=True)
c2.metric(t("dq_files"), number(issues["file"].nunique()), border=True)
c3.metric(t("dq_errors_loaded"), number(int((issues["severity"] == "error").sum())), border=True,
          help=t("dq_errors_help"))

st.subheader(t("dq_issues"))
if issues.empty:
    st.success(t("dq_clean"), icon=":material/check:")
else:
    by_file = issues.groupby(["file", "severity"], as_index=False).size().rename(columns={"size": "count"})
    st.dataframe(styled(by_file.assign(severity=by_file["severity"].map(t)).rename(
        columns={"file": t("file"), "severity": t("severity"), "count": t("count")})), hide_index=True)
    table(issues.assign(severity=issues["severity"].map(t))[["severity", "file", "sheet", "cell", message]]
          .rename(columns={"severity": t("severity"), "file": t("file"), "sheet": t("sheet"), "cell": t("cell"),
                           message: t("message")}),
          scope, "data_issues", t("dq_issues"),
          column_config={t("message"): st.column_config.TextColumn(width="large")})

st.subheader(t("dq_totals"))
totals = queries.stated_totals(scope)
if totals.empty:
    empty(t("dq_no_totals"))
else:
    totals = totals.assign(
        country=totals["country"].map(country_name), level=totals["level"].map(lambda v: t(f"dq_level_{v}")),
        difference=totals["stated"] - totals["computed"].fillna(0),
        agrees=lambda f: (f["stated"].isna() | (f["difference"].abs() < 0.005)).map({True: "✓", False: "✗"}))
    table(totals[["country", "plan", "level", "code", "stated", "computed", "difference", "agrees", "stated_funds",
                  "computed_funds", "currency", "row"]].rename(columns={
                      "level": t("dq_level"), "code": t("code"), "stated": t("dq_stated"),
                      "computed": t("dq_computed"), "difference": t("dq_difference"), "agrees": t("dq_agrees"),
                      "stated_funds": t("dq_stated_funds"), "computed_funds": t("dq_computed_funds"),
                      "row": t("dq_row"), **{k: t(k) for k in ("country", "plan", "currency")}}),
          scope, "stated_vs_computed", t("dq_totals"),
          )

st.subheader(t("dq_parts"))
parts = issues[issues["code"] == "parts_total_mismatch"]
if parts.empty:
    st.caption(t("dq_parts_ok"))
else:
    for row in parts.itertuples():
        st.markdown(f"- {md(getattr(row, message))}")

st.subheader(t("dq_aliases"))
aliases = queries.aliases_applied(scope)
if aliases.empty:
    st.caption(t("dq_no_aliases"))
else:
    st.caption(t("dq_aliases_note"))
    table(aliases.rename(columns={"original": t("dq_written"), "canonical": t("dq_counted_as"),
                                  "times": t("dq_times"), "file": t("file"), "cells": t("dq_cells")}),
          scope, "aliases_applied", t("dq_aliases"))
