"""A checked file's issues, as its focal point reads them on the upload page.

Guarantees: every issue is accounted for. Up to `SHOWN` are written out, errors first,
each as its sentence naming file, sheet, cell and the fix. Past that, the page says how
many more there are, shows each kind once (how many, the first cells, one sentence as
an example) and offers the whole list as a CSV, built only when clicked, every text
kept as text (safe.cell). A file with thousands of warnings never becomes thousands of
elements on the page (16 668 lines took the page 27 s to draw, on 28 November 2026).
Workbook text is shown as typed: Markdown-escaped in sentences, plain in tables.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from loaders.issues import Issue

from . import exports
from .i18n import in_this_language, lang, number, t
from .safe import md

SHOWN = 20  # sentences a page shows; the others are counted by kind and listed in the CSV
FIRST_CELLS = 6  # cells named for each kind


def issues(report, download) -> None:
    """`report`'s issues (a loaders FileReport); `download(build)` wraps the CSV's maker
    (the page records it in the audit trail)."""
    ordered = sorted(report.issues, key=lambda issue: issue.severity != "error")  # stable: file order kept
    for issue in ordered[:SHOWN]:
        text = md(_message(issue))
        (st.markdown if issue.severity == "error" else st.caption)(
            f"{':material/cancel:' if issue.severity == 'error' else ':material/warning:'} {text}")
    if len(ordered) <= SHOWN:
        return
    left = Counter(issue.severity for issue in ordered[SHOWN:])
    st.markdown(t("up_more_issues").format(n=number(len(ordered) - SHOWN), errors=number(left["error"]),
                                           warnings=number(left["warning"])))
    st.dataframe(_kinds(ordered), hide_index=True, width="stretch")
    stem = report.file.rsplit(".", 1)[0]
    listed_csv = in_this_language(lambda: exports.made("csv", _listed(ordered), [], "", False))
    st.download_button(t("up_all_issues"), download(listed_csv),
                       f"{stem}_problemes.csv" if lang() == "fr" else f"{stem}_issues.csv", "text/csv",
                       icon=":material/download:", key=f"issues-{report.file}", on_click="ignore")


def _message(issue: Issue) -> str:
    return issue.message_fr if lang() == "fr" else issue.message_en


def _kinds(ordered: list[Issue]) -> pd.DataFrame:
    """One row per kind of issue (severity and code), in the order they first come."""
    kinds: dict[tuple[str, str], list[Issue]] = {}
    for issue in ordered:
        kinds.setdefault((issue.severity, issue.code), []).append(issue)
    return pd.DataFrame({
        t("severity"): [t(severity) for severity, _ in kinds],
        t("up_issue_count"): [len(found) for found in kinds.values()],
        t("up_first_cells"): [", ".join(_where(issue) for issue in found[:FIRST_CELLS])
                              + (" …" if len(found) > FIRST_CELLS else "") for found in kinds.values()],
        t("up_example"): [_message(found[0]) for found in kinds.values()],
    })


def _where(issue: Issue) -> str:
    where = issue.cell or "—"
    return f"{issue.sheet} {where}" if issue.sheet else where


def _listed(ordered: list[Issue]) -> pd.DataFrame:
    return pd.DataFrame({
        t("severity"): [t(issue.severity) for issue in ordered],
        t("sheet"): [issue.sheet or "" for issue in ordered],
        t("cell"): [issue.cell or "" for issue in ordered],
        t("message"): [_message(issue) for issue in ordered],
    })
