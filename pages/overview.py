"""Overview: funding, actions, unallocated funds, latest enforcement, data-quality count."""

import streamlit as st

from dashboard import metrics, queries
from dashboard.filters import country_name, current, describe
from dashboard.i18n import indicator, money, money_card, number, period, t
from dashboard.money import convert
from dashboard.ui import empty, funding_metrics

scope, display = current()
st.title(t("page_overview"))
st.caption(" · ".join(f"{name} : {values}" for name, values in describe(scope)) or t("ov_all_data"))

actions = convert(queries.actions(scope), ["estimated_cost", "funds_available"], display.currency,
                  display.usd_per_eur)
if actions.empty:
    empty()
else:
    totals = metrics.funding_totals(actions)
    cur = display.currency
    funding_metrics(totals, cur, {"estimated": t("ov_estimated_help"), "coverage": t("ov_coverage_help")})
    c5, c6, c7, c8 = st.columns(4)
    c5.metric(t("actions"), number(totals.actions), border=True)
    c6.metric(t("not_costed_count"), number(totals.not_costed), border=True)
    c7.metric(t("pooled_count"), number(totals.pooled), border=True)
    unallocated = convert(queries.unallocated_funds(scope), ["unallocated_funds"], cur, display.usd_per_eur)
    unallocated_total = float(unallocated["unallocated_funds"].sum()) if not unallocated.empty else 0.0
    c8.metric(t("unallocated"), money_card(unallocated_total, cur), border=True,
              help=f"{money(unallocated_total, cur)}. {t('ov_unallocated_help')}")
    for row in unallocated.itertuples():
        st.caption(t("ov_unallocated_line").format(plan=row.plan, amount=money(row.unallocated_funds, cur),
                                                     source=row.unallocated_source or ""))

st.subheader(t("ov_enforcement"))
chain = ["cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted"]
latest = metrics.latest_per_country(queries.indicators(scope), chain)
if latest.empty:
    empty(t("ov_no_enforcement"))
else:
    for country, rows in latest.groupby("country", sort=False):
        first = rows.iloc[0]
        st.markdown(f"**{country_name(country)}** · {period(first.period_start, first.period_end)}")
        columns = st.columns(len(chain))
        for column, key in zip(columns, chain):
            match = rows[rows["indicator"] == key]
            value = number(match["value"].iloc[0]) if not match.empty else "—"
            note = t("ov_summed").format(n=int(match["rows"].iloc[0])) if not match.empty and \
                match["rows"].iloc[0] > 1 else None
            help_text = " ".join(part for part in (indicator(key), note) if part)
            column.metric(t(f"ov_short_{key}"), value, border=True, help=help_text)
    st.caption(t("enf_caveat"))

issues = queries.issue_count()
st.subheader(t("page_quality"))
st.markdown(t("ov_issues").format(n=number(issues)))
st.page_link("pages/data_quality.py", label=t("ov_issues_link"), icon=":material/rule:",
             query_params=dict(st.query_params))
