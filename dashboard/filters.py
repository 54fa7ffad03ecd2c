"""The shared sidebar: language and filters, bound to the URL.

Guarantees: every filter widget is bound to a query parameter (`?country=CM&axis=...`),
so a view is shared by copying the address; choices narrow as country and plan are
chosen, and a value that is no longer a choice is dropped rather than raising; the
reset button clears every filter (and so the URL). Returns one `Scope` for the pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from loaders.reference import reference

from . import queries
from .i18n import LANGUAGES, lang, shown, t
from .money import CURRENCIES, rates
from .scope import Scope

FILTER_KEYS = ("country", "plan", "axis", "effect", "lead", "partner", "priority", "year")
# Filter key (URL parameter, widget key) -> the `Scope` field it fills.
FILTER_FIELDS = {"country": "countries", "plan": "plans", "axis": "axes", "effect": "effects", "lead": "leads",
                 "partner": "partners", "priority": "priorities", "year": "years"}
PRIORITIES = ("high", "medium", "low", "none")


def country_name(code: str) -> str:
    names = reference().country_names.get(code)
    if not names:
        return code
    return names[0] if lang() == "fr" else names[1]


def priority_name(value: str) -> str:
    return t("no_priority" if value == "none" else value)


# Bound widgets write their displayed option into the URL, so the filters whose names
# are translated show both names: a link keeps working in either language.
def country_option(code: str) -> str:
    names = reference().country_names.get(code)
    if not names:
        return code
    return names[0] if names[0] == names[1] else f"{names[0]} / {names[1]}"


def priority_option(value: str) -> str:
    key = "no_priority" if value == "none" else value
    return f"{t(key, 'fr')} / {t(key, 'en')}"


def language_switch() -> None:
    shown(st.sidebar.segmented_control(
        "Langue / Language", options=list(LANGUAGES), format_func=LANGUAGES.get, key="lang", default="fr",
        required=True, bind="query-params",
    ))


@dataclass(frozen=True)
class Display:
    currency: str
    usd_per_eur: float


def display_settings() -> Display:
    """Display currency and the (editable, dated) USD rate, bound to the URL too."""
    currency = st.sidebar.selectbox(t("display_currency"), CURRENCIES, key="currency", bind="query-params")
    usd = rates()["USD"]
    with st.sidebar.expander(t("rates")):
        st.caption(t("rates_note").format(as_of=usd.as_of))
        usd_per_eur = st.number_input(t("usd_per_eur"), min_value=0.01, max_value=100.0, value=usd.per_eur,
                                      step=0.01, format="%.4f", key="usd_per_eur", bind="query-params")
    return Display(currency, float(usd_per_eur))


def remember(scope: Scope, display: Display) -> None:
    st.session_state["_view"] = (scope, display)
    st.session_state["_framed"] = True  # taken by the page of this same run


def current() -> tuple[Scope, Display]:
    """The scope and display settings of this run, as set by app.py."""
    if not st.session_state.pop("_framed", False):
        # Until some run calls st.navigation, Streamlit (1.67) routes the old way when a
        # pages/ folder exists, and runs a page without app.py: on a server's first
        # request (a shared link after a restart, streamlit#10276), and on every AppTest
        # run. The scope would be missing or stale; declare st.navigation routing and
        # rerun: the same URL then goes through app.py to this page.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["_view"]


def _reset() -> None:
    for key in FILTER_KEYS:
        st.session_state[key] = []


def _multiselect(key: str, label: str, options: list, format_func=str) -> tuple:
    # A choice that the other filters have removed is dropped, not an error.
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
    chosen = st.sidebar.multiselect(
        label, options, key=key, format_func=format_func, placeholder=t("f_all"), bind="query-params",
    )
    return tuple(chosen)


def sidebar_scope() -> Scope:
    st.sidebar.markdown(f"### {t('filters')}")
    countries = _multiselect("country", t("f_country"), queries.countries(), country_option)
    plans = _multiselect("plan", t("f_plan"), queries.plans_of(countries))
    options = queries.action_choices(countries, plans)
    axis_labels, effect_labels = queries.axis_labels(), queries.effect_labels()
    axes = _multiselect("axis", t("f_axis"), options["axes"], lambda a: axis_labels.get(a, a))
    effects = _multiselect("effect", t("f_effect"), options["effects"], lambda e: effect_labels.get(e, e))
    leads = _multiselect("lead", t("f_lead"), options["leads"])
    partners = _multiselect("partner", t("f_partner"), options["partners"])
    priorities = _multiselect("priority", t("f_priority"), list(PRIORITIES), priority_option)
    years = _multiselect("year", t("f_year"), queries.years())
    st.sidebar.button(t("reset_filters"), on_click=_reset, icon=":material/filter_alt_off:",
                      width="stretch")
    st.sidebar.caption(t("share_hint"))
    return Scope(countries, plans, axes, effects, leads, partners, priorities, tuple(int(y) for y in years))


def describe(scope: Scope) -> list[tuple[str, str]]:
    """(filter, values) pairs in the active language, for exports and captions."""
    axis_labels, effect_labels = queries.axis_labels(), queries.effect_labels()
    parts = [
        (t("f_country"), ", ".join(country_name(c) for c in scope.countries)),
        (t("f_plan"), "; ".join(scope.plans)),
        (t("f_axis"), "; ".join(axis_labels.get(a, a) for a in scope.axes)),
        (t("f_effect"), "; ".join(effect_labels.get(e, e) for e in scope.effects)),
        (t("f_lead"), ", ".join(scope.leads)),
        (t("f_partner"), ", ".join(scope.partners)),
        (t("f_priority"), ", ".join(priority_name(p) for p in scope.priorities)),
        (t("f_year"), ", ".join(str(y) for y in scope.years)),
    ]
    return [(name, values) for name, values in parts if values]
