"""Issue 17 (command line): a German KAM's ``--lang de`` output had English ("Brief written: b.pdf"),
counts without German thousands separators ("89799 Zeilen"), raw department ids in a refusal
("Verwenden Sie eine von: content, finance, ...") and refused German dates ("--asof 21.11.2026").
CSV and JSON keep their scripting contract; this is the human output."""

from __future__ import annotations

import re

import pytest

from tests.e2e.test_commands_german import english_in, run

pytestmark = pytest.mark.slow


def german_count(n: int) -> str:
    """12345 -> "12.345", worked out here (not by the code under test)."""
    digits = str(n)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ".".join(groups)


def test_german_count_by_hand():
    assert (german_count(7), german_count(1234), german_count(89799), german_count(1048575)) == (
        "7", "1.234", "89.799", "1.048.575")


def test_an_export_counts_its_rows_with_german_separators(demo_path, tmp_path, capsys):
    out_file = tmp_path / "kennzahlen.csv"
    code, out, err = run(capsys, "export", "facts", "--workspace", str(demo_path), "--out", str(out_file))
    assert code == 0, err
    rows = len(out_file.read_text(encoding="utf-8").splitlines()) - 1        # less the header
    assert rows > 1000
    assert out.strip() == f"{german_count(rows)} Zeilen nach {out_file} geschrieben", out


def test_a_written_brief_is_said_in_german(demo_path, tmp_path, capsys):
    pdf = tmp_path / "logistik.pdf"
    code, out, err = run(capsys, "brief", "department", "Logistik", "--workspace", str(demo_path), "--out", str(pdf))
    assert code == 0, err
    assert pdf.stat().st_size > 0
    assert out.strip() == f"Unterlage geschrieben: {pdf}", out


def test_an_unknown_department_lists_the_german_names(demo_path, tmp_path, capsys):
    code, _out, err = run(capsys, "brief", "department", "einkauf", "--workspace", str(demo_path),
                          "--out", str(tmp_path / "a.pdf"))
    assert code == 2
    assert "Logistik" in err and "Geschäftsführung" in err and " oder " in err, err
    assert not re.search(r"\b(logistics|finance|management|production)\b", err), err
    assert english_in(err) == [], err


@pytest.mark.parametrize(("german", "iso"), [("21.11.2026", "2026-11-21"), ("5.10.26", "2026-10-05")])
def test_gears_take_a_german_date(demo_path, capsys, german, iso):
    """``--asof`` reads the date as the tickets' fields do; the same report either way."""
    code, by_iso, err = run(capsys, "gears", "--workspace", str(demo_path), "--asof", iso)
    assert code == 0, err
    code, by_german, err = run(capsys, "gears", "--workspace", str(demo_path), "--asof", german)
    assert code == 0, err
    assert by_german == by_iso and by_german.strip()


def test_a_bad_date_names_both_forms_in_german(demo_path, capsys):
    code, _out, err = run(capsys, "gears", "--workspace", str(demo_path), "--asof", "gestern")
    assert code == 2
    assert "--asof" in err and "01.03.2026" in err and english_in(err) == [], err


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_sync_refuses_a_bad_day_in_german_before_going_online(demo_path, capsys, option):
    """``--from``/``--to`` read 01.03.2026 as the window does; a day that is none is refused by name,
    before the keyring or Amazon is asked."""
    code, _out, err = run(capsys, "sync", "--workspace", str(demo_path), option, "2026-13-01")
    assert code == 2
    assert option in err and "01.03.2026" in err and "Zugangsdaten" not in err, err
    assert english_in(err) == [], err


def test_the_gears_text_shows_money_with_its_currency_and_keeps_its_columns(demo_path, capsys):
    """"Werbekosten 12.494 ggü. 12.743": an amount without its currency beside percentages and counts;
    and a long KPI name ("Anteil ASINs mit OOS über 8 % (letzte 4 Wochen)") pushed its row's columns out."""
    code, out, err = run(capsys, "gears", "--workspace", str(demo_path))
    assert code == 0, err
    assert re.search(r"^\s+Werbekosten\s+\d{1,3}(\.\d{3})*\s€\s+ggü\.\s+\d{1,3}(\.\d{3})*\s€\s", out, re.M), out
    assert re.search(r"^\s+Konversion\s+\d+,\d\s%\s+ggü\.", out, re.M), out          # a rate stays a rate
    kpi_rows = [line for line in out.splitlines() if " ggü. " in line]
    assert len(kpi_rows) > 20
    assert len({line.index(" ggü. ") for line in kpi_rows}) == 1, "\n".join(kpi_rows)
