"""Progress: latest status per action, by axis, the history, and actions with no status."""

import streamlit as st

from dashboard import figures, queries
from dashboard.filters import current
from dashboard.i18n import kinds_phrase, lang, number, t
from dashboard import listings
from dashboard.listings import Listing
from dashboard.ui import cards, chart, empty, localize, paged

ORDER = ["completed", "in_progress", "planned", "not_started", "no_status"]

scope, _ = current()
st.title(t("page_progress"))
status = queries.current_status(scope)
if status.empty:
    empty()
    st.stop()

# A plan's actions and a compact's illustrative activities are counted apart, never added.
for kind, rows in status.groupby("plan_kind", sort=False):
    if status["plan_kind"].nunique() > 1:
        st.markdown(f"**{t(f'kind_rows_{kind}')}**")
    counts = rows["status"].value_counts()
    suffix = "" if kind == "plan" else f" · {t('kind_rows_compact').lower()}"
    cards([(t(key) + suffix, number(int(counts.get(key, 0))), None) for key in ORDER])

for number_, (figure, plan_scope) in enumerate(figures.progress_by_plan(scope, lang())):
    chart(figure, f"status_by_axis_{number_}" if number_ else "status_by_axis", (plan_scope, "status"))

st.subheader(t("pr_latest"))
if not (status["status"] != "no_status").any():
    empty(t("pr_none_reported"))
else:
    paged(Listing("latest_status", scope), lambda rows: localize(
        rows, ["country", "action_code", "status", "as_of", "action", "comment", "source", "plan"]),
        scope, "latest_status", t("pr_latest"))

st.subheader(t("pr_history"))
history_rows = Listing("status_history", scope)
if not listings.count(history_rows):
    empty(t("pr_none_reported"))
else:
    paged(history_rows, lambda rows: localize(
        rows, ["country", "action_code", "as_of", "status", "action", "comment", "source", "plan"]),
        scope, "status_history", t("pr_history"))

missing = status[status["status"] == "no_status"]
st.subheader(t("pr_missing").format(rows=kinds_phrase(missing["plan_kind"].value_counts().to_dict())
                                    or t("none_f")))
if not missing.empty:
    paged(Listing("no_status", scope), lambda rows: localize(
        rows, ["country", "action_code", "action", "lead", "plan_kind", "plan"]),
        scope, "actions_without_status", t("no_status"))
