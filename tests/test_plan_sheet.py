"""The `Plan` sheet rules of the contract, on small workbooks."""

from decimal import Decimal

from tests.conftest import dump
from tests.workbooks import PLAN_HEADER, csv_bytes, plan_rows, xlsx


def actions(con, *columns):
    return con.execute(f"SELECT {', '.join(columns)} FROM actions ORDER BY \"row\"").fetchall()


def test_header_below_title_rows_english_headers_any_order(con, load):
    rows = [
        ["Action plan of Cameroon"], [], ["source: test"],
        ["ACTION", "action CODE", "axis", "Country", "plan", "estimated cost", "FUNDS available"],
        ["Review the list", "1.1.2", "Child labour", "Cameroon", "P1", "30 000", "10 000"],
    ]
    report = load("plan.xlsx", xlsx({"Action plan": rows}))
    assert report.status == "loaded", [i.message_en for i in report.issues]
    assert actions(con, "country", "action_code", "estimated_cost", "funds_available") == [
        ("CM", "1.1.2", Decimal("30000.00"), Decimal("10000.00"))]


def test_headers_without_accents_and_hyphenated_words(con, load):
    header = ["PAYS", "plan", "axe", "code action", "action", "Respon-sable principal", "cout estime"]
    rows = [header, ["CM", "P", "A", "1", "Faire", "MINTSS", "5"]]
    assert load("p.xlsx", xlsx({"Plan d'action": rows})).status == "loaded"
    assert actions(con, "lead", "estimated_cost") == [("MINTSS", Decimal("5.00"))]


def test_merged_cells_belong_to_every_row_they_span(con, load):
    rows = plan_rows(
        ["Cameroun", "P", "1", "Axe un", "1.1", "Effet", "1.1.1", "A", "10", "0"],
        [None, None, None, None, None, None, "1.1.2", "B", "20", "0"],
        [None, None, None, None, None, None, "1.1.3", "C", "30", "0"],
    )
    data = xlsx({"Plan": rows}, merges={"Plan": ["A2:A4", "B2:B4", "D2:D4"]})
    assert load("m.xlsx", data).status == "loaded"
    assert {r[0] for r in actions(con, "axis")} == {"Axe un"}
    assert len(actions(con, "axis")) == 3


def test_grouping_cells_fill_down_and_a_new_axis_resets_the_effect(con, load):
    rows = plan_rows(
        ["CM", "P", "1", "Axe 1", "1.1", "Effet 1.1", "1.1.1", "A", "1", ""],
        [None, None, None, None, None, None, "1.1.2", "B", "2", ""],
        [None, None, "2", "Axe 2", None, None, "2.0.1", "C", "3", ""],
    )
    assert load("f.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert actions(con, "country", "plan", "axis_code", "axis", "effect_code", "effect") == [
        ("CM", "P", "1", "Axe 1", "1.1", "Effet 1.1"),
        ("CM", "P", "1", "Axe 1", "1.1", "Effet 1.1"),
        ("CM", "P", "2", "Axe 2", None, None),
    ]


def test_action_code_is_never_filled_down(con, load):
    rows = plan_rows(
        ["CM", "P", "1", "Axe", None, None, "1.1.1", "A", "1", ""],
        [None, None, None, None, None, None, None, "Sans code", "", ""],
    )
    before = dump(con)
    report = load("c.xlsx", xlsx({"Plan": rows}))
    assert report.status == "rejected"
    assert [i.cell for i in report.errors] == ["G3"]
    assert "Code action" in report.errors[0].message_fr and "Action code" in report.errors[0].message_en
    assert dump(con) == before


def test_codes_leading_the_axis_and_effect_labels(con, load):
    header = ["Pays", "Plan", "Axe", "Effet", "Code action", "Action", "Coût estimé"]
    rows = [header, ["CM", "P", "1 - Lutte contre le travail des enfants", "Effet 1.1 : Les pires formes",
                     "1.1.1", "A", "5"]]
    assert load("x.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert actions(con, "axis_code", "axis", "effect_code", "effect") == [
        ("1", "Lutte contre le travail des enfants", "1.1", "Les pires formes")]


def test_subtotals_are_never_added_in_and_are_reconciled(con, load):
    rows = plan_rows(
        ["CM", "P", "1", "Axe 1", "1.1", "Effet 1.1", None, None, "35 000", "5 000"],
        [None, None, None, None, None, None, "1.1.1", "A", "20 000", "5 000"],
        [None, None, None, None, None, None, "1.1.2", "B", "10 000", ""],
        [None, None, None, None, None, None, None, "Total", "99 000", "12 000"],
    )
    report = load("t.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded"
    assert con.execute("SELECT count(*), sum(estimated_cost) FROM actions").fetchone() == (2, Decimal("30000.00"))
    totals = con.execute("SELECT level, code, stated, computed FROM stated_totals ORDER BY level").fetchall()
    assert totals == [("effect", "1.1", Decimal("35000.00"), Decimal("30000.00")),
                      ("plan", None, Decimal("99000.00"), Decimal("30000.00"))]
    mismatches = [i for i in report.warnings if i.code == "stated_total_mismatch"]
    assert {i.cell for i in mismatches} == {"I2", "I5"}
    assert any("35\u202f000" in i.message_fr and "30\u202f000" in i.message_fr for i in mismatches)
    # Funds on the plan row beyond its actions' funds are unallocated, never spread.
    assert con.execute("SELECT unallocated_funds FROM plans").fetchone() == (Decimal("7000.00"),)
    assert con.execute("SELECT sum(funds_available) FROM actions").fetchone() == (Decimal("5000.00"),)


def test_axis_subtotal_named_by_label(con, load):
    rows = plan_rows(
        ["CM", "P", "1", "Axe", None, None, "1.1.1", "A", "10", ""],
        ["CM", "P", None, None, None, None, None, "Sous-total axe 1", "10", ""],
    )
    assert load("a.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert con.execute("SELECT level, code, stated, computed FROM stated_totals").fetchall() == [
        ("axis", "1", Decimal("10.00"), Decimal("10.00"))]


def test_amount_with_no_code_and_naming_nothing_is_an_error(con, load):
    rows = plan_rows(["CM", "P", None, "Axe", None, None, "", "", "10", ""])
    report = load("o.xlsx", xlsx({"Plan": rows}))
    assert report.status == "rejected" and report.errors[0].code == "orphan_amount"
    assert report.errors[0].cell == "2"  # the row: no single cell is at fault


def test_not_costed_and_pooled_are_null_with_their_status(con, load):
    rows = plan_rows(
        ["CM", "P", "1", "Axe", None, None, "1.3.5", "A", "18 000", ""],
        [None, None, None, None, None, None, "2.1.2", "B", "Action à cumuler avec l’action 1.3.5", None],
        [None, None, None, None, None, None, "2.1.3", "C", "A définir", ""],
        [None, None, None, None, None, None, "2.1.4", "D", "", ""],
    )
    assert load("n.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert actions(con, "action_code", "estimated_cost", "funds_available", "cost_status", "pooled_with") == [
        ("1.3.5", Decimal("18000.00"), Decimal("0.00"), "costed", []),
        ("2.1.2", None, None, "pooled", ["1.3.5"]),
        ("2.1.3", None, None, "to_be_defined", []),
        ("2.1.4", None, None, "to_be_defined", []),
    ]


def test_fcfa_suffix_is_xof_in_cote_divoire_and_xaf_in_cameroon(con, load):
    rows = plan_rows(
        ["CI", "P", "1", "Axe", None, None, "1", "A", "10.000.000 F CFA", ""],
        ["CM", "Q", "1", "Axe", None, None, "1", "A", "5 000 FCFA", ""],
    )
    assert load("cfa.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert con.execute("SELECT country, currency, estimated_cost FROM actions ORDER BY country").fetchall() == [
        ("CI", "XOF", Decimal("10000000.00")), ("CM", "XAF", Decimal("5000.00"))]


CURRENCY_HEADER = PLAN_HEADER + ["Devise"]


def test_a_row_that_states_no_currency_is_in_its_plans(con, load):
    # An action still to be costed comes first, with no Devise: it must not make the plan
    # USD and turn the CFA amounts below into errors. Devise given once, amounts below bare.
    rows = plan_rows(
        ["CM", "P", "1", "Axe", None, None, "1.1", "A", "A définir", "", ""],
        [None, None, None, None, None, None, "1.2", "B", "5 000 FCFA", "", ""],
        [None, None, None, None, None, None, "1.3", "C", "Action à cumuler avec l'action 1.2", "", ""],
        [None, None, None, None, None, None, None, "Total", "5 000", "", ""],
        ["CM", "Q", "1", "Axe", None, None, "1.1", "A", "100", "", "EUR"],
        [None, None, None, None, None, None, "1.2", "B", "200", "50", ""],
        ["CM", "R", "1", "Axe", None, None, "1.1", "A", "300", "", ""],
        header=CURRENCY_HEADER)
    report = load("cur.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded", [i.message_en for i in report.issues]
    assert con.execute("SELECT plan, action_code, currency FROM actions ORDER BY plan, action_code").fetchall() == [
        ("P", "1.1", "XAF"), ("P", "1.2", "XAF"), ("P", "1.3", "XAF"),
        ("Q", "1.1", "EUR"), ("Q", "1.2", "EUR"), ("R", "1.1", "USD")]
    assert con.execute("SELECT plan, currency FROM plans ORDER BY plan").fetchall() == [
        ("P", "XAF"), ("Q", "EUR"), ("R", "USD")]
    assert con.execute("SELECT plan, currency FROM stated_totals").fetchall() == [("P", "XAF")]


def test_two_currencies_stated_in_one_plan_is_an_error_on_the_second(con, load):
    before = dump(con)
    rows = plan_rows(
        ["CI", "P", "1", "Axe", None, None, "1.1", "A", "A définir", "", ""],
        [None, None, None, None, None, None, "1.2", "B", "10.000 F CFA", "", ""],
        [None, None, None, None, None, None, "1.3", "C", "20", "", "EUR"],
        header=CURRENCY_HEADER)
    report = load("two.xlsx", xlsx({"Plan": rows}))
    assert report.status == "rejected"
    assert [i.message_en for i in report.errors] == [
        "two.xlsx, sheet 'Plan', cell K4: this action is in EUR while the plan is in XOF; a plan is written in one "
        "currency"]
    assert dump(con) == before


def test_semester_columns_in_all_spellings(con, load):
    header = PLAN_HEADER + ["2021 S1", "S2 2021", "2022-1", "2022-S2"]
    rows = [header, ["CM", "P", "1", "Axe", None, None, "1", "A", "1", "", "X", "✓", "", "oui"]]
    assert load("s.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert [r[0] for r in con.execute("SELECT semester FROM action_semesters ORDER BY 1").fetchall()] == [
        "2021-S1", "2021-S2", "2022-S2"]


def test_a_bad_mark_names_its_cell(con, load):
    header = PLAN_HEADER + ["2021-S1", "2021-S2"]
    rows = [header, ["CM", "P", "1", "Axe", None, None, "1", "A", "1", "", "X", "bientôt"]]
    report = load("b.xlsx", xlsx({"Plan": rows}))
    assert report.status == "rejected"
    assert report.errors[0].cell == "L2" and "X" in report.errors[0].message_en


def test_repeated_action_code_keeps_both_rows_and_warns(con, load):
    rows = plan_rows(
        ["CM", "P", "3", "Axe", None, None, "3.2.2", "Construire", "100", ""],
        [None, None, None, None, None, None, "3.2.2", "Réviser", "17", ""],
    )
    report = load("d.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded"
    assert len(actions(con, "action")) == 2
    (warning,) = [i for i in report.warnings if i.code == "duplicate_action_code"]
    assert warning.cell == "G3" and "row 2" in warning.message_en


def test_unknown_columns_are_reported_not_fatal(con, load):
    rows = [PLAN_HEADER + ["Remarques"], ["CM", "P", "1", "Axe", None, None, "1", "A", "1", "", "ok"]]
    report = load("u.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded"
    assert [(i.code, i.cell) for i in report.warnings] == [("unknown_column", "K1")]


def test_missing_required_column_is_an_error_naming_the_header_row(con, load):
    rows = [["Pays", "Plan", "Code action", "Action", "Coût estimé"], ["CM", "P", "1", "A", "1"]]
    before = dump(con)
    report = load("h.xlsx", xlsx({"Plan": rows}))
    assert report.status == "rejected"
    assert [i.code for i in report.errors] == ["missing_column"]
    assert "Axe" in report.errors[0].message_fr and report.errors[0].row == 1
    assert dump(con) == before


def test_every_bad_cell_is_reported_in_one_go_and_nothing_changes(con, load):
    good = load("good.xlsx", xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "1", ""])}))
    assert good.status == "loaded"
    rows = plan_rows(
        ["Atlantide", "P", "1", "Axe", None, None, "1", "A", "-5", ""],
        ["CM", "P", "1", "Axe", None, None, "2", "B", "beaucoup", "x"],
    )
    before = dump(con)
    report = load("bad.xlsx", xlsx({"Plan": rows}))
    assert report.status == "rejected"
    assert sorted(i.cell for i in report.errors) == ["A2", "I2", "I3", "J3"]
    for issue in report.errors:
        assert issue.message_fr.startswith("bad.xlsx, feuille « Plan », cellule ")
        assert issue.message_en.startswith("bad.xlsx, sheet 'Plan', cell ")
    assert dump(con) == before


def test_organisation_aliases_are_applied_and_visible(con, load):
    header = PLAN_HEADER + ["Responsable principal", "Partenaires"]
    rows = [header, ["CM", "P", "1", "Axe", None, None, "1", "A", "1", "", "MINTESS", "Parte-naires sociaux\nBIT"]]
    assert load("al.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert actions(con, "lead", "partners") == [("MINTSS", ["Partenaires sociaux", "BIT"])]
    applied = con.execute("SELECT sheet, \"row\", \"column\", original, canonical FROM organisation_aliases_applied "
                          "ORDER BY \"column\"").fetchall()
    assert applied == [("Plan", 2, "K", "MINTESS", "MINTSS"), ("Plan", 2, "L", "Parte-naires sociaux",
                                                                 "Partenaires sociaux")]


def test_csv_plan_with_semicolons_in_windows_1252(con, load):
    rows = [["Pays", "Plan", "Axe", "Code action", "Action", "Coût estimé"],
            ["Côte d'Ivoire", "Feuille", "Coordination", "1.1", "Élaborer", "A définir"]]
    report = load("plan.csv", csv_bytes(rows, delimiter=";", encoding="cp1252"))
    assert report.status == "loaded", [i.message_en for i in report.issues]
    assert actions(con, "country", "action", "cost_status") == [("CI", "Élaborer", "to_be_defined")]


def test_codes_typed_as_numbers(con, load):
    rows = plan_rows(["CM", "P", 2, "Axe", 2.1, "Effet", 3, "A", "1", ""],
                     [None, None, None, None, None, None, 2.15, "B", "1", ""])
    assert load("n.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert actions(con, "axis_code", "effect_code", "action_code") == [("2", "2.1", "3"), ("2", "2.1", "2.15")]


def test_xlsm_is_read_like_xlsx(con, load):
    data = xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "5", ""])})
    assert load("plan.xlsm", data).status == "loaded"


def test_csv_utf8_bom_tab_delimited_indicators(con, load):
    rows = [["Country", "Period start", "Period end", "Indicator", "Value"],
            ["Côte d'Ivoire", "2023-05-01", "2023-12-31", "Persons convicted", "46"]]
    data = b"\xef\xbb\xbf" + csv_bytes(rows, delimiter="\t")
    report = load("indicateurs.csv", data)
    assert report.status == "loaded", [i.message_en for i in report.issues]
    assert con.execute("SELECT country, indicator, value FROM indicator_values").fetchall() == [
        ("CI", "persons_convicted", 46)]


def test_headers_with_units_and_codes_pasted_with_their_label(con, load):
    header = ["Pays", "Plan", "Axe", "Code action", "Action", "Coût estimé (USD)", "Fonds disponibles [$]"]
    rows = [header, ["CM", "P", "Axe", "Action 1.1.1", "Réviser", "20 000", "5 000"]]
    report = load("u.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded" and not report.warnings
    assert actions(con, "action_code", "estimated_cost", "funds_available") == [
        ("1.1.1", Decimal("20000.00"), Decimal("5000.00"))]


def test_header_synonyms_and_plurals(con, load):
    header = ["Pays", "Nom du plan", "Axes", "Codes action", "Actions", "Structure responsable", "Partenaire",
              "Coût estimatif", "Fonds disponibles/source"]
    rows = [header, ["CM", "P", "Axe", "1.1", "Faire", "MINTSS", "BIT", "10", "4"]]
    report = load("s.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded" and not report.warnings, [i.message_en for i in report.issues]
    assert actions(con, "plan", "lead", "partners", "estimated_cost", "funds_available") == [
        ("P", "MINTSS", ["BIT"], Decimal("10.00"), Decimal("4.00"))]


KIND_HEADER = [*PLAN_HEADER, "Type de plan"]


def test_plan_kind_is_optional_defaults_to_plan_and_is_read_in_any_language(con, load):
    rows = plan_rows(
        ["CM", "Plan national", "1", "Axe", None, None, "1.1", "A", "10", ""],
        header=PLAN_HEADER)
    assert load("plan.xlsx", xlsx({"Plan": rows})).status == "loaded"
    compact = plan_rows(
        ["CI", "Pacte", "1", "Prévention", None, None, "1.1", "Activité", "A définir", "", "Partnership"],
        [None, None, None, None, None, None, "1.2", "Autre", "A définir", "", None],
        header=KIND_HEADER)
    assert load("compact.xlsx", xlsx({"Plan": compact})).status == "loaded"
    assert con.execute("SELECT country, plan, kind FROM plans ORDER BY 1").fetchall() == [
        ("CI", "Pacte", "compact"), ("CM", "Plan national", "plan")]
    assert con.execute("SELECT action_code, plan_kind FROM actions WHERE country = 'CI' ORDER BY 1").fetchall() == [
        ("1.1", "compact"), ("1.2", "compact")]


def test_an_unknown_or_changing_plan_kind_is_an_error_on_its_cell(con, load):
    before = dump(con)
    unknown = plan_rows(["CM", "P", "1", "Axe", None, None, "1.1", "A", "10", "", "stratégie"], header=KIND_HEADER)
    report = load("kind.xlsx", xlsx({"Plan": unknown}))
    assert report.status == "rejected"
    assert [i.message_en for i in report.errors] == [
        "kind.xlsx, sheet 'Plan', cell K2: 'stratégie' is not a known plan kind; write plan (action plan, roadmap) "
        "or compact (partnership)"]
    changing = plan_rows(["CM", "P", "1", "Axe", None, None, "1.1", "A", "10", "", "plan"],
                         [None, None, None, None, None, None, "1.2", "B", "10", "", "compact"], header=KIND_HEADER)
    report = load("kind2.xlsx", xlsx({"Plan": changing}))
    assert report.status == "rejected" and report.errors[0].cell == "K3"
    assert "a plan has one kind" in report.errors[0].message_en
    assert dump(con) == before


def test_wrong_cells_are_reported_row_by_row_and_a_repeated_one_on_every_row(con, load):
    # Cells are read by column (each distinct value once); the report must still read
    # like the sheet: row by row, each row's cells in order, a wrong value that repeats
    # named on each of its rows.
    header = [*PLAN_HEADER, "Priorité", "Devise"]
    rows = plan_rows(
        ["CM", "P", "1", "Axe", None, None, "1.1.1", "A", "dix", "0", "haute", "USD"],
        ["CM", "P", "1", "Axe", None, None, "1.1.2", "B", "10", "0", "urgente", "USD"],
        ["CM", "P", "1", "Axe", None, None, "1.1.3", "C", "dix", "0", "urgente", "francs"],
        header=header,
    )
    before = dump(con)
    report = load("o.xlsx", xlsx({"Plan": rows}))
    assert report.status == "rejected"
    assert [i.cell for i in report.errors] == ["I2", "K3", "K4", "L4", "I4"]
    assert dump(con) == before


def test_a_heading_row_between_actions_moves_what_the_rows_below_it_carry(con, load):
    # What carried cells mean is worked out once per heading: a heading row (no code, no
    # amount) that changes the axis, effect or plan must reach the actions below it.
    rows = plan_rows(
        ["CM", "P", "1", "Axe un", "1.1", "Effet un", None, None, None, None],
        [None, None, None, None, None, None, "1.1.1", "A", "1", "0"],
        [None, None, None, None, None, None, "1.1.2", "B", "2", "0"],
        [None, None, "2", "Axe deux", None, None, None, None, None, None],
        [None, None, None, None, "2.1", "Effet deux", None, None, None, None],
        [None, None, None, None, None, None, "2.1.1", "C", "3", "0"],
        [None, "Q", "1", "Autre axe", None, None, None, None, None, None],
        [None, None, None, None, None, None, "1.1", "D", "4", "0"],
    )
    report = load("h.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded", [i.message_en for i in report.errors]
    assert actions(con, "plan", "axis_code", "axis", "effect_code", "effect", "action_code") == [
        ("P", "1", "Axe un", "1.1", "Effet un", "1.1.1"), ("P", "1", "Axe un", "1.1", "Effet un", "1.1.2"),
        ("P", "2", "Axe deux", "2.1", "Effet deux", "2.1.1"), ("Q", "1", "Autre axe", None, None, "1.1")]


def test_a_carried_country_is_checked_on_every_row_it_reaches(con, load):
    rows = plan_rows(
        ["Cameroun", "P", "1", "Axe", None, None, "1.1.1", "A", "1", "0"],
        [None, None, None, None, None, None, "1.1.2", "B", "2", "0"],
        ["Atlantide", "Q", "1", "Axe", None, None, "1.1.1", "C", "3", "0"],
        [None, None, None, None, None, None, "1.1.2", "D", "4", "0"],
    )
    report = load("c.xlsx", xlsx({"Plan": rows}))
    assert [(i.code, i.cell) for i in report.errors] == [("unknown_country", "A4"), ("unknown_country", "A5")]
    rows[3][0] = "Côte d'Ivoire"
    assert load("c.xlsx", xlsx({"Plan": rows})).status == "loaded"
    assert actions(con, "country", "plan", "action_code") == [
        ("CM", "P", "1.1.1"), ("CM", "P", "1.1.2"), ("CI", "Q", "1.1.1"), ("CI", "Q", "1.1.2")]


def test_country_names_as_official_lists_and_people_write_them(con, load):
    written = {"Congo": "CG", "RDC": "CD", "République démocratique du Congo": "CD", "RD Congo": "CD",
               "United Republic of Tanzania": "TZ", "République-Unie de Tanzanie": "TZ", "Viet Nam": "VN",
               "Côte d’Ivoire": "CI", "COTE D'IVOIRE": "CI", "Antigua and Barbuda": "AG", "Saint Lucia": "LC",
               "Bolivia (Plurinational State of)": "BO", "Cabo Verde": "CV", "CMR": "CM"}
    rows = plan_rows(*([name, f"P {n}", "1", "Axe", None, None, "1.1", "A", "10", ""]
                       for n, name in enumerate(written)))
    report = load("names.xlsx", xlsx({"Plan": rows}))
    assert report.status == "loaded", [i.message_en for i in report.issues]
    assert con.execute("SELECT country FROM actions ORDER BY \"row\"").fetchall() == [(c,) for c in written.values()]
    unknown = load("atlantis.xlsx", xlsx({"Plan": plan_rows(["Atlantide", "P", "1", "Axe", None, None, "1.1", "A",
                                                             "10", ""])}))
    assert [i.message_en for i in unknown.errors] == [
        "atlantis.xlsx, sheet 'Plan', cell A2: 'Atlantide' is not a known country; write its name in French or "
        "English, or its ISO code (CM, CMR, CI, CIV)"]
