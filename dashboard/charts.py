"""Plotly figures, titled and labelled in the active language.

Guarantees: each builder takes a tidy DataFrame already in display units and returns a
figure whose title, axis titles and legend are translated, styled for a projector
(`styled`: every text at the body size); long labels are wrapped (at
most three lines, the full text on hover), so they stay readable on a projector; nothing
here queries or converts. Building a figure (plotly express) costs some 50 times more
than sending it, so builders are cached on their data and the language, and the figure
object itself is kept and shared (`SharedFigure`): nobody changes a figure once built.
"""

from __future__ import annotations

import functools
import textwrap

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import streamlit as st

from .i18n import lang, speaking, t


class SharedFigure(go.Figure):
    """A cached figure shared by every session, never changed once built: its dict, which
    st.plotly_chart and kaleido read (and, like plotly's own, never change), is computed
    once, where plotly recomputed it on every rerun (converting its arrays each time)."""

    @classmethod
    def of(cls, figure: go.Figure) -> "SharedFigure":
        if isinstance(figure, cls):
            return figure
        shared = cls(figure, _validate=False)
        shared._as_dict = figure.to_dict()
        return shared

    def to_dict(self) -> dict:
        # A copy made by plotly or pickle has no stored dict: it computes its own.
        stored = self.__dict__.get("_as_dict")
        return stored if stored is not None else super().to_dict()


def cached(builder):
    """The builder, cached on its data and the language: the same data in the same
    language gives the same figure object, built and styled once (a SharedFigure)."""
    # Every builder shares this one cached function (Streamlit keys a cache by the
    # function's code), so the builder's name is part of the key. The key is the data
    # itself, so a load never makes an entry stale.
    name = builder.__qualname__

    @st.cache_resource(show_spinner=False, max_entries=256)
    def build(name: str, language: str, *args, **kwargs) -> SharedFigure:
        with speaking(language):
            return SharedFigure.of(styled(builder(*args, **kwargs), language))

    @functools.wraps(builder)
    def wrapper(*args, **kwargs) -> SharedFigure:
        return build(name, lang(), *args, **kwargs)
    return wrapper


ROWS_FRAME = 160  # px of a chart of rows (bars across) that are not its rows: title, legend, value axis
LEGEND_MOST = 6  # colours a horizontal bar chart tells apart by a legend; past that each bar is labelled
TEXT_SIZE = 17  # px: baseFontSize in .streamlit/config.toml, so no chart text is smaller than the body text


def styled(figure: go.Figure, language: str) -> go.Figure:
    """The figure as every page and the brief show it: text at the body size, title on
    the left and legend on the right above the plot (so they never overlap; a builder
    that placed its legend elsewhere keeps it), numbers in the language's separators."""
    # A builder that needs more room on top (a tall legend) keeps it.
    top = max(90, figure.layout.margin.t or 0)
    # The title's height is a fraction of the figure's: 12 px from its top, so that in a
    # tall figure (a bar per plan) it stays in the top margin instead of over the bars.
    height = figure.layout.height or 450  # plotly's default
    figure.update_layout(font={"size": TEXT_SIZE}, margin={"t": top, "l": 10, "r": 10, "b": 10},
                         title={"x": 0, "xanchor": "left", "y": 1 - 12 / height, "yanchor": "top"},
                         separators=",\u202f" if language == "fr" else ".,")
    if figure.layout.legend.y is None:
        figure.update_layout(legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1})
    # Room for long axis labels however the figure is drawn (kaleido does not assume it),
    # and every text at the body size: Streamlit's chart theme sets ticks, legends and
    # axis titles smaller unless the figure says otherwise.
    text = {"size": TEXT_SIZE}
    figure.update_xaxes(automargin=True, tickfont=text, title_font=text)
    figure.update_yaxes(automargin=True, tickfont=text, title_font=text)
    figure.update_layout(legend_font=text, title_font={"size": TEXT_SIZE + 3}, hoverlabel_font=text)
    figure.update_annotations(font_size=TEXT_SIZE)
    figure.update_coloraxes(colorbar_tickfont=text, colorbar_title_font=text)
    figure.for_each_trace(lambda trace: trace.update(textfont=text) if "textfont" in trace else None)
    figure.for_each_trace(lambda trace: trace.update(colorbar_tickfont=text) if "colorbar" in trace else None)
    # Values written in bars keep the body size too (plotly would shrink them to fit).
    figure.update_layout(uniformtext={"minsize": TEXT_SIZE, "mode": "show"})
    return figure


ESTIMATED, AVAILABLE, GAP = "#9DB4D3", "#1F5AA6", "#D9822B"
STATUS_COLORS = {"completed": "#2E8B57", "in_progress": "#1F5AA6", "planned": "#9DB4D3",
                 "not_started": "#D9822B", "no_status": "#B0B0B0"}
SEX_COLORS = {"F": "#8E44AD", "M": "#16A085", "not_disaggregated": "#B0B0B0"}


def wrap(label: str, width: int = 42, lines: int = 3) -> str:
    """A label on at most `lines` lines of `width` characters, cut with an ellipsis past
    that (the full text goes in the hover), so long objectives never overlap."""
    # Plotly reads a label as HTML-like text: workbook text must not carry tags into it.
    text = str(label).replace("<", "‹").replace(">", "›")
    parts = textwrap.wrap(text, width) or [text]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "<br>".join(parts)


@cached
def estimated_vs_available(frame: pd.DataFrame, category: str, title: str, currency: str) -> go.Figure:
    """Grouped bars per category. A category with nothing costed has no bar (not a bar
    of 0) and reads "not costed (n)"; a partly costed one says how many rows are not."""
    labels = frame[category].map(wrap)
    full = frame[category].map(lambda v: wrap(v, 60, 12))
    hover = "%{customdata}<br>%{x:,.0f} " + currency + "<extra>%{fullData.name}</extra>"
    figure = go.Figure([
        go.Bar(y=labels, x=frame["estimated_cost"], name=t("estimated"), orientation="h", marker_color=ESTIMATED,
               customdata=full, hovertemplate=hover),
        go.Bar(y=labels, x=frame["funds_available"], name=t("available"), orientation="h", marker_color=AVAILABLE,
               customdata=full, hovertemplate=hover),
    ])
    not_costed = frame["not_costed"] if "not_costed" in frame else pd.Series(0, index=frame.index)
    notes = []
    for label, estimated, available, missing in zip(labels, frame["estimated_cost"], frame["funds_available"],
                                                    not_costed):
        if pd.isna(estimated):
            text = t("not_costed_bar").format(rows=missing)
        elif missing:
            text = t("partly_costed_bar").format(rows=missing)
        else:
            continue
        end = 0 if pd.isna(estimated) else max(estimated, 0 if pd.isna(available) else available)
        notes.append({"x": end, "y": label, "text": text, "showarrow": False, "xanchor": "left", "xshift": 6,
                      "font": {"color": "#5A6470"}})
    # All at once: plotly's add_annotation checks every annotation already there, each time.
    figure.update_layout(annotations=notes)
    figure.update_layout(title=title, barmode="group", xaxis_title=f"{t('value')} ({currency})",
                         yaxis={"autorange": "reversed", "type": "category"}, height=max(320, 90 * len(frame) + 140))
    figure.update_xaxes(tickformat=",.0f", rangemode="tozero")
    return figure


@cached
def gap_treemap(frame: pd.DataFrame, title: str, currency: str) -> go.Figure:
    """The gap by axis, effect and action, each box the sum of the boxes in it. Built
    from its ids and parents (plotly express spent 0.2 s grouping 150 rows); ids number
    the boxes, so two effects of one name under two axes, or a "/" in a name, stay apart."""
    data = frame[frame["gap"] > 0]
    # An axis is a box's header, one line high: its name on one line, cut with an ellipsis.
    leaves = pd.DataFrame({column: data[column].fillna("—").map(lambda v: wrap(v, *shape)).to_numpy()
                           for column, shape in (("axis", (30, 1)), ("effect", (22, 3)), ("action", (22, 3)))})
    leaves["gap"] = data["gap"].astype(float).to_numpy()
    axis_number = {name: n for n, name in enumerate(dict.fromkeys(leaves["axis"]))}
    leaves["axis_id"] = [f"r/{axis_number[a]}" for a in leaves["axis"]]
    effect_number = {key: n for n, key in enumerate(dict.fromkeys(zip(leaves["axis_id"], leaves["effect"])))}
    leaves["effect_id"] = [f"{a}/{effect_number[(a, e)]}" for a, e in zip(leaves["axis_id"], leaves["effect"])]
    leaves["id"] = [f"{e}/{n}" for n, e in enumerate(leaves["effect_id"])]
    effects = leaves.groupby("effect_id", sort=False).agg(label=("effect", "first"), parent=("axis_id", "first"),
                                                         value=("gap", "sum"))
    axes = leaves.groupby("axis_id", sort=False).agg(label=("axis", "first"), value=("gap", "sum"))
    figure = go.Figure(go.Treemap(
        ids=[*leaves["id"], *effects.index, *axes.index, "r"],
        labels=[*leaves["action"], *effects["label"], *axes["label"], t("gap")],
        parents=[*leaves["effect_id"], *effects["parent"], *["r"] * len(axes), ""],
        values=[*leaves["gap"], *effects["value"], *axes["value"], float(axes["value"].sum())],
        branchvalues="total", maxdepth=3, root_color="#F2F5F9",
        # Axis and effect are legible on a projector; a click opens an effect's actions.
        texttemplate="%{label}<br>%{value:,.0f} " + currency,
        hovertemplate="%{label}<br>%{value:,.0f} " + currency + "<extra></extra>"))
    figure.update_layout(title=title, height=620, treemapcolorway=px.colors.qualitative.Safe)
    return figure


@cached
def gantt(bars: pd.DataFrame, title: str, semesters: list[str], starts: list, today=None) -> go.Figure:
    """Bars over the semesters, semester names on top, and a line for `today` when it
    falls inside the schedule."""
    # Axis names are the legend: wrapped, so a long one is not cut at the chart's edge.
    bars = bars.assign(axis=bars["axis"].map(lambda name: wrap(name, 70, 2)))
    figure = px.timeline(bars, x_start="start", x_end="end", y="label", color="axis",
                         hover_data={"action": True, "semesters": True, "label": False},
                         color_discrete_sequence=px.colors.qualitative.Safe)
    figure.update_yaxes(autorange="reversed", title=None, categoryorder="array",
                        categoryarray=list(dict.fromkeys(bars["label"])))
    figure.update_layout(title=title, height=max(420, 26 * bars["label"].nunique() + 200),
                         legend_title_text=None, xaxis_title=None,
                         legend={"orientation": "h", "y": -0.01, "yanchor": "top", "x": 0, "xanchor": "left"})
    # Semester names on top, where a long chart is read from.
    figure.update_xaxes(side="top", tickvals=starts, ticktext=semesters, tickangle=-45, showgrid=True)
    if today is not None and len(bars) and bars["start"].min() <= pd.Timestamp(today) <= bars["end"].max():
        figure.add_vline(x=pd.Timestamp(today).timestamp() * 1000, line_dash="dot", line_color="#D9822B")
        figure.add_annotation(x=pd.Timestamp(today), y=1, yref="paper", text=t("today"), showarrow=False,
                              yanchor="bottom", font={"color": "#D9822B"})
    return figure


@cached
def coverage_heatmap(matrix: pd.DataFrame, title: str, counts: bool = False) -> go.Figure:
    """Rows × semesters; with `counts`, each cell shows how many actions run then."""
    figure = go.Figure(go.Heatmap(z=matrix.values, x=list(matrix.columns), y=list(matrix.index),
                                  colorscale=[[0, "#F2F5F9"], [1, AVAILABLE]], showscale=False, xgap=2, ygap=2,
                                  text=matrix.values.astype(int) if counts else None,
                                  texttemplate="%{text}" if counts else None,
                                  hovertemplate="%{y}<br>%{x}" + (": %{z}" if counts else "") + "<extra></extra>"))
    figure.update_yaxes(autorange="reversed", type="category")
    figure.update_xaxes(type="category", title=t("semester"))
    figure.update_layout(title=title, height=max(420, 22 * len(matrix) + 160))
    return figure


# How many characters of values fit side by side under a chart of the page's width
# (half that in one of two columns: `narrow`): each bar's value is written level, so past
# this the numbers run into each other or out of their bars (24 semesters of "4 050" or
# "58,9M"); then the bars go unwritten and hovering gives each value.
VALUE_CHARACTERS = 56


def _room_for_values(frame: pd.DataFrame, x: str, y: str, color: str | None, barmode: str, text: str,
                     narrow: bool) -> bool:
    side_by_side = frame[color].nunique() if color and barmode == "group" else 1
    if text.endswith("s"):
        widest = 5  # d3's SI format, which Python's has not: "58,9M" at three significant digits
    else:
        values = pd.to_numeric(frame[y], errors="coerce").abs()
        widest = max((len(format(v, text)) for v in (values.max(), values.min()) if pd.notna(v)), default=1)
    return frame[x].nunique() * side_by_side * widest <= VALUE_CHARACTERS // (2 if narrow else 1)


@cached
def bars(frame: pd.DataFrame, x: str, y: str, title: str, y_title: str, color: str | None = None,
         colors: dict | None = None, barmode: str = "group", text: str = ",.0f",
         categories: list | None = None, y_format: str | None = None, horizontal: bool = False,
         narrow: bool = False) -> go.Figure:
    """Bars with their values written on them where they fit (`text`: a d3 format; `.3s`
    for 142k; `narrow`: drawn in one of two columns); `categories` orders the x axis
    (time reads left to right). `horizontal` lays the categories down the side, for long
    labels, top to bottom in the frame's order."""
    if horizontal:
        if color and frame[color].nunique() > LEGEND_MOST:
            # Past a few colours a legend only sends the reader back and forth (and,
            # above the plot, it would climb into the title): each bar names its own.
            frame = frame.assign(**{x: [f"{label}<br>{wrap(str(part), 60)}" for label, part in
                                        zip(frame[x], frame[color])]})
            color = None
        figure = px.bar(frame, x=y, y=x, color=color, barmode=barmode, text_auto=text, orientation="h",
                        color_discrete_map=colors or {}, color_discrete_sequence=px.colors.qualitative.Safe)
        # Each value after its bar, in room kept for it: written inside, a short bar's
        # value (8 % beside 40 %) ran over the names at the body size.
        figure.update_traces(textangle=0, textposition="outside", cliponaxis=False)
        values = pd.to_numeric(frame[y], errors="coerce")
        if values.max() > 0 and not (values < 0).any():
            figure.update_xaxes(range=[0, values.max() * 1.4])  # a half-width chart needs this much for "61,2 %"
        order = list(dict.fromkeys(frame[x]))
        lines = max((str(label).count("<br>") + 1 for label in order), default=1)  # wrapped labels need room
        figure.update_layout(title=title, xaxis_title=y_title, yaxis_title=None, legend_title_text=None,
                             height=max(360, max(56, 19 * lines + 12) * len(order) + ROWS_FRAME))
        figure.update_yaxes(type="category", categoryorder="array", categoryarray=order, autorange="reversed")
        if y_format:
            figure.update_xaxes(tickformat=y_format)
        return figure
    figure = px.bar(frame, x=x, y=y, color=color, barmode=barmode, text_auto=text if _room_for_values(
                        frame, x, y, color, barmode, text, narrow) else False,
                    color_discrete_map=colors or {}, color_discrete_sequence=px.colors.qualitative.Safe)
    figure.update_traces(textangle=0)
    figure.update_layout(title=title, yaxis_title=y_title, xaxis_title=None, legend_title_text=None)
    figure.update_xaxes(type="category", **({"categoryorder": "array", "categoryarray": categories}
                                            if categories else {}))
    if y_format:
        figure.update_yaxes(tickformat=y_format)
    return figure


@cached
def over_time(frame: pd.DataFrame, x: str, y: str, color: str, title: str, y_title: str, order: list,
              percent: bool = False) -> go.Figure:
    """Lines over periods labelled by their dates, in `order` (left to right in time)."""
    # A legend entry wraps at 40 characters, so it fits a phone's width.
    frame = frame.assign(**{color: frame[color].map(lambda label: wrap(str(label), 40))})
    # One line per label in order of appearance, built as plotly express would but
    # directly: express took a tenth of a second a chart, and a scope change on the trends
    # page builds half a dozen. The hover names the line (its trace name, never pasted
    # into the template) and the period.
    palette = px.colors.qualitative.Safe
    value = "%{y:.0%}" if percent else "%{y:,}"
    figure = go.Figure([
        go.Scatter(x=rows[x].tolist(), y=rows[y].tolist(), name=label, legendgroup=label, showlegend=True,
                   mode="lines+markers", line={"color": palette[k % len(palette)]},
                   hovertemplate=f"%{{fullData.name}}<br>%{{x}} : {value}<extra></extra>")
        for k, (label, rows) in enumerate(frame.groupby(color, sort=False))])
    # The legend (above the plot) and the period labels (turned upright once there are
    # many) take their room from the figure's height: it grows with them, so the plot
    # keeps some 300 px whatever the number of lines and periods.
    lines = sum(label.count("<br>") + 1 for label in frame[color].unique())
    longest = max((len(str(label)) for label in order), default=0)
    tick_room = min(280, 10 * longest) if len(order) > 8 else 60
    # The top margin holds the legend, so it never climbs into the title.
    figure.update_layout(title=title, yaxis_title=y_title, xaxis_title=None, legend_title_text=None,
                         legend_tracegroupgap=0,
                         height=400 + 24 * lines + tick_room, margin={"t": 90 + 24 * lines})
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=order)
    if percent:
        figure.update_yaxes(tickformat=".0%")
    return figure


@cached
def stacked_rows(frame: pd.DataFrame, label: str, value: str, color: str, title: str, value_title: str,
                 colors: dict, order: list[str] | None = None, row_height: int = 56) -> go.Figure:
    """One horizontal bar per label, its parts stacked by `color`, labels top to bottom
    in `order` (else as they come)."""
    order = order or list(dict.fromkeys(frame[label]))
    figure = px.bar(frame, x=value, y=label, color=color, orientation="h", barmode="stack", text_auto=",.0f",
                    color_discrete_map=colors)
    figure.update_traces(textangle=0)
    figure.update_layout(title=title, xaxis_title=value_title, yaxis_title=None, legend_title_text=None,
                         height=max(380, row_height * len(order) + ROWS_FRAME))
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=order, autorange="reversed")
    return figure
