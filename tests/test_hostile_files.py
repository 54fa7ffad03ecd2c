"""Files that are not what they say, broken, or built to hurt: refused, database unchanged."""

import io
import zipfile

import pytest

from loaders import limits
from tests.conftest import dump
from tests.workbooks import plan_rows, xlsx

GOOD = xlsx({"Plan": plan_rows(["CM", "P", "1", "Axe", None, None, "1", "A", "1", ""])})


def _rejected(load, con, name, data, code):
    before = dump(con)
    report = load(name, data)
    assert report.status == "rejected"
    assert [i.code for i in report.errors] == [code]
    assert report.errors[0].message_fr and report.errors[0].message_en
    assert dump(con) == before
    return report.errors[0]


def test_empty_file(con, load):
    _rejected(load, con, "vide.xlsx", b"", "empty_file")


def test_text_renamed_to_xlsx(con, load):
    issue = _rejected(load, con, "faux.xlsx", b"Pays;Plan\nCM;P\n", "not_a_workbook")
    assert "extension" in issue.message_en


def test_truncated_workbook(con, load):
    _rejected(load, con, "coupe.xlsx", GOOD[: len(GOOD) // 2], "not_a_workbook")


def test_zip_that_is_not_a_workbook(con, load):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "bonjour")
    _rejected(load, con, "archive.xlsx", buffer.getvalue(), "not_a_workbook")


def test_zip_bomb_by_compression_ratio(con, load):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(32):
                part.write(b"\0" * (1 << 20))
    assert len(buffer.getvalue()) < 200_000
    _rejected(load, con, "bombe.xlsx", buffer.getvalue(), "zip_bomb")


def test_zip_bomb_by_decompressed_size(con, load, monkeypatch):
    # Declared sizes can lie: what counts is what decompresses, counted as it goes.
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 12 * 1024)  # > any one part, < their sum
    monkeypatch.setattr(limits, "MAX_COMPRESSION_RATIO", 10**9)
    _rejected(load, con, "gros.xlsx", GOOD, "zip_bomb")


def test_xml_bomb_is_refused_before_parsing(con, load):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "&lol%d;&lol%d;&lol%d;&lol%d;">' % (i, i - 1, i - 1, i - 1, i - 1)
                         for i in range(1, 10)).replace(b"&lol0;", b"&lol;")
              + b']><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    source = zipfile.ZipFile(io.BytesIO(GOOD))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = laughs if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            archive.writestr(item.filename, data)
    issue = _rejected(load, con, "lol.xlsx", buffer.getvalue(), "not_a_workbook")
    assert "DTD" in issue.message_en


def test_very_large_file_is_refused_unread(con, load):
    _rejected(load, con, "enorme.xlsx", b"PK\x03\x04" + b"\0" * (limits.MAX_FILE_BYTES + 1), "file_too_large")


def test_old_excel_format(con, load):
    issue = _rejected(load, con, "ancien.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old_excel")
    assert ".xlsx" in issue.message_en


def test_binary_renamed_to_csv(con, load):
    _rejected(load, con, "plan.csv", GOOD, "not_text")


def test_unknown_extension(con, load):
    _rejected(load, con, "plan.pdf", b"%PDF-1.4", "unknown_type")


def test_workbook_with_no_known_sheet(con, load):
    issue = _rejected(load, con, "autre.xlsx", xlsx({"Feuil1": [["a", "b"]]}), "no_known_sheet")
    assert "Feuil1" in issue.message_fr


@pytest.mark.parametrize("rows", [[], [["Pays", "Plan", "Axe", "Code action", "Action"]]])
def test_plan_sheet_without_data(con, load, rows):
    code = "no_header" if not rows else "no_rows"
    _rejected(load, con, "vide.xlsx", xlsx({"Plan": rows}), code)
