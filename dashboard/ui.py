"""Rendering pieces every page uses: tables with exports, charts, empty states.

Guarantees: every table is shown with CSV and Excel downloads, built when clicked
(dashboard/exports.py), whose files carry the active filters and the day; tables show
numbers, percentages and dates in the chosen language (not the browser's), blanks for
missing values and coded values in words; every chart is drawn with Plotly's PNG
download (camera icon) named after it; a scope with nothing in it gives a sentence,
never an empty chart; funding cards say "to be defined" when nothing in scope is
costed, never 0; a page says in one line which active filters it does not apply.
A table is shaped and given its display values once per language and shared by every
session until the next load; nobody changes a shared table.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler
import streamlit as st
from streamlit import dataframe_util
from streamlit.elements.lib import pandas_styler_utils as _styler_utils

from . import db, derived, exports, queries
from .filters import FILTER_FIELDS, country_name, describe
from .i18n import (date, in_this_language, kinds_phrase, lang, moment, money, money_card, number, percent,
                   speaking, t)
from .safe import md
from .listings import LISTING_HASHED
from .scope import Scope


def empty(message: str | None = None) -> None:
    st.info(message or t("no_match"), icon=":material/filter_alt:")


def filter_lines(scope: Scope) -> list[tuple[str, str]]:
    """The lines an export carries above its rows: the active filters and the day."""
    lines = describe(scope) or [(t("active_filters"), t("none"))]
    stamp = "Exporté le" if lang() == "fr" else "Exported on"
    return [*lines, (stamp, dt.date.today().isoformat())]


def load_grant_or_stop(user):
    """The load grant of this user; else one sentence saying why there is nothing here, and stop."""
    from .access import grant

    given = grant(user, "load")
    if given is None:
        st.info(t("up_local_only") if user.mode == "local" else t("up_not_allowed"), icon=":material/lock:")
        st.stop()
    return given


def ignored_filters(scope: Scope, reasons: dict[str, str]) -> None:
    """One line naming the active filters this page does not apply, and why.
    `reasons`: filter key (`axis`, `year`, ...) -> text key of the reason."""
    by_reason: dict[str, list[str]] = {}
    for key, reason in reasons.items():
        if getattr(scope, FILTER_FIELDS[key]):
            by_reason.setdefault(reason, []).append(t(f"f_{key}"))
    if by_reason:
        st.caption(t("filters_ignored").format(parts=" ; ".join(
            f"{', '.join(names)} ({t(reason)})" for reason, names in by_reason.items())))


def cards(items: list[tuple[str, str, str | None]]) -> None:
    """Metric cards (label, value, help) side by side, wrapping to the next line rather
    than cutting a figure, on a projector as on a phone."""
    with st.container(horizontal=True, wrap=True, gap="small"):
        for label, value, help_text in items:
            st.metric(label, value, border=True, help=help_text, width="content")


def funding_metrics(totals, currency: str, helps: dict[str, str] | None = None) -> None:
    """The four funding cards: estimated, available, gap, coverage (not capped); "to be
    defined" when nothing in scope is costed, and a line saying what is not costed."""
    helps = helps or {}
    tbd = t("to_be_defined_card")
    shown = (("estimated", money_card(totals.estimated, currency) if totals.costed else tbd),
             ("available", money_card(totals.available, currency) if totals.costed else tbd),
             ("gap", money_card(totals.gap, currency) if totals.costed else tbd),
             ("coverage", percent(totals.coverage) if totals.costed else tbd))
    cards([(t(key), value, helps.get(key)) for key, value in shown])
    if totals.not_costed:
        not_costed = kinds_phrase(totals.not_costed)
        if totals.costed:
            st.markdown(t("fu_costed_and_not").format(amount=md(money(totals.estimated, currency)), rows=not_costed))
        else:
            st.markdown(t("fu_all_to_be_defined").format(rows=not_costed))


def years_caption(scope: Scope) -> None:
    """How the year filter picks actions, and how many it leaves out for having no semester."""
    if not scope.years:
        return
    text = t("years_caption").format(years=", ".join(map(str, scope.years)))
    unscheduled = queries.unscheduled_out_of_years(scope)
    if unscheduled:
        text += t("years_unscheduled").format(n=number(unscheduled))
    st.caption(text)


def row_counts(totals, unallocated_total: float, currency: str, unallocated_help: str) -> None:
    """Rows in scope per plan kind (never added across kinds), not costed, pooled, and
    unallocated funds."""
    shown = []
    for kind, n in totals.rows.items():
        shown.append((t(f"kind_rows_{kind}"), number(n), None))
        if totals.not_costed.get(kind):
            shown.append((t(f"kind_not_costed_{kind}"), number(totals.not_costed[kind]), t("fu_not_costed_note")))
        if totals.pooled.get(kind):
            shown.append((t(f"kind_pooled_{kind}"), number(totals.pooled[kind]), None))
    shown.append((t("unallocated"), money_card(unallocated_total, currency) if unallocated_total else money(0, currency),
                  unallocated_help))
    cards(shown)


def _is_list(value) -> bool:
    return isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)
                                                 and getattr(value, "ndim", 0) > 0)


def _shown(value, formatter) -> str:
    if _is_list(value):
        return "; ".join(map(str, list(value)))
    if value is None or pd.isna(value):
        return ""
    return formatter(value)


def _text(value) -> str:
    return date(value) if isinstance(value, dt.date) else str(value)


def _precomputed(frame: pd.DataFrame, shown: dict[int, list[str]]) -> Styler | pd.DataFrame:
    """A pandas Styler of `frame` whose display values are computed already: `shown`
    maps a column's position to its cells' text.

    Streamlit reads a Styler through its `_compute` and `_translate` (streamlit's
    pandas_styler_utils, pinned in requirements.txt), and recognises one by its exact
    class, so this is a plain Styler whose two methods are replaced on the instance.
    pandas' own versions build a Jinja-ready dict for every cell and call the formatter
    cell by cell, most of a page's first run for four tables; here the dict holds only
    the cells whose text differs from the value's own `str` (numbers, dates, lists), and
    no styles, which these tables never have. With nothing to show differently, the
    frame itself: the grid would otherwise receive every cell twice."""
    if not shown:
        return frame
    styler = frame.style
    translated: dict = {}

    def translate(*args, **kwargs) -> dict:
        # Built once: a shared table is drawn by every session, and Streamlit only reads it.
        if not translated:
            body = [[{"id": f"row{r}_col{c}", "display_value": values[r]} for c, values in shown.items()]
                    for r in range(len(frame))]
            translated.update({"body": body, "cellstyle": [], "table_styles": [], _DISPLAY: None})
        return translated
    styler._compute = lambda: styler
    styler._translate = translate
    return styler


_DISPLAY = "dashboard_display_values"  # in a shared table's translated dict: its display values, once made


def _display_values_once(proto, frame: pd.DataFrame, styles: dict) -> None:
    """Streamlit's own `_marshall_display_values`, whose result (the table as text, in
    Arrow) a shared table (`_precomputed`) keeps in its translated dict: Streamlit rebuilt
    it cell by cell on every run of every session, a quarter of the funding page's run.
    Any other Styler goes Streamlit's way."""
    if _DISPLAY not in styles:
        _streamlit_display_values(proto, frame, styles)
    elif styles[_DISPLAY] is None:
        _streamlit_display_values(proto, frame, styles)
        styles[_DISPLAY] = proto.styler.display_values
    else:
        proto.styler.display_values = styles[_DISPLAY]


# A shared table's data in Arrow, made on the first run that draws it: id -> [weak
# reference to the frame, bytes or None]. Weak, so a table dropped from the cache (a
# load, or eviction) is forgotten with it; its id is checked against the frame itself.
_ARROW_ONCE: dict[int, list] = {}


def _share_arrow(frame: pd.DataFrame) -> None:
    key = id(frame)
    _ARROW_ONCE[key] = [weakref.ref(frame, lambda _, key=key: _ARROW_ONCE.pop(key, None)), None]


def _arrow_once(frame: pd.DataFrame) -> bytes:
    """Streamlit's `convert_pandas_df_to_arrow_bytes`, once per shared table: every
    session's run converted the same frame again."""
    entry = _ARROW_ONCE.get(id(frame))
    if entry is None or entry[0]() is not frame:
        return _streamlit_arrow_bytes(frame)
    if entry[1] is None:
        entry[1] = _streamlit_arrow_bytes(frame)
    return entry[1]


# Streamlit is pinned (requirements.txt); a test checks that a shared table's display
# values and data are made once, and are the bytes Streamlit itself makes.
_streamlit_display_values = getattr(_styler_utils._marshall_display_values, "__wrapped__",
                                    _styler_utils._marshall_display_values)
_display_values_once.__wrapped__ = _streamlit_display_values
_styler_utils._marshall_display_values = _display_values_once
_streamlit_arrow_bytes = getattr(dataframe_util.convert_pandas_df_to_arrow_bytes, "__wrapped__",
                                 dataframe_util.convert_pandas_df_to_arrow_bytes)
_arrow_once.__wrapped__ = _streamlit_arrow_bytes
dataframe_util.convert_pandas_df_to_arrow_bytes = _arrow_once


def styled(frame: pd.DataFrame, percents: tuple[str, ...] = ()) -> Styler | pd.DataFrame:
    """The frame with display values in the chosen language: Babel numbers and dates,
    percentages for `percents`, lists as `a; b`, blanks for missing values. Columns with
    no gap stay numbers and dates underneath, so they sort as such; the grid draws a
    missing cell as "None" whatever its display value, so a column with gaps is shown
    as its formatted text, blanks included, and so are text and list columns."""
    # The language is read once, not from the session's state for every cell.
    with speaking(lang()):
        return _styled(frame, percents)


def _styled(frame: pd.DataFrame, percents: tuple[str, ...]) -> Styler | pd.DataFrame:
    frame = frame.copy()
    shown: dict[int, list[str]] = {}
    for index, column in enumerate(frame.columns):
        series = frame[column]
        if column in percents:
            formatter = percent
        elif pd.api.types.is_bool_dtype(series):
            continue
        elif pd.api.types.is_numeric_dtype(series):
            formatter = number
        elif pd.api.types.is_datetime64_any_dtype(series):
            # A timestamp with a time of day (an audit row, a version) keeps its time.
            has_time = bool((series.dropna().dt.normalize() != series.dropna()).any())
            formatter = moment if has_time else date
        else:
            formatter = _text
        raw = series.tolist()
        values = [_shown(v, formatter) for v in raw]
        # Text and lists are shown as their text, so they are that text underneath too
        # (the grid sends every value as a string for display anyway, and lists as their
        # text cost more to send than to show).
        if series.isna().any() or (formatter is _text and all(type(v) is str or _is_list(v) for v in raw)):
            frame[column] = pd.Series(values, index=frame.index, dtype="str")
        elif any(text != str(value) for text, value in zip(values, raw)):
            shown[index] = values
    return _precomputed(frame, shown)


# A table is shaped (localize) and given its display values once per language, then
# shared by every session until the next load: the grid only reads it. The key is what
# the table shows besides its language: its `name`, which stands for its shape (each
# table has its own name, and its page passes the same shape for it every run), and
# `key` (a scope and currency; a listing, search and page), so the frame itself is never
# hashed and `make` runs only on a miss.
@st.cache_resource(show_spinner=False, max_entries=512, hash_funcs=LISTING_HASHED)
def shaped_once(name: str, key: tuple, percents: tuple[str, ...], language: str,
                _make: Callable[[], pd.DataFrame]) -> Styler | pd.DataFrame:
    with speaking(language):
        shown = styled(_make(), percents)
    _share_arrow(_frame_of(shown))
    return shown


db.cleared_with_answers(shaped_once.clear)


def _frame_of(shown: Styler | pd.DataFrame) -> pd.DataFrame:
    return getattr(shown, "data", shown)


def _fitted(column_config: dict | None, shown) -> dict:
    """`column_config` for the table as shown: a column given as a number that `styled`
    turned into its text (it has blanks: amounts not costed) is text aligned right, so the
    grid shows the text, blanks included, instead of failing to read it as a number."""
    frame = _frame_of(shown)
    fitted = {}
    for column, config in (column_config or {}).items():
        if (isinstance(config, dict) and config.get("type_config", {}).get("type") == "number"
                and column in frame.columns and pd.api.types.is_string_dtype(frame[column])):
            config = st.column_config.TextColumn(config.get("label"), help=config.get("help"), alignment="right")
        fitted[column] = config
    return fitted


def table(frame: pd.DataFrame | Callable[[], pd.DataFrame], scope: Scope, name: str, title: str,
          column_config: dict | None = None, height: int | str = "auto", percents: tuple[str, ...] = (),
          key: tuple | None = None) -> None:
    """A table and its two downloads. `name` is the file stem, `title` the sheet title;
    `percents` names the columns shown as percentages. With a `key` (what the table
    depends on besides `name` and the language: a scope, a currency), `frame` may be a
    function that makes it, called only when the table is not cached yet or for an export."""
    make = frame if callable(frame) else (lambda: frame)
    shown = shaped_once(name, key, percents, lang(), make) if key is not None else styled(make(), percents)
    st.dataframe(shown, hide_index=True, column_config=_fitted(column_config, shown), height=height)

    def rows(limit):
        whole = make()
        return (whole.head(limit) if limit else whole), bool(limit) and len(whole) > limit
    downloads(rows, scope, name, title)


def downloads(rows, scope: Scope, name: str, title: str) -> None:
    """CSV and Excel buttons whose files are built only when clicked, in the language of
    this run. `rows(limit)` gives the table (at most `limit` rows when given) and
    whether the limit cut it: Excel holds 1 048 575 rows, a CSV everything."""
    from .listings import EXCEL_ROWS

    def build(kind: str):
        def make() -> bytes:
            table_, cut = rows(None if kind == "csv" else EXCEL_ROWS)
            return exports.made(kind, table_, filter_lines(scope), title, cut)
        return in_this_language(make)
    with st.container(horizontal=True):
        st.download_button(t("download_csv"), build("csv"), f"{name}.csv", "text/csv", key=f"csv-{name}",
                           icon=":material/download:", help=t("download"), on_click="ignore")
        st.download_button(t("download_xlsx"), build("xlsx"), f"{name}.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key=f"xlsx-{name}", icon=":material/download:", help=t("download"), on_click="ignore")


PAGE_ROWS = 100


def paged(listing, shape, scope: Scope, name: str, title: str, column_config: dict | None = None,
          percents: tuple[str, ...] = ()) -> int:
    """A long table read from DuckDB one page at a time, with a search box and page
    number once it has more than a page; `shape(frame)` makes rows readable (localize).
    Exports hold every row that matches the search. Returns how many rows match."""
    from . import listings

    search = ""
    total = listings.count(listing)
    if total > PAGE_ROWS:
        left, right = st.columns([3, 1])
        search = left.text_input(t("search"), key=f"search-{name}", placeholder=t("search_hint"))
        matching = listings.count(listing, search) if search.strip() else total
        pages = max(1, -(-matching // PAGE_ROWS))
        number_ = right.number_input(t("page_number").format(pages=number(pages)), min_value=1, max_value=pages,
                                     value=1, step=1, key=f"page-{name}")
        offset = (int(number_) - 1) * PAGE_ROWS
    else:
        matching, offset = total, 0
    shown = shaped_once(name, (listing, search, offset), percents, lang(),
                         lambda: shape(listings.page(listing, search, offset, PAGE_ROWS)))
    if matching > PAGE_ROWS:
        st.caption(t("rows_shown").format(first=number(offset + 1), last=number(offset + len(_frame_of(shown))),
                                          total=number(matching)))
    st.dataframe(shown, hide_index=True, column_config=_fitted(column_config, shown))

    def everything(limit):
        frame_, cut = listings.everything(listing, search, limit)
        return shape(frame_), cut
    downloads(everything, scope, name, title)
    return matching


def chart(figure: go.Figure, name: str, source: tuple[Scope, str]) -> None:
    """The figure (styled by its builder, charts.py; shared by every session, so never
    changed here), and under it one line naming its source documents and the date of its
    data (`source`: the scope, and plans, indicators or status)."""
    st.plotly_chart(figure, config={
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }, key=f"chart-{name}")
    scope, kind = source
    st.caption(derived.provenance_text(scope, kind, lang(), escape=md))


def coded(column: str, value) -> object:
    """A coded value in words of the active language (`high` -> `élevée`)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return value
    if column == "horizon":
        return [t("medium_term" if h == "medium" else h) for h in value]
    if column == "priority":
        return t("no_priority" if value == "none" else value)
    if column == "sex":
        return t("total_sex" if value == "total" else value)
    if column == "age_group":
        return t("all_ages" if value == "all" else value)
    if column == "plan_kind":
        return t(f"kind_{value}")
    return t(value)


CODED_COLUMNS = ("status", "priority", "cost_status", "horizon", "sex", "age_group", "severity", "plan_kind")


def localize(frame: pd.DataFrame, columns: list[str], headers: dict[str, str] | None = None) -> pd.DataFrame:
    """The columns to show, in order, ready to read: country names, coded values in
    words, headers in the active language (`headers` overrides the header of a column)."""
    out = frame[columns].copy()
    if "country" in out:
        out["country"] = out["country"].map(country_name)
    for column in CODED_COLUMNS:
        if column in out:
            out[column] = out[column].map(lambda v, c=column: coded(c, v))
    return out.rename(columns={c: (headers or {}).get(c, t(c)) for c in columns})
