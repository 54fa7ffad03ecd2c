"""Countries side by side: coverage, share of actions late, actions not costed, and the
latest counts per stage with their period. What a country does not report reads
"not reported", never 0."""

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import charts, trend_queries
from dashboard.filters import country_name, current, describe
from dashboard.i18n import number, percent, period, t
from dashboard.safe import md
from dashboard.ui import chart, empty, ignored_filters, table

STAGES = trend_queries.CHAIN
# Past this many countries, upright bars leave no room for their values and names:
# they are laid down the side, a row each.
UPRIGHT_BARS = 8

scope, _ = current()
st.title(t("page_compare"))
st.caption(md(" · ".join(f"{name} : {values}" for name, values in describe(scope))) or t("ov_all_data"))
ignored_filters(scope, {key: "why_counts_only" for key in ("plan", "axis", "effect", "lead", "partner", "priority")})
rows = trend_queries.countries_side_by_side(scope, dt.date.today())
if rows.empty:
    empty()
    st.stop()
st.caption(t("cp_note"))


def stage_text(value, figures) -> str:
    if figures > 1:
        return t("ov_figures_count").format(n=figures)
    return t("cp_not_reported") if pd.isna(value) else number(value)


shown = pd.DataFrame({
    t("country"): rows["country"].map(country_name),
    t("coverage"): [t("to_be_defined_card") if pd.isna(c) else percent(c) for c in rows["coverage"]],
    t("cp_late_share"): ["—" if pd.isna(v) else percent(v) for v in rows["late_share"]],
    t("kind_not_costed_plan"): ["—" if pd.isna(v) else number(v) for v in rows["not_costed"]],
    **{t(f"ov_short_{s}"): [stage_text(v, n) for v, n in zip(rows[s], rows[f"{s}_figures"])] for s in STAGES},
    t("period"): [t("cp_not_reported") if pd.isna(s) else period(s, e)
                  for s, e in zip(rows["period_start"], rows["period_end"])],
})
table(shown, scope, "countries_side_by_side", t("page_compare"))

measures = {"coverage": t("coverage"), "late_share": t("cp_late_share")}
columns = st.columns(2)
for column, (key, title) in zip(columns, measures.items()):
    data = rows[["country", key]].assign(country=rows["country"].map(country_name))
    reported = data.dropna()
    with column:
        if reported.empty:
            empty(t("cp_none").format(what=title))
        else:
            chart(charts.bars(reported, "country", key, title, title, text=".1%", y_format=".0%",
                              horizontal=len(reported) > UPRIGHT_BARS), f"compare_{key}", (scope, "plans"))
        missing = data[data[key].isna()]["country"].tolist()
        if missing:
            st.caption(t("cp_missing").format(countries=", ".join(missing)))
for key in STAGES:
    data = rows[["country", key, f"{key}_figures"]].assign(country=rows["country"].map(country_name))
    reported = data[data[key].notna()]
    if not reported.empty and len(reported) > 1:
        chart(charts.bars(reported, "country", key, t(f"ov_short_{key}"), t("count"),
                          horizontal=len(reported) > UPRIGHT_BARS), f"compare_{key}", (scope, "indicators"))
