"""What a checked file will change, shown before anything is written.

Guarantees: `show(diff)` renders the preview of loaders/diff.py in the active language:
one line counting the changes, then tables of actions added, removed and changed field
by field (old → new), plan-level changes, indicator rows added and replaced (old → new),
statuses added, and the totals before and after per plan and by axis. Workbook text
goes into tables only (never Markdown). Long lists show their first `MOST` rows and say
how many there are. A diff that is the same for everyone (two versions, named by `key`)
has its tables shaped once and shared until the next load.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .filters import country_name
from .i18n import indicator, lang, number, percent, t
from .ui import coded, shaped_once, styled

MOST = 500


def _once(name: str, key: tuple | None, make) -> object:
    """The table `make()` builds, in the active language with its display values: built
    once per `key` (what the diff is: two versions) and shared until the next load, or
    on every run when the diff has no key (a file being checked, in one session)."""
    if key is None:
        return styled(make())
    return shaped_once(f"preview-{name}", key, (), lang(), make)


def _table(rows: list[dict], columns: dict[str, str], name: str, key: tuple | None) -> None:
    if not rows:
        return

    def make() -> pd.DataFrame:
        return _shown(rows[:MOST], columns)
    st.dataframe(_once(name, key, make), hide_index=True)
    if len(rows) > MOST:
        st.caption(t("pv_more").format(shown=number(MOST), total=number(len(rows))))


def _shown(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column in ("country",):
        if column in frame:
            frame[column] = frame[column].map(country_name)
    for column in ("sex", "age_group", "status"):
        if column in frame:
            frame[column] = frame[column].map(lambda v, c=column: coded(c, v))
    if "indicator" in frame:
        frame["indicator"] = frame["indicator"].map(indicator)
    for column in ("old", "new"):
        if column in frame:
            frame[column] = frame[column].map(lambda v: "" if v is None else (
                "; ".join(map(str, v)) if isinstance(v, list) else (number(v) if isinstance(v, (int, float))
                                                                     and not isinstance(v, bool) else str(v))))
    if "field" in frame:
        frame["field"] = frame["field"].map(lambda f: t(f"field_{f}") if t(f"field_{f}") != f"field_{f}" else f)
    return frame[[c for c in columns if c in frame]].rename(columns=columns)


def _totals(totals: dict, key: tuple | None) -> None:
    if totals["after"]:
        st.dataframe(_once("totals", key, lambda: _totals_table(totals)), hide_index=True)


def _totals_table(totals: dict) -> pd.DataFrame:
    rows = []
    for label, after in totals["after"].items():
        before = totals["before"].get(label) or {}
        for axis in sorted(set(after.get("by_axis", {})) | set(before.get("by_axis", {}))):
            old, new = before.get("by_axis", {}).get(axis, {}), after.get("by_axis", {}).get(axis, {})
            rows.append({"plan": label, "axis": axis, **_pair(old, new)})
        rows.append({"plan": label, "axis": t("pv_whole_plan"), **_pair(before, after)})
    return pd.DataFrame(rows).rename(columns={
        "plan": t("plan"), "axis": t("axis"), "estimated": t("pv_estimated"), "available": t("pv_available"),
        "gap": t("pv_gap"), "coverage": t("pv_coverage")})


def _pair(old: dict, new: dict) -> dict:
    def show(key: str) -> str:
        values = [v.get(key) for v in (old, new)]
        text = [("—" if v is None else (percent(v) if key == "coverage" else number(v))) for v in values]
        return text[1] if text[0] == text[1] else f"{text[0]} → {text[1]}"
    return {key: show(key) for key in ("estimated", "available", "gap", "coverage")}


def show(diff: dict, key: tuple | None = None) -> None:
    """The preview of `diff`; `key` names it when it is the same for everyone (two
    versions and the countries they are kept to), so its tables are shaped once."""
    actions, indicators = diff["actions"], diff["indicators"]
    counts = {"added": len(actions["added"]), "removed": len(actions["removed"]),
              "changed": len({(c["plan"], c["code"]) for c in actions["changed"]}),
              "plans": len(diff["plans"]["changed"]), "indicators_added": len(indicators["added"]),
              "indicators_replaced": len(indicators["replaced"]), "statuses": len(diff["statuses"]["added"])}
    st.markdown(t("pv_summary").format(**{k: number(v) for k, v in counts.items()}))
    code_columns = {"country": t("country"), "plan": t("plan"), "code": t("code"), "action": t("action")}
    if actions["changed"]:
        st.markdown(f"**{t('pv_changed')}**")
        _table(actions["changed"], {**code_columns, "field": t("pv_field"), "old": t("pv_old"), "new": t("pv_new")},
               "changed", key)
    if actions["added"]:
        st.markdown(f"**{t('pv_added')}**")
        _table(actions["added"], code_columns, "added", key)
    if actions["removed"]:
        st.markdown(f"**{t('pv_removed')}**")
        _table(actions["removed"], code_columns, "removed", key)
    if diff["plans"]["changed"]:
        st.markdown(f"**{t('pv_plans')}**")
        _table(diff["plans"]["changed"], {"country": t("country"), "plan": t("plan"), "field": t("pv_field"),
                                          "old": t("pv_old"), "new": t("pv_new")}, "plans", key)
    count_columns = {"country": t("country"), "indicator": t("indicator"), "period_start": t("en_start"),
                     "period_end": t("en_end"), "sex": t("sex"), "age_group": t("age_group"), "source": t("source")}
    if indicators["replaced"]:
        st.markdown(f"**{t('pv_replaced')}**")
        _table(indicators["replaced"], {**count_columns, "old": t("pv_old"), "new": t("pv_new")}, "replaced", key)
    if indicators["added"]:
        st.markdown(f"**{t('pv_indicators_added')}**")
        _table(indicators["added"], {**count_columns, "value": t("value")}, "indicators_added", key)
    if diff["statuses"]["added"]:
        st.markdown(f"**{t('pv_statuses')}**")
        _table(diff["statuses"]["added"], {"country": t("country"), "plan": t("plan"), "code": t("code"),
                                           "as_of": t("as_of"), "status": t("status")}, "statuses", key)
    if diff["totals"]["after"]:
        st.markdown(f"**{t('pv_totals')}**")
        _totals(diff["totals"], key)
