"""Funding: available vs estimated by axis and effect, the gap down to actions, and what is not costed."""

import streamlit as st

from dashboard import derived, figures, queries
from dashboard.filters import current
from dashboard.i18n import kinds_phrase, lang, money, number, t
from dashboard.money import convert
from dashboard.safe import md
from dashboard.listings import Listing
from dashboard.ui import chart, empty, funding_metrics, localize, paged, table, years_caption

scope, display = current()
cur = display.currency
st.title(t("page_funding"))
st.caption(t("fu_intro").format(currency=cur))

view = derived.funding(scope, cur, display.usd_per_eur)
if view["empty"]:
    years_caption(scope)
    empty()
    st.stop()

totals = view["totals"]
funding_metrics(totals, cur)
years_caption(scope)
amount_columns = {t(k): st.column_config.NumberColumn(f"{t(k)} ({cur})") for k in ("gap", "estimated", "available")}

if not totals.costed:
    empty(t("fu_nothing_costed").format(rows=kinds_phrase(totals.rows)))
else:
    # Every axis and effect in scope, costed or not: one with nothing costed reads "not costed", not 0.
    for by, figure in (("by_axis", figures.funding_by_axis), ("by_effect", figures.funding_by_effect)):
        if cut := figures.levels_cut(view, by):
            st.caption(cut)
        chart(figure(scope, cur, display.usd_per_eur, lang()), f"funding_{by}", (scope, "plans"))
    if view["tree_total"] > len(view["tree"]):
        st.caption(t("fu_tree_cut").format(shown=number(len(view["tree"])), total=number(view["tree_total"])))
    chart(figures.funding_gap_breakdown(scope, cur, display.usd_per_eur, lang()), "funding_gap_breakdown",
          (scope, "plans"))

    st.subheader(t("fu_ranked"))
    # Figures before the long texts: they stay in view on a projector.
    columns = ["country", "action_code", "gap", "estimated_cost", "funds_available", "action", "priority", "lead",
               "partners", "funding_source", "plan"]
    paged(Listing("ranked_actions", scope, cur, display.usd_per_eur),
          lambda rows: localize(rows, columns, {"estimated_cost": t("estimated"), "funds_available": t("available")}),
          scope, "actions_by_gap", t("fu_ranked"), column_config=amount_columns)

    st.subheader(t("fu_breakdown"))
    dimensions = {"lead": t("lead"), "partners": t("partners"), "priority": t("priority"), "country": t("country")}
    dimension = st.segmented_control(t("fu_breakdown_by"), list(dimensions), format_func=dimensions.get,
                                     default="lead", required=True, key="breakdown")
    if dimension == "partners":
        st.caption(t("fu_partners_overlap"))

    def breakdown_table():
        breakdown = derived.breakdown(scope, cur, display.usd_per_eur, dimension)
        row_columns = [c for c in breakdown.columns if c.startswith("rows_")]
        return localize(breakdown, [dimension, *row_columns, "estimated_cost", "funds_available", "gap", "coverage",
                                    "not_costed"],
                        {"estimated_cost": t("estimated"), "funds_available": t("available"),
                         "not_costed": t("not_costed_col"), **{c: t(f"kind_{c}") for c in row_columns}})
    table(breakdown_table, scope, f"funding_by_{dimension}", t("fu_breakdown"), column_config=amount_columns,
          percents=(t("coverage"),), key=(scope, cur, display.usd_per_eur))
    st.caption(t("fu_blank_is_not_costed"))

st.subheader(t("fu_not_costed").format(rows=kinds_phrase(totals.not_costed) or t("none_f")))
if not view["not_costed"]:
    st.caption(t("fu_none"))
else:
    st.caption(t("fu_not_costed_note"))
    paged(Listing("not_costed", scope), lambda rows: localize(rows, ["country", "action_code", "action", "plan_kind",
                                                                    "horizon", "lead", "partners", "plan"]),
          scope, "actions_not_costed", t("not_costed_col"))
st.subheader(t("fu_pooled").format(rows=kinds_phrase(totals.pooled) or t("none_f")))
if not view["pooled"]:
    st.caption(t("fu_none"))
else:
    paged(Listing("pooled", scope), lambda rows: localize(rows, ["country", "action_code", "pooled_with", "action",
                                                                "lead", "plan"]),
          scope, "actions_pooled", t("pooled_count"))

unallocated = convert(queries.unallocated_funds(scope), ["unallocated_funds"], cur, display.usd_per_eur)
if not unallocated.empty:
    st.subheader(t("unallocated"))
    st.caption(t("ov_unallocated_help"))
    for row in unallocated.itertuples():
        st.markdown(t("ov_unallocated_line").format(plan=md(row.plan), amount=md(money(row.unallocated_funds, cur)),
                                                      source=md(row.unallocated_source)))
