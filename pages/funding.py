"""Funding: available vs estimated by axis and effect, the gap down to actions, and what is not costed."""

import streamlit as st

from dashboard import charts, metrics, queries
from dashboard.filters import current
from dashboard.i18n import kinds_phrase, money, t
from dashboard.money import convert
from dashboard.safe import md
from dashboard.ui import chart, empty, funding_metrics, localize, table, years_caption

scope, display = current()
cur = display.currency
st.title(t("page_funding"))
st.caption(t("fu_intro").format(currency=cur))

actions = convert(queries.actions(scope), ["estimated_cost", "funds_available"], cur, display.usd_per_eur)
if actions.empty:
    years_caption(scope)
    empty()
    st.stop()

totals = metrics.funding_totals(actions)
funding_metrics(totals, cur)
years_caption(scope)
amount_columns = {t(k): st.column_config.NumberColumn(f"{t(k)} ({cur})") for k in ("gap", "estimated", "available")}

costed = actions[actions["cost_status"] == "costed"]
if costed.empty:
    empty(t("fu_nothing_costed").format(rows=kinds_phrase(totals.rows)))
else:
    axis_labels, effect_labels = queries.axis_labels(), queries.effect_labels()
    # Every axis and effect in scope, costed or not: one with nothing costed reads "not costed", not 0.
    by_axis = metrics.funding_by(actions, ["axis"])
    by_axis["axis"] = by_axis["axis"].map(lambda a: axis_labels.get(a, a))
    chart(charts.estimated_vs_available(by_axis, "axis", t("fu_by_axis"), cur), "funding_by_axis")
    by_effect = metrics.funding_by(actions, ["effect"])
    by_effect["effect"] = by_effect["effect"].map(lambda e: effect_labels.get(e, e) if isinstance(e, str)
                                                  else t("fu_no_effect"))
    chart(charts.estimated_vs_available(by_effect, "effect", t("fu_by_effect"), cur), "funding_by_effect")

    tree = metrics.funding_by(costed, ["axis", "effect", "action_code", "action"])
    tree["axis"] = tree["axis"].map(lambda a: axis_labels.get(a, a))
    tree["effect"] = tree["effect"].map(lambda e: effect_labels.get(e, e) if isinstance(e, str) else t("fu_no_effect"))
    tree["action"] = tree["action_code"] + " · " + tree["action"]
    chart(charts.gap_treemap(tree, t("fu_gap_tree"), cur), "funding_gap_breakdown")

    st.subheader(t("fu_ranked"))
    ranked = costed.assign(gap=costed["estimated_cost"] - costed["funds_available"].fillna(0))
    ranked = ranked.sort_values("gap", ascending=False)
    # Figures before the long texts: they stay in view on a projector.
    columns = ["country", "action_code", "gap", "estimated_cost", "funds_available", "action", "priority", "lead",
               "partners", "funding_source", "plan"]
    table(localize(ranked, columns, {"estimated_cost": t("estimated"), "funds_available": t("available")}),
          scope, "actions_by_gap", t("fu_ranked"), column_config=amount_columns)

    st.subheader(t("fu_breakdown"))
    dimensions = {"lead": t("lead"), "partners": t("partners"), "priority": t("priority"), "country": t("country")}
    dimension = st.segmented_control(t("fu_breakdown_by"), list(dimensions), format_func=dimensions.get,
                                     default="lead", required=True, key="breakdown")
    breakdown = metrics.funding_breakdown(actions, dimension)
    if dimension == "partners":
        st.caption(t("fu_partners_overlap"))
    row_columns = [c for c in breakdown.columns if c.startswith("rows_")]
    table(localize(breakdown, [dimension, *row_columns, "estimated_cost", "funds_available", "gap", "coverage",
                               "not_costed"],
                   {"estimated_cost": t("estimated"), "funds_available": t("available"),
                    "not_costed": t("not_costed_col"), **{c: t(f"kind_{c}") for c in row_columns}}),
          scope, f"funding_by_{dimension}", t("fu_breakdown"), column_config=amount_columns,
          percents=(t("coverage"),))
    st.caption(t("fu_blank_is_not_costed"))

not_costed = actions[actions["cost_status"] == "to_be_defined"]
pooled = actions[actions["cost_status"] == "pooled"]
st.subheader(t("fu_not_costed").format(rows=kinds_phrase(totals.not_costed) or t("none_f")))
if not_costed.empty:
    st.caption(t("fu_none"))
else:
    st.caption(t("fu_not_costed_note"))
    table(localize(not_costed, ["country", "action_code", "action", "plan_kind", "horizon", "lead", "partners",
                                "plan"]),
          scope, "actions_not_costed", t("not_costed_col"))
st.subheader(t("fu_pooled").format(rows=kinds_phrase(totals.pooled) or t("none_f")))
if pooled.empty:
    st.caption(t("fu_none"))
else:
    table(localize(pooled, ["country", "action_code", "pooled_with", "action", "lead", "plan"]),
          scope, "actions_pooled", t("pooled_count"))

unallocated = convert(queries.unallocated_funds(scope), ["unallocated_funds"], cur, display.usd_per_eur)
if not unallocated.empty:
    st.subheader(t("unallocated"))
    st.caption(t("ov_unallocated_help"))
    for row in unallocated.itertuples():
        st.markdown(t("ov_unallocated_line").format(plan=md(row.plan), amount=md(money(row.unallocated_funds, cur)),
                                                      source=md(row.unallocated_source)))
