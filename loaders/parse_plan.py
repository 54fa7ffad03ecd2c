"""The `Plan` sheet: action rows, stated subtotals, schedule marks.

Guarantees (see `../shared/spec/workbook.md`, sheet `Plan`):
- grouping cells left empty (Pays, Plan, Code axe, Axe, Code effet, Effet) take the value
  of the row above on action rows, a new axis resetting the effect; never the action
  code, never onto a subtotal row;
- a row with no action code but an amount is a stated subtotal of the plan (`Total`),
  of the effect or of the axis it names itself, never added in, and compared with the
  sum of its actions (a difference is a warning naming both figures);
- not-yet-costed and pooled costs are NULL with their status, never 0;
- plan-level funds beyond the sum of the actions' funds are the plan's unallocated funds;
- a repeated action code keeps both rows and is a warning.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache, partial
from itertools import repeat

from .cells import (
    CellError, _parse_horizon, is_mark, parse_amount, parse_currency,
    parse_plan_kind, parse_priority, split_list,
)
from .headers import HeaderMap
from .issues import IssueLog, column_letter
from .model import ActionRow, AliasApplied, ParsedFile, PlanData, StatedTotal
from .read import RawSheet
from .reference import Reference
from .rows import RowCursor, columns, data_rows, parsed, picked
from .text import clean, clean_multiline, code_text, fold

GROUPING_LEVELS = (("country",), ("plan",), ("axis_code", "axis"), ("effect_code", "effect"))
GROUPING_FIELDS = tuple(f for level in GROUPING_LEVELS for f in level)
PLAN_TOTAL_LABELS = {"total", "total general", "grand total", "total du plan", "plan total"}

XOF_COUNTRIES = {"BJ", "BF", "CI", "GW", "ML", "NE", "SN", "TG"}
XAF_COUNTRIES = {"CM", "CF", "TD", "CG", "GQ", "GA"}

_AXIS_PREFIX = re.compile(r"^(?:axe|axis)?\s*(?:strat[eé]gique|strategic)?\s*(\d+)\s*[-–—:.)]\s*(.*)$", re.I)
_EFFECT_PREFIX = re.compile(
    r"^(?:effet|effect|outcome)?\s*(?:recherch[eé]|attendu)?\s*(\d+(?:\.\d+)+)\.?\s*[-–—:.)]?\s*(.*)$", re.I
)
_EFFECT_LABEL = re.compile(r"\b(?:effet|effect|outcome)\s*(\d+(?:\.\d+)+)", re.I)
_AXIS_LABEL = re.compile(r"\b(?:axe|axis)\s*(?:strat[eé]gique|strategic)?\s*(\d+)\b", re.I)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@lru_cache(maxsize=1 << 14, typed=True)
def _split_code(code_raw, label_raw, pattern) -> tuple[str | None, str | None]:
    """`1 - Lutte contre ...` -> ('1', 'Lutte contre ...'); an explicit code wins."""
    code = code_text(code_raw) or None
    label = clean(label_raw) or None
    if label:
        m = pattern.match(label)
        if m and m.group(2):
            code = code or m.group(1)
            if code == m.group(1):
                label = m.group(2).strip()
    return code, label


@lru_cache(maxsize=1 << 10)
def _resolve_currency(country: str, declared: str | None, written: tuple[str | None, ...]) -> tuple:
    """The currency the row states, or an error sentence (fr, en) when its cells disagree.

    `written`: the currency each amount was written in (a suffix), or None. A row that
    states none (no `Devise`, no suffix) gives None: it is in its plan's currency.
    """
    suffixes = set()
    for currency in written:
        if currency == "CFA":
            if country in XOF_COUNTRIES:
                suffixes.add("XOF")
            elif country in XAF_COUNTRIES:
                suffixes.add("XAF")
            else:
                return None, ("F CFA ne dit pas s'il s'agit de XOF ou de XAF pour ce pays ; remplissez la colonne Devise",
                              "F CFA does not say whether XOF or XAF is meant for this country; fill in the Currency column")
        elif currency:
            suffixes.add(currency)
    if declared and suffixes and suffixes != {declared}:
        return None, (f"la devise {declared} ne correspond pas au montant écrit en {', '.join(sorted(suffixes))} ; "
                      "corrigez l'une ou l'autre",
                      f"the currency {declared} does not match the amount written in {', '.join(sorted(suffixes))}; "
                      "correct one of them")
    if len(suffixes) > 1:
        return None, ("le coût et les fonds sont écrits dans deux devises différentes ; utilisez-en une seule",
                      "the cost and the funds are written in two different currencies; use one")
    return declared or (suffixes.pop() if suffixes else None), None


class _Carry:
    """The grouping values of the rows above, reset below a changed level."""

    def __init__(self) -> None:
        self.values: dict[str, object] = dict.fromkeys(GROUPING_FIELDS)

    def update(self, own: dict[str, object]) -> None:
        values = self.values
        for depth, fields in enumerate(GROUPING_LEVELS):
            changed = False
            for f in fields:
                value = own[f]
                if not _blank(value) and value != values.get(f) and fold(value) != fold(values.get(f)):
                    changed = True
                    break
            if changed:
                for f in fields:
                    values[f] = None if _blank(own[f]) else own[f]
                for lower in GROUPING_LEVELS[depth + 1:]:
                    for f in lower:
                        values[f] = None

    def fill(self, own: dict[str, object]) -> dict[str, object]:
        return {f: (self.values.get(f) if _blank(own[f]) else own[f]) for f in GROUPING_FIELDS}


_NO_GROUPING = (None,) * len(GROUPING_FIELDS)
# The cells of an action row parsed by column, in reading order.
_TAKEN = ("priority", "plan_kind", "horizon", "currency", "estimated_cost", "funds_available")

class PlanSheetParser:
    def __init__(self, sheet: RawSheet, header: HeaderMap, log: IssueLog, ref: Reference, out: ParsedFile):
        self.sheet = sheet
        self.header = header
        self.log = log
        self.ref = ref
        self.out = out
        self.plans: dict[tuple[str, str], PlanData] = {(p.country, p.plan): p for p in out.plans}
        self.semester_names = tuple(semester for _, semester in header.semesters)
        self.semester_columns = tuple(col for col, _ in header.semesters)
        # Where an organisation was renamed (a column may be absent: then no letter).
        self.known_countries: dict[object, str] = {}
        self._group: dict | None = None  # the carried cells last read, and what they name
        self._named: tuple = ()
        self.letters = {**dict.fromkeys(("lead", "co_leads", "partners"), ""),
                        **{name: column_letter(col) for name, col in header.columns.items()}}

    # -- rows ------------------------------------------------------------------
    def parse(self) -> None:
        numbered = data_rows(self.sheet.rows, self.header)
        raw = columns(numbered, self.header)
        self._read_ahead(raw, [row for _, row in numbered])
        nothing = [None] * len(numbered)
        grouping = zip(*(raw.get(f, nothing) for f in GROUPING_FIELDS))
        carry = _Carry()
        for k, ((index, row), own_cells) in enumerate(zip(numbered, grouping)):
            cur = RowCursor(row, index, self.header, self.sheet.name, self.log)
            if own_cells == _NO_GROUPING:
                # Most rows of a plan leave every grouping cell empty: they take the
                # carried values as they are (the parsers only read them).
                own, group = None, carry.values
            else:
                # The row's own grouping cells first move the carried values (a new
                # axis clears the effect), then its empty cells take what is carried.
                own = dict(zip(GROUPING_FIELDS, own_cells))
                carry.update(own)
                group = carry.fill(own)
                self._group = None  # the carried cells may have changed in place
            if self.code_written[k]:
                self._action_row(cur, group, k)
            elif not _blank(self.cost_raw[k]) or not _blank(self.funds_raw[k]):
                self._subtotal_row(cur, own or dict.fromkeys(GROUPING_FIELDS), group)
            elif self.action[k]:
                cur.fail("action_code", "missing_action_code",
                         "cette action n'a pas de code ; écrivez son code (p. ex. 1.1.2) dans « Code action »",
                         "this action has no code; write its code (e.g. 1.1.2) in 'Action code'")

    def _read_ahead(self, raw: dict[str, list], rows: list[list]) -> None:
        """Every cell whose meaning does not depend on its row, parsed by column: each
        distinct value once. `_action_row` then reports a wrong one on its row, in the
        order a person reads the row."""
        nothing = [None] * len(rows)
        cells = lambda name: raw.get(name, nothing)  # noqa: E731 - a field may be absent
        self.cost_raw, self.funds_raw = cells("estimated_cost"), cells("funds_available")
        self.code_written = list(map(clean, cells("action_code")))
        self.code = list(map(code_text, cells("action_code")))
        self.action = list(map(clean, cells("action")))
        self.priority = parsed(cells("priority"), parse_priority)
        self.kind = parsed(cells("plan_kind"), parse_plan_kind)
        self.horizon = parsed(cells("horizon"), _parse_horizon)
        self.currency = parsed(cells("currency"), parse_currency)
        self.cost = parsed(self.cost_raw, parse_amount)
        self.funds = parsed(self.funds_raw, parse_amount)
        self.funding_source = list(map(clean, cells("funding_source")))
        self.means = list(map(clean_multiline, cells("means")))
        self.source = list(map(clean_multiline, cells("source")))
        organisations = partial(_canonical_names, self.ref)
        self.lead = list(map(organisations, cells("lead"), repeat(True)))
        self.co_leads = list(map(organisations, cells("co_leads"), repeat(False)))
        self.partners = list(map(organisations, cells("partners"), repeat(False)))
        self.marks = picked(rows, self.semester_columns)
        self.schedule = list(map(_schedule, self.marks, repeat(self.semester_names)))

    def _plan(self, country: str, name: str, currency: str | None) -> PlanData:
        """The plan a row belongs to; the first row that states a currency sets the plan's."""
        key = (country, name)
        if key not in self.plans:
            self.plans[key] = PlanData(country, name, currency, sheet=self.sheet.name)
            self.out.plans.append(self.plans[key])
        plan = self.plans[key]
        plan.currency = plan.currency or currency
        return plan

    def _organisations(self, cur: RowCursor, name: str, found: tuple) -> list[str]:
        names, renamed = found
        if not renamed:
            return list(names)
        for original, canonical in renamed:
            self.out.aliases.append(AliasApplied(self.sheet.name, cur.number, self.letters[name], original, canonical))
        return list(names)

    def _action_row(self, cur: RowCursor, group: dict[str, object], k: int) -> None:
        # Thousands of rows carry the same country cell: once known, it is not resolved
        # again (an unknown one still fails on every row).
        country = self.known_countries.get(group["country"])
        if country is None:
            country = cur.country(self.ref.country, group["country"])
            if country is not None and group["country"] is not None:
                self.known_countries[group["country"]] = country
        if group is not self._group:
            # Rows under one heading share its carried cells (the same dict, which only
            # changes on a row with cells of its own, where `parse` forgets it): what they
            # mean is worked out once per heading, and still checked on every row.
            self._group = group
            self._named = (clean(group["plan"]), *_split_code(group["axis_code"], group["axis"], _AXIS_PREFIX),
                           *_split_code(group["effect_code"], group["effect"], _EFFECT_PREFIX))
        plan_name, axis_code, axis, effect_code, effect = self._named
        if not plan_name:
            cur.fail("plan", "missing_value", "« Plan » est vide ; écrivez le nom du plan",
                     "'Plan' is empty; write the plan's name")
        if not axis:
            cur.fail("axis", "missing_value", "« Axe » est vide ; écrivez l'axe stratégique de l'action",
                     "'Axis' is empty; write the action's strategic axis")
        action = self.action[k]
        if not action:
            cur.fail("action", "missing_value", "« Action » est vide ; écrivez l'intitulé de l'action",
                     "'Action' is empty; write what the action is")
        code = self.code[k]
        taken = (self.priority[k], self.kind[k], self.horizon[k], self.currency[k], self.cost[k], self.funds[k])
        if CellError in map(type, taken):
            taken = tuple(map(cur.take, _TAKEN, taken))  # names each wrong cell, in order
        priority, kind, horizon, declared, cost, funds = taken
        horizon = list(horizon or ())
        semesters, bad = self.schedule[k]
        if bad:
            marks = self.marks[k]
            for position in bad:
                col = self.header.semesters[position][0]
                cur.fail(None, "bad_mark",
                         f"« {clean(marks[position])} » n'est pas une marque de calendrier ; "
                         "écrivez X pour prévoir l'action ce semestre, ou laissez vide",
                         f"'{clean(marks[position])}' is not a schedule mark; "
                         "write X to schedule the action in this semester, or leave it empty", col=col)
        lead_list = self._organisations(cur, "lead", self.lead[k])
        co_leads = self._organisations(cur, "co_leads", self.co_leads[k])
        partners = self._organisations(cur, "partners", self.partners[k])
        if cur.failed or country is None or cost is None or funds is None:
            return
        currency, problem = _resolve_currency(country, declared, (cost.currency, funds.currency))
        if problem:
            cur.fail("currency" if declared else "estimated_cost", "currency_conflict", *problem)
            return
        if cost.status == "costed":
            cost_status, estimated = "costed", cost.value
        elif cost.status == "pooled":
            cost_status, estimated = "pooled", None
        else:
            cost_status, estimated = "to_be_defined", None
        if funds.status == "costed":
            available = funds.value
        elif funds.status == "empty" and cost_status == "costed":
            available = Decimal(0)
        else:
            available = None
        if estimated is not None and available is not None and available > estimated:
            cur.warn("funds_available", "funds_exceed_cost",
                     f"les fonds disponibles ({_fmt(available)}) dépassent le coût estimé ({_fmt(estimated)}) ; "
                     "vérifiez les deux montants",
                     f"the funds available ({_fmt(available)}) exceed the estimated cost ({_fmt(estimated)}); "
                     "check both amounts")
        plan = self._plan(country, plan_name, currency)
        if currency is not None and plan.currency != currency:
            cur.fail("currency", "mixed_currency",
                     f"cette action est en {currency} alors que le plan est en {plan.currency} ; "
                     "un plan s'écrit dans une seule devise",
                     f"this action is in {currency} while the plan is in {plan.currency}; "
                     "a plan is written in one currency")
            return
        if kind is not None:
            if plan.kind is None:
                plan.kind = kind
            elif plan.kind != kind:
                cur.fail("plan_kind", "mixed_plan_kind",
                         f"ce plan est déjà de type « {plan.kind} » plus haut ; un plan n'a qu'un type, "
                         "écrivez le même sur chaque ligne ou laissez la cellule vide",
                         f"this plan is already of kind '{plan.kind}' above; a plan has one kind, "
                         "write the same on every row or leave the cell empty")
                return
        # Positional, in the order of ActionRow's fields: 50 000 rows built by keyword
        # took a tenth of the parse.
        plan.actions.append(ActionRow(
            country, plan_name, axis_code, axis or "", effect_code, effect, code, action, priority,
            lead_list[0] if lead_list else None, co_leads, partners, estimated, available, currency,
            self.funding_source[k] or None, self.means[k] or None, horizon, cost_status, list(cost.pooled_with),
            self.source[k] or None, list(semesters), self.sheet.name, cur.number,
        ))

    def _subtotal_row(self, cur: RowCursor, own: dict[str, object], context: dict[str, object]) -> None:
        labels = [clean(c) for i, c in enumerate(cur.cells) if isinstance(c, str) and clean(c)
                  and i not in (cur.col("estimated_cost"), cur.col("funds_available"))]
        level, code = None, None
        if any(fold(label) in PLAN_TOTAL_LABELS for label in labels):
            level = "plan"
        if level is None:
            code = code_text(own["effect_code"]) or None
            if code is None:
                for label in labels:
                    if m := _EFFECT_LABEL.search(label):
                        code = m.group(1)
                        break
            if code is None and not _blank(own["effect"]):
                code, _ = _split_code(None, own["effect"], _EFFECT_PREFIX)
            level = "effect" if code else None
        if level is None:
            code = code_text(own["axis_code"]) or None
            if code is None:
                for label in labels:
                    if m := _AXIS_LABEL.search(label):
                        code = m.group(1)
                        break
            if code is None and not _blank(own["axis"]):
                code, _ = _split_code(None, own["axis"], _AXIS_PREFIX)
            level = "axis" if code else None
        if level is None:
            cur.fail(None, "orphan_amount",
                     "cette ligne a un montant mais ni code d'action, ni « Total », ni effet ou axe nommé ; "
                     "donnez-lui un code d'action, ou écrivez « Total », « Effet 1.1 » ou « Axe 1 » dans une de ses cellules",
                     "this row has an amount but no action code, no 'Total' and names no effect or axis; "
                     "give it an action code, or write 'Total', 'Effect 1.1' or 'Axis 1' in one of its cells")
            return
        country = cur.country(self.ref.country, context["country"])
        plan_name = clean(context["plan"])
        declared = cur.parse("currency", parse_currency)
        cost = cur.parse("estimated_cost", parse_amount)
        funds = cur.parse("funds_available", parse_amount)
        if cur.failed or country is None or not plan_name or cost is None or funds is None:
            if not plan_name and not cur.failed:
                cur.fail("plan", "missing_value", "ce sous-total n'est rattaché à aucun plan ; remplissez « Plan »",
                         "this subtotal belongs to no plan; fill in 'Plan'")
            return
        currency, problem = _resolve_currency(country, declared, (cost.currency, funds.currency))
        if problem:
            cur.fail("estimated_cost", "currency_conflict", *problem)
            return
        plan = self._plan(country, plan_name, currency)
        label = next((lbl for lbl in labels if fold(lbl) not in {fold(country), fold(plan_name)}), level)
        plan.totals.append(StatedTotal(
            country=country, plan=plan_name, level=level, code=code, label=label,
            stated=cost.value if cost.status == "costed" else None, computed=None,
            stated_funds=funds.value if funds.status == "costed" else None, computed_funds=None,
            currency=currency, sheet=self.sheet.name, row=cur.number,
            funding_source=clean(cur.raw("funding_source")) or None,
            cost_col=cur.col("estimated_cost"), funds_col=cur.col("funds_available"),
        ))


@lru_cache(maxsize=1 << 12, typed=True)
def _schedule(marks: tuple, names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A row's semester cells -> (semesters marked, positions of cells that are no mark).

    Rows of a plan share a handful of schedule patterns, so this runs once per pattern.
    """
    scheduled: list[str] = []
    bad: list[int] = []
    for position, (raw, name) in enumerate(zip(marks, names)):
        mark = is_mark(raw)
        if mark is None:
            bad.append(position)
        elif mark and name not in scheduled:
            scheduled.append(name)
    return tuple(scheduled), tuple(bad)


@lru_cache(maxsize=1 << 14, typed=True)
def _canonical_names(ref: Reference, raw, single: bool) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Organisations of one cell, canonical and deduplicated, and the aliases applied;
    none for an empty cell."""
    if _blank(raw):
        return (), ()
    items = [clean(raw)] if single else split_list(raw)
    names: list[str] = []
    renamed: list[tuple[str, str]] = []
    for item in items:
        canonical = ref.organisation(item)
        if canonical != item:
            renamed.append((item, canonical))
        if canonical not in names:
            names.append(canonical)
    return tuple(names), tuple(renamed)


def _fmt(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u202f")


def _sum(values) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def settle_currency(plan: PlanData) -> None:
    """The plan's currency on every row that stated none: the one its other rows state,
    or USD when none does (the contract's default). A row with no `Devise` and no suffix,
    e.g. an action still to be costed, or amounts written once the currency was given
    above, is in the currency of the plan it belongs to: a plan is written in one."""
    plan.currency = plan.currency or "USD"
    plan.actions[:] = [a if a.currency else a._replace(currency=plan.currency) for a in plan.actions]
    for total in plan.totals:
        total.currency = total.currency or plan.currency


def reconcile(plan: PlanData, log: IssueLog, code_columns: dict[str, int]) -> None:
    """Settle the plan's currency; compare stated subtotals with their actions;
    duplicates; unallocated funds.

    `code_columns` gives, per sheet, the column of `Code action`, so that a repeated
    code is reported on its own cell.
    """
    settle_currency(plan)
    seen: dict[str, ActionRow] = {}
    codes = {a.action_code for a in plan.actions}
    for action in plan.actions:
        first = seen.get(action.action_code)
        if first is not None:
            log.warning("duplicate_action_code", action.sheet, action.row, code_columns.get(action.sheet),
                        f"le code d'action {action.action_code} est déjà utilisé ligne {first.row} "
                        f"(« {first.action[:60]} ») ; les deux lignes sont gardées, donnez à l'une un autre code",
                        f"the action code {action.action_code} is already used on row {first.row} "
                        f"('{first.action[:60]}'); both rows are kept, give one of them another code")
        else:
            seen[action.action_code] = action
        for other in action.pooled_with:
            if other not in codes:
                log.warning("pooled_unknown", action.sheet, action.row, None,
                            f"le coût est cumulé avec l'action {other}, qui n'existe pas dans ce plan ; "
                            "vérifiez le code",
                            f"the cost is pooled with action {other}, which is not in this plan; check the code")
    for total in plan.totals:
        if total.level == "plan":
            scope = plan.actions
        elif total.level == "effect":
            scope = [a for a in plan.actions if a.effect_code == total.code]
        else:
            scope = [a for a in plan.actions if a.axis_code == total.code]
        total.computed = _sum(a.estimated_cost for a in scope)
        total.computed_funds = _sum(a.funds_available for a in scope)
        what_fr = {"plan": "le total du plan", "effect": f"le sous-total de l'effet {total.code}",
                   "axis": f"le sous-total de l'axe {total.code}"}[total.level]
        what_en = {"plan": "the plan total", "effect": f"the subtotal of effect {total.code}",
                   "axis": f"the subtotal of axis {total.code}"}[total.level]
        if not scope and total.level != "plan":
            log.warning("subtotal_no_actions", total.sheet, total.row, total.cost_col,
                        f"{what_fr} ne correspond à aucune action de ce plan ; vérifiez le code",
                        f"{what_en} matches no action of this plan; check the code")
            continue
        if total.stated is not None and total.stated != (total.computed or 0):
            log.warning("stated_total_mismatch", total.sheet, total.row, total.cost_col,
                        f"{what_fr} indique {_fmt(total.stated)} mais ses actions totalisent "
                        f"{_fmt(total.computed or Decimal(0))} ; corrigez le total ou les coûts",
                        f"{what_en} states {_fmt(total.stated)} but its actions add up to "
                        f"{_fmt(total.computed or Decimal(0))}; correct the total or the costs")
        if total.level == "plan":
            if total.stated_funds is not None:
                allocated = total.computed_funds or Decimal(0)
                if total.stated_funds > allocated:
                    plan.unallocated_funds = total.stated_funds - allocated
                    plan.unallocated_source = total.funding_source or total.label
                elif total.stated_funds < allocated:
                    log.warning("stated_funds_mismatch", total.sheet, total.row, total.funds_col,
                                f"les fonds indiqués pour le plan ({_fmt(total.stated_funds)}) sont inférieurs "
                                f"à ceux de ses actions ({_fmt(allocated)}) ; corrigez l'un ou l'autre",
                                f"the funds stated for the plan ({_fmt(total.stated_funds)}) are below those "
                                f"of its actions ({_fmt(allocated)}); correct one of them")
        elif total.stated_funds is not None and total.stated_funds != (total.computed_funds or 0):
            log.warning("stated_funds_mismatch", total.sheet, total.row, total.funds_col,
                        f"{what_fr} indique {_fmt(total.stated_funds)} de fonds disponibles mais ses actions en "
                        f"totalisent {_fmt(total.computed_funds or Decimal(0))}",
                        f"{what_en} states {_fmt(total.stated_funds)} of funds available but its actions add up to "
                        f"{_fmt(total.computed_funds or Decimal(0))}")


def parse_plan_sheet(sheet: RawSheet, header: HeaderMap, log: IssueLog, ref: Reference, out: ParsedFile) -> None:
    out.code_columns[sheet.name] = header.columns["action_code"]
    PlanSheetParser(sheet, header, log, ref, out).parse()
