"""Overview: funding, actions per plan kind, unallocated funds, latest enforcement, data-quality count."""

import streamlit as st

from dashboard import derived, metrics, queries
from dashboard.filters import country_name, current, describe
from dashboard.i18n import indicator, lang, money, number, period, t
from dashboard.money import convert
from dashboard.safe import md
from dashboard.ui import cards, empty, funding_metrics, ignored_filters, row_counts, years_caption

CHAIN = ["cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted"]

scope, display = current()
st.title(t("page_overview"))
st.caption(md(" · ".join(f"{name} : {values}" for name, values in describe(scope))) or t("ov_all_data"))

cur = display.currency
view = derived.funding(scope, cur, display.usd_per_eur)
if view["empty"]:
    empty()
else:
    totals = view["totals"]
    funding_metrics(totals, cur, {"estimated": t("ov_estimated_help"), "coverage": t("ov_coverage_help")})
    unallocated = convert(queries.unallocated_funds(scope), ["unallocated_funds"], cur, display.usd_per_eur)
    unallocated_total = float(unallocated["unallocated_funds"].sum()) if not unallocated.empty else 0.0
    row_counts(totals, unallocated_total, cur, f"{md(money(unallocated_total, cur))}. {t('ov_unallocated_help')}")
    for row in unallocated.itertuples():
        st.caption(t("ov_unallocated_line").format(plan=md(row.plan), amount=md(money(row.unallocated_funds, cur)),
                                                     source=md(row.unallocated_source)))
years_caption(scope)

st.subheader(t("ov_enforcement"))
ignored_filters(scope, {key: "why_counts_not_tied" for key in ("plan", "axis", "effect", "lead", "partner",
                                                                 "priority")})
latest = queries.stated_figures(scope, tuple(CHAIN), latest=True)
CARDS_UP_TO = 3  # countries shown as cards; more read better as one table


if latest.empty:
    empty(t("ov_no_enforcement"))
elif latest["country"].nunique() > CARDS_UP_TO:
    st.dataframe(derived.latest_stages(scope, tuple(CHAIN), lang()), hide_index=True)
    st.caption(t("ov_figures_table_note"))
    st.caption(t("enf_caveat"))
else:
    for country, rows in latest.groupby("country", sort=False):
        first = rows.iloc[0]
        st.markdown(f"**{md(country_name(country))}** · {period(first.period_start, first.period_end)}")
        several = [(key, rows[rows["indicator"] == key]) for key in CHAIN
                   if (rows["indicator"] == key).sum() > 1]
        cards([(t(f"ov_short_{key}"), derived.stage_value(rows[rows["indicator"] == key]), indicator(key))
               for key in CHAIN])
        for key, figures in several:
            listed = " ; ".join(f"{number(f.value)} ({md(metrics.short_source(f.source))})"
                                for f in figures.itertuples())
            st.caption(t("ov_not_added").format(indicator=indicator(key), country=country_name(country),
                                                figures=listed))
    st.caption(t("enf_caveat"))

st.subheader(t("page_quality"))
ignored_filters(scope, {key: "why_issues_files" for key in ("axis", "effect", "lead", "partner", "priority",
                                                              "year")})
st.markdown(t("ov_issues").format(n=number(queries.issue_count(scope))))
st.page_link("pages/data_quality.py", label=t("ov_issues_link"), icon=":material/rule:",
             query_params=dict(st.query_params))
