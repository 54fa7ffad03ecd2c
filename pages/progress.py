"""Progress: latest status per action, by axis, the history, and actions with no status."""

import streamlit as st

from dashboard import derived, figures
from dashboard.filters import current
from dashboard.i18n import kinds_phrase, lang, number, t
from dashboard import listings
from dashboard.listings import Listing
from dashboard.ui import cards, chart, empty, localize, paged

ORDER = ["completed", "in_progress", "planned", "not_started", "no_status"]

scope, _ = current()
st.title(t("page_progress"))
counts_by_kind = derived.status_counts(scope)
if not counts_by_kind:
    empty()
    st.stop()
# A plan's actions and a compact's illustrative activities are counted apart, never added.
for kind, counts in counts_by_kind.items():
    if len(counts_by_kind) > 1:
        st.markdown(f"**{t(f'kind_rows_{kind}')}**")
    suffix = "" if kind == "plan" else f" · {t('kind_rows_compact').lower()}"
    cards([(t(key) + suffix, number(counts.get(key, 0)), None) for key in ORDER])

drawn, total = figures.plans_drawn(scope)
if drawn < total:
    st.caption(t("pr_plans_hidden").format(shown=number(drawn), total=number(total)))
for number_, (figure, plan_scope) in enumerate(figures.progress_by_plan(scope, lang())):
    chart(figure, f"status_by_axis_{number_}" if number_ else "status_by_axis", (plan_scope, "status"))

st.subheader(t("pr_latest"))
if all(set(counts) <= {"no_status"} for counts in counts_by_kind.values()):
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

missing = {kind: counts["no_status"] for kind, counts in counts_by_kind.items() if counts.get("no_status")}
st.subheader(t("pr_missing").format(rows=kinds_phrase(missing) or t("none_f")))
if missing:
    paged(Listing("no_status", scope), lambda rows: localize(
        rows, ["country", "action_code", "action", "lead", "plan_kind", "plan"]),
        scope, "actions_without_status", t("no_status"))
