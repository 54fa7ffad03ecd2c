"""Countries side by side: coverage, share of actions late, actions not costed, and the
latest counts per stage with their period. What a country does not report reads
"not reported", never 0."""

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import figures, trend_queries
from dashboard.filters import country_name, current, describe
from dashboard.i18n import lang, number, percent, period, t
from dashboard.safe import md
from dashboard.ui import chart, empty, ignored_filters, table

STAGES = trend_queries.CHAIN

scope, _ = current()
st.title(t("page_compare"))
st.caption(md(" · ".join(f"{name} : {values}" for name, values in describe(scope))) or t("ov_all_data"))
ignored_filters(scope, {key: "why_counts_only" for key in ("plan", "axis", "effect", "lead", "partner", "priority")})
today = dt.date.today()
rows = trend_queries.countries_side_by_side(scope, today)
if rows.empty:
    empty()
    st.stop()
st.caption(t("cp_note"))


def stage_text(value, sources) -> str:
    if sources > 1:
        return t("ov_figures_count").format(n=sources)
    return t("cp_not_reported") if pd.isna(value) else number(value)


def side_by_side() -> pd.DataFrame:
    return pd.DataFrame({
        t("country"): rows["country"].map(country_name),
        t("coverage"): [t("to_be_defined_card") if pd.isna(c) else percent(c) for c in rows["coverage"]],
        t("cp_late_share"): ["—" if pd.isna(v) else percent(v) for v in rows["late_share"]],
        t("kind_not_costed_plan"): ["—" if pd.isna(v) else number(v) for v in rows["not_costed"]],
        **{t(f"ov_short_{s}"): [stage_text(v, n) for v, n in zip(rows[s], rows[f"{s}_figures"])] for s in STAGES},
        t("period"): [t("cp_not_reported") if pd.isna(s) else period(s, e)
                      for s, e in zip(rows["period_start"], rows["period_end"])],
    })


table(side_by_side, scope, "countries_side_by_side", t("page_compare"), key=(scope, today))

columns = st.columns(2)
for column, key in zip(columns, ("coverage", "late_share")):
    with column:
        figure = figures.compare_measure(scope, today, key, lang())
        if figure is None:
            empty(t("cp_none").format(what=t("coverage" if key == "coverage" else "cp_late_share")))
        else:
            chart(figure, f"compare_{key}", (scope, "plans"))
        missing = rows.loc[rows[key].isna(), "country"].map(country_name).tolist()
        if missing:
            st.caption(t("cp_missing").format(countries=", ".join(missing)))
for key in STAGES:
    figure = figures.compare_measure(scope, today, key, lang())
    if figure is not None:
        chart(figure, f"compare_{key}", (scope, "indicators"))
