"""A refused or warned import reads German from end to end under ``--lang de``.

The refusals were German sentences with English inside: Python's own reader errors ("line contains
NUL", "Expecting ',' delimiter"), "(5000 digits)", "12 and 99", "1 bad row(s): row 3: amount ... is
not a number"; the warnings and the summary line ("1 negative values in ...", "1 Zeilen, 1 ASINs",
"week 2024-10-06..2024-10-12") were English altogether."""

from __future__ import annotations

import json
import re

import pytest

from tests.corpus import build_spapi as sp
from tests.corpus.build_vc import sales_csv
from tests.e2e.cli_helpers import cli, digest

# English words that no German sentence of ours uses (names quoted from a file are taken out first).
ENGLISH = ("the", "is", "are", "was", "not", "and", "of", "row", "rows", "column", "file", "with", "has", "digits",
           "field", "line", "contains", "expected", "values", "number", "stored", "kept", "negative", "warning",
           "bytes", "more", "week", "view", "currency", "delimiter", "Expecting", "NUL byte")


def english_in(text: str) -> list[str]:
    """English words left once quoted things are removed: '…', "…", [..], file names, JSON paths."""
    prose = re.sub(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|\S+\.(?:csv|json)\b|\w+(?:\.\w+|\[\d+\])+", " ", text)
    return [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", prose)]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    path = tmp_path_factory.mktemp("ws") / "konto.vendordesk"
    assert cli("demo", str(path), "--asins", "5", "--weeks", "10").returncode == 0
    return path


def run_de(workspace, file, *extra):
    before = digest(workspace)
    result = cli("import", "--workspace", str(workspace), str(file), "--lang", "de", *extra)
    return result, before


def test_a_nul_byte_deep_in_the_file_is_refused_in_german(workspace, tmp_path):
    """A NUL after the first 4 KB (where the file still looks like text) lands in a cell; the
    refusal names row and column in German (Python 3.11's csv reads NUL; older ones said "line
    contains NUL", which tests/ingest/test_deferred_texts.py covers)."""
    rows = [[f"B0N{i:07d}", "19,99 €", "3"] for i in range(400)]
    data = sales_csv("de_DE", rows).replace(b"B0N0000350;19,99", b"B0N0000350;19\x0099")
    assert data.index(b"\x00") > 4096
    file = tmp_path / "nul-spaet.csv"
    file.write_bytes(data)
    result, before = run_de(workspace, file)
    assert result.returncode == 2
    err = result.stderr.strip()
    # the metadata line is row 1, the header row 2: ASIN B0N0000350 is the 351st data row, row 353
    assert err.startswith("vendordesk: nul-spaet.csv: Zeile 353, Spalte 'Versandter Umsatz': '19\\x0099 €' ist "
                          "keine Zahl"), err
    assert "Es wurde nichts importiert." in err and english_in(err) == [], err
    assert digest(workspace) == before


def test_a_5000_digit_number_is_counted_with_german_digits(workspace, tmp_path):
    file = tmp_path / "riesig.json"
    file.write_bytes(sp.render(sp.sales([sp.sales_row("B0H0000001", units=sp.RAW)]), "9" * 5000))
    result, before = run_de(workspace, file)
    assert result.returncode == 2
    err = result.stderr
    assert "riesig.json: salesByAsin[0].shippedUnits: Die Ganzzahl 999999999999… (5.000 Ziffern) ist zu groß" in err
    assert "digits" not in err and english_in(err) == [], err
    english = cli("import", "--workspace", str(workspace), str(file), "--lang", "en")
    assert "(5,000 digits)" in english.stderr
    assert digest(workspace) == before


def test_the_values_of_a_repeated_key_are_joined_in_german(workspace, tmp_path):
    file = tmp_path / "doppelt.json"
    file.write_bytes(sp.render(sp.sales([sp.sales_row("B0S0000008", units=sp.RAW)]), '12, "shippedUnits": 99'))
    result, before = run_de(workspace, file)
    assert result.returncode == 2
    assert "mit den Werten 12 und 99;" in result.stderr and " and " not in result.stderr
    assert english_in(result.stderr) == [], result.stderr
    assert digest(workspace) == before


def test_broken_json_names_line_and_column_in_german(workspace, tmp_path):
    file = tmp_path / "kaputt.json"
    file.write_text('{"reportSpecification": {"reportType": "GET_VENDOR_SALES_REPORT",, "x": 1}}', encoding="utf-8")
    result, before = run_de(workspace, file)
    assert result.returncode == 2
    err = result.stderr
    # {=1, "reportSpecification"=2-22, :=23, space, {=25, "reportType"=26-37, :=38, space,
    # "GET_VENDOR_SALES_REPORT"=40-64, ,=65: the second comma, at column 66, stands where a name belongs
    assert ("kaputt.json: Das JSON kann nicht gelesen werden, es ist ungültig: ein Feldname in doppelten "
            "Anführungszeichen fehlt in Zeile 1, Spalte 66.") in err, err
    assert "Expecting" not in err
    assert english_in(err) == [], err


def test_bad_chargeback_rows_are_named_in_german_with_their_field_and_column(workspace, tmp_path):
    file = tmp_path / "rueckbelastungen.csv"
    file.write_text("ID;ASIN;Amount;Date\nA;B0C1234567;12,00;01.03.2024\nB;XYZ;5,00;02.03.2024\n"
                    "C;;abc;03.03.2024\n", encoding="utf-8")
    result, before = run_de(workspace, file)
    assert result.returncode == 2
    err = result.stderr.strip()
    assert err == ("vendordesk: rueckbelastungen.csv: 2 fehlerhafte Zeilen: Zeile 3: ASIN (Spalte 'ASIN'): 'XYZ' ist "
                   "keine ASIN (10 Zeichen, B0… oder eine ISBN-10); Zeile 4: Betrag (Spalte 'Amount'): 'abc' ist "
                   "keine Zahl. Es wurde nichts importiert. Korrigieren Sie die Zeilen und importieren Sie erneut.")
    assert digest(workspace) == before


def test_warnings_and_the_summary_line_are_german(workspace, tmp_path):
    """One negative amount in a US file imported into a EUR account: two warnings, one row."""
    file = tmp_path / "us-negativ.csv"
    file.write_bytes(sales_csv("en_US", [["B0X0000009", "-$45.00", "1"]]))
    result = cli("import", "--workspace", str(workspace), str(file), "--lang", "de", "--dry-run")
    assert result.returncode == 0, result.stderr
    summary, *warnings = result.stdout.strip().splitlines()
    # en_US range 10/6/24 - 10/12/24 is the week Sunday 6 to Saturday 12 October 2024
    assert summary == ("us-negativ.csv: Verkäufe (CSV), Sicht Manufacturing (Hersteller) / Retail, Woche 06.10.2024 – "
                       "12.10.2024, "
                       "Währung USD, 1 Zeile, 1 ASIN [Probelauf, nichts geschrieben]")
    assert "  Warnung: Die Beträge sind in USD, das Konto rechnet in EUR;" in warnings[0]
    assert warnings[1].startswith("  Warnung: 1 negativer Wert in 'Shipped Revenue'; unverändert übernommen")
    assert english_in(result.stdout) == [], result.stdout


def test_the_windows_events_carry_german_warnings_and_their_english_ids(workspace, tmp_path):
    file = tmp_path / "us-negativ.csv"
    file.write_bytes(sales_csv("en_US", [["B0X0000009", "-$45.00", "1"]]))
    result = cli("import", "--workspace", str(workspace), str(file), "--lang", "de", "--dry-run", "--events")
    done = [json.loads(line) for line in result.stdout.splitlines() if '"done"' in line]
    assert len(done) == 1
    summary = done[0]["summary"]
    assert summary["warnings"][1].startswith("1 negativer Wert in 'Shipped Revenue'")
    assert summary["warning_ids"][1].startswith("{count} negative value in '{column}'")

