"""Progress: latest status per action, by axis, the history, and actions with no status."""

import streamlit as st

from dashboard import charts, queries
from dashboard.filters import current
from dashboard.i18n import number, t
from dashboard.ui import chart, empty, localize, table

ORDER = ["completed", "in_progress", "planned", "not_started", "no_status"]

scope, _ = current()
st.title(t("page_progress"))
status = queries.current_status(scope)
if status.empty:
    empty()
    st.stop()

counts = status.groupby("status", as_index=False).size().rename(columns={"size": "count"})
columns = st.columns(len(ORDER))
for column, key in zip(columns, ORDER):
    match = counts[counts["status"] == key]
    column.metric(t(key), number(int(match["count"].iloc[0]) if not match.empty else 0), border=True)

axis_labels = queries.axis_labels()
by_axis = status.groupby(["axis", "status"], as_index=False, sort=False).size().rename(columns={"size": "count"})
by_axis = by_axis.assign(axis=by_axis["axis"].map(lambda a: charts.wrap(axis_labels.get(a, a), 50)),
                         status=by_axis["status"].map(t))
by_axis = by_axis.sort_values("status", key=lambda s: s.map({t(k): i for i, k in enumerate(ORDER)}))
colors = {t(k): v for k, v in charts.STATUS_COLORS.items()}
plan_order = [charts.wrap(axis_labels.get(a, a), 50) for a in status["axis"].drop_duplicates()]
chart(charts.stacked_rows(by_axis, "axis", "count", "status", t("pr_by_axis"), t("actions"), colors, plan_order, 60),
      "status_by_axis")

reported = status[status["status"] != "no_status"]
st.subheader(t("pr_latest"))
if reported.empty:
    empty(t("pr_none_reported"))
else:
    table(localize(reported, ["country", "action_code", "status", "as_of", "action", "comment", "source", "plan"]),
          scope, "latest_status", t("pr_latest"))

st.subheader(t("pr_history"))
history = queries.status_history(scope)
if history.empty:
    empty(t("pr_none_reported"))
else:
    table(localize(history, ["country", "action_code", "as_of", "status", "action", "comment", "source", "plan"]),
          scope, "status_history", t("pr_history"))

missing = status[status["status"] == "no_status"]
st.subheader(t("pr_missing").format(n=number(len(missing))))
if not missing.empty:
    table(localize(missing, ["country", "action_code", "action", "lead", "plan"]),
          scope, "actions_without_status", t("pr_missing").format(n=len(missing)))
