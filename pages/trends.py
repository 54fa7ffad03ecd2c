"""Trends: counts per reporting period, statuses at each reporting date, and funding
coverage at each loaded version of a plan, read left to right in time.

Periods are labelled by their dates, never summed into years; figures of different
sources stay apart (one line each), as everywhere.
"""

from dataclasses import replace

import streamlit as st

from dashboard import figures
from dashboard.filters import current, describe
from dashboard.i18n import lang, number, t
from dashboard.safe import md
from dashboard.ui import chart, empty, ignored_filters

INDICATORS = ("cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted",
              "victims_identified", "victims_assisted", "victims_rescued", "victims_returned",
              "victims_reintegrated", "children_withdrawn")

scope, _ = current()
st.title(t("page_trends"))
st.caption(md(" · ".join(f"{name} : {values}" for name, values in describe(scope))) or t("ov_all_data"))
ignored_filters(scope, {"year": "why_trends_years",
                        **{key: "why_counts_only" for key in ("plan", "axis", "effect", "lead", "partner", "priority")}})

st.subheader(t("tr_counts"))
st.caption(t("tr_counts_note"))
series = figures.counts_over_time(scope, INDICATORS, lang())
if not series:
    empty(t("tr_one_period"))
for key, figure, hidden in series:
    chart(figure, f"trend_{key}", (scope, "indicators"))
    if hidden:
        st.caption(t("tr_lines_hidden").format(n=number(hidden)))

st.subheader(t("tr_statuses"))
plans, hidden = figures.statuses_over_time(scope, lang())
if not plans:
    empty(t("tr_one_date"))
for country, plan, figure in plans:
    chart(figure, f"statuses_{country}_{plan}"[:60], (replace(scope, countries=(country,), plans=(plan,)), "status"))
if hidden:
    st.caption(t("tr_plans_hidden").format(n=number(hidden)))

st.subheader(t("tr_coverage"))
coverage, hidden = figures.coverage_by_version(scope, lang())
if coverage is None:
    empty(t("tr_one_version"))
else:
    chart(coverage, "coverage_by_version", (scope, "plans"))
    if hidden:
        st.caption(t("tr_lines_hidden").format(n=number(hidden)))
