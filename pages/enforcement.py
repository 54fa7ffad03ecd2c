"""Enforcement and assistance: stages side by side, assistance, sex split, sources, trends."""

import streamlit as st

from dashboard import charts, metrics, queries
from dashboard.filters import country_name, current
from dashboard.i18n import indicator, period, t
from dashboard.ui import chart, empty, table

CHAIN = ["cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted"]
ASSISTANCE = ["victims_identified", "victims_assisted", "victims_rescued", "victims_returned",
              "victims_reintegrated", "children_withdrawn"]

scope, _ = current()
st.title(t("page_enforcement"))
ignored = [t(label) for label, values in (("f_axis", scope.axes), ("f_effect", scope.effects), ("f_lead", scope.leads),
                                          ("f_partner", scope.partners), ("f_priority", scope.priorities)) if values]
if ignored:
    st.caption(t("en_filters_ignored").format(filters=", ".join(ignored)))
values = queries.indicators(scope)
if values.empty:
    empty()
    st.stop()

values = values.assign(
    period_label=[f"{country_name(c)} · {period(s, e)}" for c, s, e in
                  zip(values["country"], values["period_start"], values["period_end"])],
    label=values["indicator"].map(indicator))
totals = values[values["sex"] == "total"]


def side_by_side(keys: list[str], title: str, name: str) -> None:
    rows = totals[totals["indicator"].isin(keys)]
    if rows.empty:
        empty(t("en_none_for").format(what=title))
        return
    summed = rows.groupby(["period_label", "indicator", "label"], as_index=False)["value"].sum()
    summed = summed.sort_values("indicator", key=lambda s: s.map({k: i for i, k in enumerate(keys)}))
    chart(charts.bars(summed, "label", "value", title, t("count"), color="period_label"), name)


st.subheader(t("en_chain"))
st.warning(t("enf_caveat"), icon=":material/info:")
side_by_side(CHAIN, t("en_chain"), "enforcement_stages")

st.subheader(t("en_assistance"))
side_by_side(ASSISTANCE, t("en_assistance"), "assistance")
st.caption(t("en_summed_note"))

st.subheader(t("en_by_sex"))
split = metrics.sex_split(values[values["indicator"].isin(CHAIN + ASSISTANCE + ["actors_trained"])])
if split.empty:
    empty(t("en_none_for").format(what=t("en_by_sex")))
else:
    # One bar per count: indicator, age group and source tell counts apart.
    split = split.assign(label=[
        charts.wrap(" · ".join(part for part in (indicator(i), "" if a == "all" else t(a), metrics.short_source(src)) if part), 60)
        for i, a, src in zip(split["indicator"], split["age_group"], split["source"])])
    long = split.melt(id_vars=["label"], value_vars=["F", "M", "not_disaggregated"], var_name="sex",
                      value_name="value")
    long = long[long["value"] > 0].assign(sex=lambda f: f["sex"].map(t))
    colors = {t(k): v for k, v in charts.SEX_COLORS.items()}
    chart(charts.stacked_rows(long, "label", "value", "sex", t("en_by_sex"), t("count"), colors), "by_sex")
    st.caption(t("en_sex_note"))

periods = values.groupby(["country", "indicator"])["period_end"].nunique()
if (periods > 1).any():
    st.subheader(t("en_trends"))
    several = periods[periods > 1].reset_index()[["country", "indicator"]]
    trend_rows = totals.merge(several, on=["country", "indicator"])
    trend_rows = trend_rows.groupby(["country", "label", "period_end"], as_index=False)["value"].sum()
    trend_rows["label"] = trend_rows["country"].map(country_name) + " · " + trend_rows["label"]
    chart(charts.trend(trend_rows, t("en_trends")), "trends")

st.subheader(t("en_sources"))
st.caption(t("en_sources_note"))
shown = values.assign(country=values["country"].map(country_name), sex=values["sex"].map(
    lambda s: t("total_sex") if s == "total" else t(s)), age_group=values["age_group"].map(
    lambda a: t("all_ages") if a == "all" else t(a)))
table(shown[["country", "period_start", "period_end", "theme", "label", "sex", "age_group", "value", "source",
             "organisation", "comment"]].rename(columns={
                 "period_start": t("en_start"), "period_end": t("en_end"), "theme": t("en_theme"),
                 "label": t("indicator"), **{k: t(k) for k in ("country", "sex", "age_group", "value", "source",
                                                               "organisation", "comment")}}),
      scope, "indicator_values", t("en_sources"))
