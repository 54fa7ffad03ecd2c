"""Versions: every file kept whole, replace rules, idempotence, restore."""

import hashlib
from decimal import Decimal

from loaders import list_versions, restore
from tests.conftest import dump
from tests.workbooks import plan_rows, xlsx

IND_HEADER = ["Pays", "Début période", "Fin période", "Indicateur", "Sexe", "Valeur", "Source"]


def _counts(*rows: list) -> bytes:
    return xlsx({"Indicateurs": [IND_HEADER, *rows]})


def _plan(cost: str, *extra_codes: str, plan: str = "P"):
    rows = [["CM", plan, "1", "Axe", None, None, "1.1.1", "A", cost, ""]]
    rows += [[None, None, None, None, None, None, code, code, "1", ""] for code in extra_codes]
    return xlsx({"Plan": plan_rows(*rows)})


def test_every_accepted_file_is_kept_whole(con, load):
    data = _plan("10")
    report = load("plan.xlsx", data)
    stored = con.execute("SELECT file_name, size_bytes, content, sha256 FROM source_files").fetchone()
    assert stored[0] == "plan.xlsx" and stored[1] == len(data) and bytes(stored[2]) == data
    assert stored[3] == hashlib.sha256(data).hexdigest()
    (version,) = list_versions(con)
    assert (version["version"], version["action"], version["loaded_by"]) == (report.version, "load", "test")


def test_loading_the_same_file_twice_changes_nothing(con, load):
    data = _plan("10")
    first = load("plan.xlsx", data)
    before = dump(con)
    again = load("copie.xlsx", data)
    assert (again.status, again.unchanged, again.version) == ("loaded", True, first.version)
    assert dump(con) == before


def test_a_plan_sheet_replaces_the_whole_plan_of_that_name(con, load):
    load("v1.xlsx", _plan("10", "1.1.2", "1.1.3"))
    load("other.xlsx", _plan("5", plan="Autre plan"))
    load("v2.xlsx", _plan("20"))
    rows = con.execute("SELECT plan, action_code, estimated_cost FROM actions ORDER BY plan").fetchall()
    assert rows == [("Autre plan", "1.1.1", Decimal("5.00")), ("P", "1.1.1", Decimal("20.00"))]
    # ... and the replaced rows are still in storage.
    assert con.execute("SELECT count(*) FROM action_rows").fetchone() == (5,)


def test_indicator_rows_replace_by_key(con, load):
    first = [IND_HEADER, ["CI", "mai 2023", "décembre 2023", "Personnes poursuivies", "", "100", "R"],
             ["CI", "mai 2023", "décembre 2023", "Personnes condamnées", "", "40", "R"]]
    second = [IND_HEADER, ["CI", "mai 2023", "décembre 2023", "Personnes poursuivies", "", "109", "R"],
              ["CI", "mai 2023", "décembre 2023", "Personnes poursuivies", "", "7", "Autre source"]]
    load("a.xlsx", xlsx({"Indicateurs": first}))
    load("b.xlsx", xlsx({"Indicateurs": second}))
    got = con.execute("SELECT indicator, source, value FROM indicator_values ORDER BY indicator, source").fetchall()
    assert got == [("persons_convicted", "R", 40), ("persons_prosecuted", "Autre source", 7),
                   ("persons_prosecuted", "R", 109)]


def test_restore_brings_back_an_old_version_as_a_new_one(con, load):
    v1 = load("v1.xlsx", _plan("10")).version
    v2 = load("v2.xlsx", _plan("20")).version
    report = restore(con, v1, loaded_by="test")
    assert report.status == "loaded" and report.version == v2 + 1
    assert con.execute("SELECT estimated_cost FROM actions").fetchone() == (Decimal("10.00"),)
    versions = list_versions(con)
    assert [(v["version"], v["action"], v["restored_from"]) for v in versions] == [
        (v1, "load", None), (v2, "load", None), (v2 + 1, "restore", v1)]
    # Version 2 is not lost either: it can be restored in turn.
    restore(con, v2, loaded_by="test")
    assert con.execute("SELECT estimated_cost FROM actions").fetchone() == (Decimal("20.00"),)


def test_restoring_a_version_that_does_not_exist(con):
    report = restore(con, 42, loaded_by="test")
    assert report.status == "rejected" and "42" in report.errors[0].message_en


def test_data_issues_follow_the_current_data(con, load):
    bad_total = plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "10", ""],
                          [None, None, None, None, None, None, None, "Total", "99", ""])
    load("v1.xlsx", xlsx({"Plan": bad_total}))
    assert con.execute("SELECT code, file, sheet, \"row\", \"column\" FROM data_issues").fetchall() == [
        ("stated_total_mismatch", "v1.xlsx", "Plan", 3, "I")]
    load("v2.xlsx", _plan("10"))
    assert con.execute("SELECT count(*) FROM data_issues").fetchone() == (0,)


def test_start_up_sync_of_data_folder(con, tmp_path):
    from loaders import sync_shipped

    (tmp_path / "plan.xlsx").write_bytes(_plan("10"))
    (tmp_path / "notes.txt").write_text("not a workbook")
    assert [r.status for r in sync_shipped(con, tmp_path)] == ["loaded"]
    again = sync_shipped(con, tmp_path)
    assert again[0].unchanged and len(list_versions(con)) == 1  # an unchanged file changes nothing
    (tmp_path / "plan.xlsx").write_bytes(_plan("30"))  # a focal point's file edited in data/
    sync_shipped(con, tmp_path)
    assert len(list_versions(con)) == 2
    assert con.execute("SELECT estimated_cost FROM actions").fetchone() == (Decimal("30.00"),)


def test_schema_is_only_read_when_current_and_upgraded_when_old(tmp_path):
    import duckdb

    from loaders import ensure_schema

    path = str(tmp_path / "s.duckdb")
    con = duckdb.connect(path)
    ensure_schema(con)
    con.execute("UPDATE schema_info SET schema_version = 1")
    con.execute("DROP VIEW action_semesters")  # as a database from an earlier release
    ensure_schema(con)
    assert con.execute("SELECT count(*) FROM action_semesters").fetchone() == (0,)
    con.close()
    read_only = duckdb.connect(path, read_only=True)
    ensure_schema(read_only)  # would fail on any write
    read_only.close()


# The definition data_issues and organisation_aliases_applied had before they were made
# fast (loaders/schema.py, version 5): over every current cell. Their answers must agree.
ORACLE_ISSUES = """
    SELECT i.severity, i.file, i.sheet, i."row", i."column", i.code, i.message, i.message_en, i.version
    FROM issue_rows i
    WHERE (i.sheet IS NULL AND i.version IN (SELECT version FROM live_versions))
       OR EXISTS (SELECT 1 FROM current_cells c WHERE c.version = i.version AND c.sheet = i.sheet
                  AND (c."row" = i."row"
                       OR NOT EXISTS (SELECT 1 FROM stored_cells s WHERE s.version = i.version
                                      AND s.sheet = i.sheet AND s."row" IS NOT DISTINCT FROM i."row")))
    ORDER BY ALL"""
ORACLE_ALIASES = """
    SELECT a.file, a.sheet, a."row", a."column", a.original, a.canonical, a.version FROM alias_rows a
    WHERE EXISTS (SELECT 1 FROM current_cells c WHERE c.version = a.version AND c.sheet = a.sheet AND c."row" = a."row")
    ORDER BY ALL"""


def test_current_issues_and_aliases_agree_with_their_definition_through_loads_and_restores(con, load):
    def agree() -> list[tuple]:
        issues = con.execute("SELECT * FROM data_issues ORDER BY ALL").fetchall()
        assert issues == con.execute(ORACLE_ISSUES).fetchall()
        assert con.execute("SELECT * FROM organisation_aliases_applied ORDER BY ALL").fetchall() == \
            con.execute(ORACLE_ALIASES).fetchall()
        return sorted((code, file) for code, file in con.execute("SELECT code, file FROM data_issues").fetchall())

    header = ["Pays", "Plan", "Axe", "Code action", "Action", "Responsable principal", "Coût estimé",
              "Fonds disponibles", "Colonne inconnue"]
    plan = xlsx({"Plan": [header, ["CM", "P", "Axe", "1.1", "A", "MINTESS", "10", "20", "x"],
                          ["CM", "P", "Axe", "1.2", "B", "MINTSS", "10", "5", ""]],
                 "Suivi": [["Pays", "Plan", "Code action", "Date", "Statut"],
                           ["CM", "P", "1.1", "2024-06-30", "En cours"], ["CM", "P", "9.9", "2024-06-30", "En cours"]]})
    counts = xlsx({"Indicateurs": [IND_HEADER, ["CM", "2024-01-01", "2024-12-31", "Victimes assistées", "Total", 10, "R"],
                                   ["CM", "2024-01-01", "2024-12-31", "Victimes assistées", "F", 3, "R"],
                                   ["CM", "2024-01-01", "2024-12-31", "Victimes assistées", "M", 4, "R"]]})
    first = load("plan.xlsx", plan)
    load("counts.xlsx", counts)
    plan_issues = [("funds_exceed_cost", "plan.xlsx"), ("status_unknown_action", "plan.xlsx"),
                   ("unknown_column", "plan.xlsx")]  # a cell, a status row, the header row
    assert agree() == sorted(plan_issues + [("parts_total_mismatch", "counts.xlsx")])
    # A new total replaces the one the parts warning was about.
    load("counts2.xlsx", xlsx({"Indicateurs": [IND_HEADER, ["CM", "2024-01-01", "2024-12-31", "Victimes assistées",
                                                            "Total", 7, "R"]]}))
    assert agree() == plan_issues
    assert con.execute("SELECT original FROM organisation_aliases_applied").fetchall() == [("MINTESS",)]
    load("plan2.xlsx", _plan("10"))  # another plan P: the first plan's cells go, its status history stays
    assert agree() == [("status_unknown_action", "plan.xlsx")]
    assert con.execute("SELECT count(*) FROM organisation_aliases_applied").fetchone() == (0,)
    restore(con, first.version, loaded_by="test")  # its issues come back, once
    assert agree() == [(code, "plan.xlsx") for code, _ in plan_issues]
    assert con.execute("SELECT original FROM organisation_aliases_applied").fetchall() == [("MINTESS",)]


def test_every_stored_key_of_a_count_or_status_has_one_current_row(con, load):
    # A replacing load or a restore never leaves a stored key without its current row,
    # nor with two: the pages' filter options (countries, years) list what is current.
    def agree() -> None:
        for stored, current in (
                ("SELECT DISTINCT country, period_start, period_end FROM indicator_rows",
                 "SELECT DISTINCT country, period_start, period_end FROM indicator_values"),
                ("SELECT DISTINCT country, as_of FROM status_rows", "SELECT DISTINCT country, as_of FROM action_status")):
            assert sorted(con.execute(stored).fetchall()) == sorted(con.execute(current).fetchall())
        keys = con.execute("SELECT count(*) FROM (SELECT DISTINCT country, period_start, period_end, indicator, "
                           "sex, age_group, source FROM indicator_rows)").fetchone()
        assert con.execute("SELECT count(*) FROM indicator_values").fetchone() == keys

    def statuses(*rows: list) -> bytes:
        return xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1.1.1", "A", "10", ""]),
                     "Suivi": [["Pays", "Plan", "Code action", "Date", "Statut"], *rows]})

    first = load("a.xlsx", _counts(["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "100", "R"],
                                  ["CM", "2022-01-01", "2022-12-31", "Victimes assistées", "F", "3", "R"]))
    load("b.xlsx", _counts(["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "109", "R"],
                          ["CI", "2024-01-01", "2024-06-30", "Personnes poursuivies", "", "5", "Autre"]))
    load("s1.xlsx", statuses(["CM", "P", "1.1.1", "2023-06-30", "En cours"]))
    load("s2.xlsx", statuses(["CM", "P", "1.1.1", "2024-06-30", "Achevé"], ["CM", "P", "1.1.1", "2023-06-30", "En cours"]))
    agree()
    assert con.execute("SELECT count(*) FROM indicator_rows").fetchone() > \
        con.execute("SELECT count(*) FROM indicator_values").fetchone()  # a row was replaced
    restore(con, first.version, loaded_by="test")
    agree()
    assert con.execute("SELECT value FROM indicator_values WHERE country = 'CI' AND period_start = DATE '2023-01-01'"
                       ).fetchall() == [(100,)]


# indicator_values as it was defined before loads kept current_indicator_rows (schema 6).
ORACLE_COUNTS = """
    SELECT country, period_start, period_end, theme, indicator, sex, age_group, value, source,
           organisation, action_code, comment, sheet, "row", version
    FROM indicator_rows
    QUALIFY row_number() OVER (PARTITION BY country, period_start, period_end, indicator, sex, age_group, source
                               ORDER BY version DESC) = 1
    ORDER BY ALL"""


def test_current_counts_agree_with_their_definition_through_loads_restores_and_an_upgrade(con, load, tmp_path):
    import duckdb

    from loaders import ensure_schema

    def agree(connection=con) -> list[tuple]:
        current = connection.execute("SELECT * FROM indicator_values ORDER BY ALL").fetchall()
        assert current == connection.execute(ORACLE_COUNTS).fetchall()
        return [(country, indicator, source, value) for country, _, _, _, indicator, _, _, value, source, *_ in current]

    first = load("a.xlsx", _counts(["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "100", "R"],
                                  ["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "4", ""],
                                  ["CM", "2022-01-01", "2022-12-31", "Victimes assistées", "F", "3", "R"]))
    assert agree() == [("CI", "persons_prosecuted", None, 4), ("CI", "persons_prosecuted", "R", 100),
                       ("CM", "victims_assisted", "R", 3)]
    # A count with no source is a key of its own, replaced by the next count with no source.
    load("b.xlsx", _counts(["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "109", "R"],
                          ["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "6", ""]))
    assert agree() == [("CI", "persons_prosecuted", None, 6), ("CI", "persons_prosecuted", "R", 109),
                       ("CM", "victims_assisted", "R", 3)]
    rejected = load("bad.xlsx", _counts(["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "-5", "R"]))
    assert rejected.status == "rejected" and agree()[1] == ("CI", "persons_prosecuted", "R", 109)
    restore(con, first.version, loaded_by="test")
    assert agree() == [("CI", "persons_prosecuted", None, 4), ("CI", "persons_prosecuted", "R", 100),
                       ("CM", "victims_assisted", "R", 3)]

    # A database written before the table existed gets it, built from what it stored.
    from loaders import ingest

    old = duckdb.connect(str(tmp_path / "old.duckdb"))
    ensure_schema(old)
    ingest(old, "a.xlsx", _counts(["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "100", "R"]),
           loaded_by="test")
    ingest(old, "b.xlsx", _counts(["CI", "2023-01-01", "2023-12-31", "Personnes poursuivies", "", "109", "R"]),
           loaded_by="test")
    old.execute("DROP VIEW indicator_values")
    old.execute("DROP TABLE current_indicator_rows")
    old.execute("UPDATE schema_info SET schema_version = 5")
    ensure_schema(old)
    assert agree(old) == [("CI", "persons_prosecuted", "R", 109)]
    old.close()


def test_two_loads_at_once_both_land(tmp_path, monkeypatch):
    # The dashboard runs each upload in a thread of one process, on its own cursor. Two
    # loads writing at once used to number themselves alike, and the second was refused.
    import threading
    import time

    import duckdb

    from loaders import ensure_schema, ingest, store

    connection = duckdb.connect(str(tmp_path / "two.duckdb"))
    ensure_schema(connection)
    writing = store._write_rows

    def slow_write(*args, **kwargs):  # holds its transaction open while the other load arrives
        writing(*args, **kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(store, "_write_rows", slow_write)
    files = {country: xlsx({"Indicateurs": [IND_HEADER, [country, "2023-01-01", "2023-12-31",
                                                         "Personnes poursuivies", "", "100", "R"]]})
             for country in ("CI", "CM")}
    reports = {}

    def upload(country: str) -> None:
        cursor = connection.cursor()
        reports[country] = ingest(cursor, f"{country}.xlsx", files[country], loaded_by="test")
        cursor.close()

    threads = [threading.Thread(target=upload, args=(country,)) for country in files]
    for thread in threads:
        thread.start()
        time.sleep(0.2)
    for thread in threads:
        thread.join()
    assert {c: (r.status, [i.code for i in r.errors]) for c, r in reports.items()} == {
        "CI": ("loaded", []), "CM": ("loaded", [])}
    assert sorted(r.version for r in reports.values()) == [1, 2]
    assert connection.execute("SELECT country, value FROM indicator_values ORDER BY 1").fetchall() == [
        ("CI", 100), ("CM", 100)]
    connection.close()
