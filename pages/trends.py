"""Trends: counts per reporting period, statuses at each reporting date, and funding
coverage at each loaded version of a plan, read left to right in time.

Periods are labelled by their dates, never summed into years; figures of different
sources stay apart (one line each), as everywhere.
"""

import streamlit as st

from dashboard import charts, trend_queries
from dashboard.filters import country_name, current, describe
from dashboard.i18n import date, indicator, period, t
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
counts = trend_queries.counts_over_time(scope, INDICATORS)
if counts.empty:
    empty(t("tr_one_period"))
else:
    counts = counts.assign(
        when=[period(s, e) for s, e in zip(counts["period_start"], counts["period_end"])],
        label=[f"{country_name(c)} · {indicator(i)}" + (f" · {src}" if n > 1 else "")
               for c, i, src, n in zip(counts["country"], counts["indicator"], counts["source"], counts["figures"])])
    for key, rows in list(counts.groupby("indicator", sort=False))[:6]:
        order = list(dict.fromkeys(rows.sort_values("period_start")["when"]))
        chart(charts.over_time(rows, "when", "value", "label", indicator(key), t("count"), order), f"trend_{key}",
              (scope, "indicators"))

st.subheader(t("tr_statuses"))
statuses = trend_queries.statuses_over_time(scope)
statuses = statuses[statuses.groupby(["country", "plan"])["reported"].transform("nunique") > 1]
if statuses.empty:
    empty(t("tr_one_date"))
else:
    for (country, plan), rows in list(statuses.groupby(["country", "plan"], sort=False))[:4]:
        rows = rows.assign(when=rows["reported"].map(date), status=rows["status"].map(t))
        order = list(dict.fromkeys(rows.sort_values("reported")["when"]))
        colors = {t(k): v for k, v in charts.STATUS_COLORS.items()}
        chart(charts.bars(rows, "when", "actions", f"{country_name(country)} · {plan}", t("actions"),
                          color="status", colors=colors, barmode="stack", categories=order),
              f"statuses_{country}_{plan}"[:60], (scope, "status"))

st.subheader(t("tr_coverage"))
coverage = trend_queries.coverage_by_version(scope)
coverage = coverage[coverage.groupby(["country", "plan"])["version"].transform("count") > 1]
if coverage.empty:
    empty(t("tr_one_version"))
else:
    coverage = coverage.assign(
        coverage=coverage["available"] / coverage["estimated"].where(coverage["estimated"] > 0),
        when=[f"v{v} · {date(d)}" for v, d in zip(coverage["version"], coverage["loaded_at"])],
        label=[f"{country_name(c)} · {p}" for c, p in zip(coverage["country"], coverage["plan"])])
    order = list(dict.fromkeys(coverage.sort_values("loaded_at")["when"]))
    chart(charts.over_time(coverage, "when", "coverage", "label", t("tr_coverage"), t("coverage"), order,
                           percent=True), "coverage_by_version", (scope, "plans"))
