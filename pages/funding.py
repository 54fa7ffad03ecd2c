"""Funding: available vs estimated by axis and effect, the gap down to actions, and what is not costed."""

import streamlit as st

from dashboard import charts, metrics, queries
from dashboard.filters import current
from dashboard.i18n import money, number, t
from dashboard.money import convert
from dashboard.ui import chart, empty, funding_metrics, localize, table

scope, display = current()
cur = display.currency
st.title(t("page_funding"))
st.caption(t("fu_intro").format(currency=cur))

actions = convert(queries.actions(scope), ["estimated_cost", "funds_available"], cur, display.usd_per_eur)
if actions.empty:
    empty()
    st.stop()

totals = metrics.funding_totals(actions)
funding_metrics(totals, cur)

costed = actions[actions["cost_status"] == "costed"]
if costed.empty:
    empty(t("fu_nothing_costed").format(n=number(len(actions))))
else:
    axis_labels, effect_labels = queries.axis_labels(), queries.effect_labels()
    by_axis = metrics.funding_by(costed, ["axis"])
    by_axis["axis"] = by_axis["axis"].map(lambda a: axis_labels.get(a, a))
    chart(charts.estimated_vs_available(by_axis, "axis", t("fu_by_axis"), cur), "funding_by_axis")
    by_effect = metrics.funding_by(costed, ["effect"])
    by_effect["effect"] = by_effect["effect"].fillna(t("fu_no_effect")).map(lambda e: effect_labels.get(e, e))
    chart(charts.estimated_vs_available(by_effect, "effect", t("fu_by_effect"), cur), "funding_by_effect")

    tree = metrics.funding_by(costed, ["axis", "effect", "action_code", "action"])
    tree["axis"] = tree["axis"].map(lambda a: axis_labels.get(a, a))
    tree["effect"] = tree["effect"].map(lambda e: effect_labels.get(e, e) if e else t("fu_no_effect"))
    tree["action"] = tree["action_code"] + " · " + tree["action"]
    chart(charts.gap_treemap(tree, t("fu_gap_tree"), cur), "funding_gap_breakdown")

    st.subheader(t("fu_ranked"))
    ranked = costed.assign(gap=costed["estimated_cost"] - costed["funds_available"].fillna(0),
                           priority=costed["priority"].map(lambda p: t("no_priority" if p == "none" else p)))
    ranked = ranked.sort_values("gap", ascending=False)
    # Figures before the long texts: they stay in view on a projector.
    columns = ["country", "action_code", "gap", "estimated_cost", "funds_available", "action", "priority", "lead",
               "partners", "funding_source", "plan"]
    table(localize(ranked, columns, {"estimated_cost": t("estimated"), "funds_available": t("available")}),
          scope, "actions_by_gap", t("fu_ranked"),
          column_config={t(k): st.column_config.NumberColumn(f"{t(k)} ({cur})", format="localized")
                         for k in ("gap", "estimated", "available")})

    st.subheader(t("fu_breakdown"))
    dimensions = {"lead": t("lead"), "partners": t("partners"), "priority": t("priority"), "country": t("country")}
    dimension = st.segmented_control(t("fu_breakdown_by"), list(dimensions), format_func=dimensions.get,
                                     default="lead", required=True, key="breakdown")
    breakdown = metrics.funding_breakdown(costed, dimension)
    if dimension == "partners":
        st.caption(t("fu_partners_overlap"))
    if dimension == "priority":
        breakdown["priority"] = breakdown["priority"].map(lambda p: t("no_priority" if p == "none" else p))
    table(localize(breakdown, [dimension, "actions", "estimated_cost", "funds_available", "gap", "coverage"],
                   {"estimated_cost": t("estimated"), "funds_available": t("available")}),
          scope, f"funding_by_{dimension}", t("fu_breakdown"),
          column_config={**{t(k): st.column_config.NumberColumn(f"{t(k)} ({cur})", format="localized")
                            for k in ("gap", "estimated", "available")},
                         t("coverage"): st.column_config.NumberColumn(format="percent")})

not_costed = actions[actions["cost_status"] == "to_be_defined"]
pooled = actions[actions["cost_status"] == "pooled"]
st.subheader(t("fu_not_costed").format(n=number(len(not_costed))))
if not_costed.empty:
    st.caption(t("fu_none"))
else:
    st.caption(t("fu_not_costed_note"))
    table(localize(not_costed, ["country", "action_code", "action", "horizon", "lead", "partners", "plan"]),
          scope, "actions_not_costed", t("fu_not_costed").format(n=len(not_costed)))
st.subheader(t("fu_pooled").format(n=number(len(pooled))))
if pooled.empty:
    st.caption(t("fu_none"))
else:
    table(localize(pooled, ["country", "action_code", "pooled_with", "action", "lead", "plan"]),
          scope, "actions_pooled", t("fu_pooled").format(n=len(pooled)))

unallocated = convert(queries.unallocated_funds(scope), ["unallocated_funds"], cur, display.usd_per_eur)
if not unallocated.empty:
    st.subheader(t("unallocated"))
    st.caption(t("ov_unallocated_help"))
    for row in unallocated.itertuples():
        st.markdown(t("ov_unallocated_line").format(plan=row.plan, amount=money(row.unallocated_funds, cur),
                                                      source=row.unallocated_source or ""))
