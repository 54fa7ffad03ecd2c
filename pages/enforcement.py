"""Enforcement and assistance: each country's latest stated figures, the sex split, every figure with its source.

A figure is what one source states (its total, or its declared parts added); figures of
different sources for one indicator and period are shown each with its source, never
added, because they may overlap.
"""

import streamlit as st

from dashboard import charts, derived, metrics, queries
from dashboard.filters import current
from dashboard.i18n import indicator, lang, t
from dashboard.listings import Listing
from dashboard.ui import chart, empty, ignored_filters, localize, paged

CHAIN = ["cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted"]
ASSISTANCE = ["victims_identified", "victims_assisted", "victims_rescued", "victims_returned",
              "victims_reintegrated", "children_withdrawn"]

MOST_BARS = 48  # more bars than a reader can see on a projector are left to the table

scope, _ = current()
st.title(t("page_enforcement"))
ignored_filters(scope, {key: "why_counts_not_tied" for key in ("plan", "axis", "effect", "lead", "partner",
                                                                 "priority")})
if not queries.has_indicators(scope):
    empty()
    st.stop()
st.caption(t("en_latest_note"))


def side_by_side(keys: list[str], title: str, name: str) -> None:
    rows = derived.labelled_figures(scope, tuple(keys), lang())
    if rows.empty:
        empty(t("en_none_for").format(what=title))
        return
    rows = rows.sort_values("indicator", key=lambda s: s.map({k: i for i, k in enumerate(keys)}), kind="stable")
    if len(rows) > MOST_BARS:
        st.caption(t("en_bars_hidden").format(shown=MOST_BARS, total=len(rows)))
        rows = rows.head(MOST_BARS)
    # Long labels (indicator and source) read across, down the side.
    chart(charts.bars(rows, "label", "value", title, t("count"), color="period_label", horizontal=True), name,
          (scope, "indicators"))


st.subheader(t("en_chain"))
st.warning(t("enf_caveat"), icon=":material/info:")
side_by_side(CHAIN, t("en_chain"), "enforcement_stages")

st.subheader(t("en_assistance"))
side_by_side(ASSISTANCE, t("en_assistance"), "assistance")
st.caption(t("en_not_added_note"))

st.subheader(t("en_by_sex"))
split = queries.sex_split(scope, tuple(CHAIN + ASSISTANCE + ["actors_trained"]), MOST_BARS)
if split.empty:
    empty(t("en_none_for").format(what=t("en_by_sex")))
else:
    if (counts := int(split["counts_in_all"].iloc[0])) > len(split):
        st.caption(t("en_bars_hidden").format(shown=len(split), total=counts))
    # One bar per count: indicator, age group and source tell counts apart.
    split = split.assign(label=[
        charts.wrap(" · ".join(part for part in (indicator(i), "" if a == "all" else t(a), metrics.short_source(src))
                               if part), 60, lines=8)
        for i, a, src in zip(split["indicator"], split["age_group"], split["source"])])
    long = split.melt(id_vars=["label"], value_vars=["F", "M", "not_disaggregated"], var_name="sex",
                      value_name="value")
    long = long[long["value"] > 0].assign(sex=lambda f: f["sex"].map(t))
    colors = {t(k): v for k, v in charts.SEX_COLORS.items()}
    chart(charts.stacked_rows(long, "label", "value", "sex", t("en_by_sex"), t("count"), colors), "by_sex",
          (scope, "indicators"))
    st.caption(t("en_sex_note"))

st.subheader(t("en_sources"))
st.caption(t("en_sources_note"))
paged(Listing("indicator_values", scope),
      lambda rows: localize(rows.assign(label=rows["indicator"].map(indicator)),
                            ["country", "period_start", "period_end", "theme", "label", "sex", "age_group", "value",
                             "source", "organisation", "comment"],
                            {"period_start": t("en_start"), "period_end": t("en_end"), "theme": t("en_theme"),
                             "label": t("indicator")}),
      scope, "indicator_values", t("en_sources"))
