"""What a country brief says, gathered once for both formats.

Guarantees: `gather` reads the same cached queries and derived figures as the pages,
for one scope and display currency, in one language, and returns plain text, tables
and Plotly figures, with every number formatted as on screen (Babel) and every text
from a workbook left as typed (the renderers escape it for their format). Counts from
different sources are listed apart, never added; what is not costed reads "to be
defined", never 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import plotly.graph_objects as go

from .. import derived, figures, listings, metrics, queries, schedule_queries
from ..filters import country_name, describe
from ..i18n import date, indicator, kinds_phrase, money, number, percent, period, plural, speaking, t
from ..listings import Listing
from ..money import convert
from ..scope import Scope

LARGEST_GAPS = 10
LISTED = 12  # rows of a list in the brief; past that it says how many more
MOST_FIGURES = 12  # enforcement figures in the brief, as many as a list's rows: with their labels, a page
SEX_INDICATORS = ("cases_investigated", "persons_arrested", "persons_prosecuted", "persons_convicted",
                  "victims_identified", "victims_assisted", "victims_rescued", "victims_returned",
                  "victims_reintegrated", "children_withdrawn", "actors_trained")


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()  # columns aligned right


@dataclass
class Chart:
    figure: go.Figure
    source: str  # the line naming its source documents and the date of its data


@dataclass
class Section:
    title: str
    cards: list[tuple[str, str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # caveats and sources, after the rest


@dataclass
class Brief:
    language: str
    title: str
    subtitle: str
    context: list[str]
    sections: list[Section]


def _plain(text: str) -> str:
    """An i18n sentence without its Markdown emphasis (the brief sets its own)."""
    return text.replace("**", "")


def gather(scope: Scope, currency: str, usd_per_eur: float, language: str, today: dt.date | None = None) -> Brief:
    today = today or dt.date.today()
    with speaking(language):
        return Brief(language, t("br_title"), _subtitle(scope), _context(scope, currency, today, language),
                     [_funding(scope, currency, usd_per_eur, language), _gaps(scope, currency, usd_per_eur),
                      _not_costed(scope, currency, usd_per_eur), _schedule(scope, currency, usd_per_eur, today),
                      _enforcement(scope, language), _progress(scope, language), _quality(scope)])


def _subtitle(scope: Scope) -> str:
    countries = scope.countries or tuple(queries.countries())
    return ", ".join(country_name(c) for c in countries)


def _context(scope: Scope, currency: str, today: dt.date, language: str) -> list[str]:
    plans = scope.plans or tuple(queries.plans_of(scope.countries))
    lines = [t("br_plans").format(plans=" ; ".join(plans) or "—"),
             t("br_made_on").format(date=date(today), currency=currency)]
    filters = [f"{name} : {values}" if language == "fr" else f"{name}: {values}"
               for name, values in describe(scope) if name != t("f_country")]
    lines.append(t("br_filters").format(filters=" · ".join(filters)) if filters else t("br_no_filter"))
    return lines


def _funding(scope: Scope, currency: str, usd_per_eur: float, language: str) -> Section:
    section = Section(t("br_funding"))
    view = derived.funding(scope, currency, usd_per_eur)
    if view["empty"]:
        section.lines.append(t("no_match"))
        return section
    totals = view["totals"]
    tbd = t("to_be_defined_card")
    section.cards = [(t("estimated"), money(totals.estimated, currency) if totals.costed else tbd),
                     (t("available"), money(totals.available, currency) if totals.costed else tbd),
                     (t("gap"), money(totals.gap, currency) if totals.costed else tbd),
                     (t("coverage"), percent(totals.coverage) if totals.costed else tbd)]
    if totals.not_costed:
        rows = kinds_phrase(totals.not_costed)
        section.lines.append(_plain(t("fu_costed_and_not").format(amount=money(totals.estimated, currency), rows=rows)
                                    if totals.costed else t("fu_all_to_be_defined").format(rows=rows)))
    unallocated = convert(queries.unallocated_funds(scope), ["unallocated_funds"], currency, usd_per_eur)
    for row in unallocated.itertuples():
        section.lines.append(t("ov_unallocated_line").format(plan=row.plan, amount=money(row.unallocated_funds,
                                                                                            currency),
                                                              source=row.unallocated_source))
    by_axis = figures.funding_by_axis(scope, currency, usd_per_eur, language)
    if by_axis is not None:
        if cut := figures.levels_cut(view, "by_axis"):
            section.lines.append(cut)
        section.charts.append(Chart(by_axis, derived.provenance_text(scope, "plans", language)))
    return section


def _gaps(scope: Scope, currency: str, usd_per_eur: float) -> Section:
    section = Section(t("br_largest_gaps").format(n=LARGEST_GAPS))
    rows = listings.page(Listing("ranked_actions", scope, currency, usd_per_eur), limit=LARGEST_GAPS)
    rows = rows[rows["gap"] > 0]
    if rows.empty:
        section.lines.append(t("br_no_gap"))
        return section
    section.tables.append(Table(
        [t("action"), t("lead"), t("estimated"), t("available"), t("gap")],
        [[_named(scope, r), r.lead or "—",
          money(r.estimated_cost, currency), money(r.funds_available, currency), money(r.gap, currency)]
         for r in rows.itertuples()], numeric=(2, 3, 4)))
    return section


def _named(scope: Scope, row) -> str:
    """An action as the brief lists it: code and title, after its country when the brief
    covers several."""
    several = len(scope.countries) != 1 and len(queries.countries()) > 1
    return (f"{row.country} · " if several else "") + f"{row.action_code} {row.action}"


def _listed(listing: Listing, shape) -> tuple[list[list[str]], int]:
    total = listings.count(listing)
    return [shape(r) for r in listings.page(listing, limit=LISTED).itertuples()], total


def _not_costed(scope: Scope, currency: str, usd_per_eur: float) -> Section:
    section = Section(t("br_not_costed"))
    view = derived.funding(scope, currency, usd_per_eur)
    if view["empty"]:
        section.lines.append(t("no_match"))
        return section
    totals = view["totals"]
    section.lines.append(t("br_not_costed_count").format(rows=kinds_phrase(totals.not_costed) or t("none_f")))
    section.lines.append(t("br_pooled_count").format(rows=kinds_phrase(totals.pooled) or t("none_f")))
    for kind, shape, headers in (
            ("not_costed", lambda r: [_named(scope, r), r.plan], [t("action"), t("plan")]),
            ("pooled", lambda r: [_named(scope, r), _joined(r.pooled_with)], [t("action"),
                                                                                        t("pooled_with")])):
        rows, total = _listed(Listing(kind, scope), shape)
        if rows:
            section.tables.append(Table(headers, rows))
            if total > len(rows):
                section.notes.append(t("br_more_rows").format(n=number(total - len(rows))))
    return section


def _schedule(scope: Scope, currency: str, usd_per_eur: float, today: dt.date) -> Section:
    section = Section(t("br_schedule").format(year=today.year))
    running = schedule_queries.per_semester(scope, currency, usd_per_eur)
    for half in (1, 2):
        semester = f"{today.year}-S{half}"
        now = running[running["semester"] == semester]
        section.lines.append(t("br_running").format(
            semester=semester, rows=kinds_phrase(dict(zip(now["plan_kind"], now["count"]))) or t("br_none_running")))
    late = schedule_queries.late_counts(scope, today)
    section.lines.append(t("br_late").format(rows=kinds_phrase(late) or t("none_f"), date=date(today)))
    rows, total = _listed(Listing("late_actions", scope, as_of=today),
                          lambda r: [_named(scope, r), date(r.planned_end), t(r.status)])
    if rows:
        section.tables.append(Table([t("action"), t("sc_planned_end"), t("status")], rows))
        if total > len(rows):
            section.notes.append(t("br_more_rows").format(n=number(total - len(rows))))
    return section


def _enforcement(scope: Scope, language: str) -> Section:
    section = Section(t("page_enforcement"))
    chain, drawn, total = figures.enforcement_chain(scope, language, MOST_FIGURES)
    if chain is None and not queries.has_indicators(scope):
        section.lines.append(t("ov_no_enforcement"))
        return section
    section.notes.append(t("enf_caveat"))
    if chain is not None:
        section.charts.append(Chart(chain, derived.provenance_text(scope, "indicators", language)))
    if total > drawn:
        section.notes.append(t("br_more_figures").format(shown=number(drawn), total=number(total),
                                                         page=t("page_enforcement")))
    split = queries.sex_split(scope, SEX_INDICATORS, LISTED)
    if not split.empty:
        section.tables.append(Table(
            [t("indicator"), t("period"), t("F"), t("M"), t("not_disaggregated"), t("total_sex"), t("source")],
            [[indicator(r.indicator) + ("" if r.age_group == "all" else f" · {t(r.age_group)}"),
              period(r.period_start, r.period_end), _count(r.F), _count(r.M), _count(r.not_disaggregated),
              _count(r.total), metrics.short_source(r.source)] for r in split.itertuples()],
            numeric=(2, 3, 4, 5)))
        counts = int(split["counts_in_all"].iloc[0])
        if counts > len(split):
            section.notes.append(t("br_more_counts").format(shown=number(len(split)), total=number(counts),
                                                            page=t("page_enforcement")))
        section.notes.append(t("en_sex_note"))
    documents, _ = queries.provenance(scope, "indicators")
    if documents:
        section.notes.append(t("br_sources").format(documents=" ; ".join(documents)))
    return section


def _joined(values) -> str:
    return ", ".join(str(v) for v in values) if values is not None and len(values) else "—"


def _count(value) -> str:
    return "—" if value is None or value != value else number(int(value))


def _progress(scope: Scope, language: str) -> Section:
    section = Section(t("page_progress"))
    counts_by_kind = derived.status_counts(scope)
    if not counts_by_kind:
        section.lines.append(t("no_match"))
        return section
    for kind, counts in counts_by_kind.items():
        parts = [f"{t(k)} : {number(counts.get(k, 0))}" if language == "fr" else
                 f"{t(k)}: {number(counts.get(k, 0))}" for k in figures.STATUS_ORDER]
        section.lines.append(f"{t(f'kind_rows_{kind}')} — " + " · ".join(parts))
    section.charts = [Chart(figure, derived.provenance_text(plan_scope, "status", language))
                      for figure, plan_scope in figures.progress_by_plan(scope, language)]
    return section


def _quality(scope: Scope) -> Section:
    section = Section(t("page_quality"))
    section.lines.append(plural(t("br_issues"), queries.issue_count(scope)))
    section.lines.append(t("br_quality_where"))
    return section
