"""Chargeback and shortage files through ``vendordesk import``: the one number parser, deadlines by rule."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from vendordesk.cli import main
from vendordesk.ingest.chargebacks import (
    looks_like,
    shortage_dispute_closes,
)
from vendordesk.store import open_workspace


def _workspace(tmp_path: Path, locale: str | None = "de_DE") -> Path:
    path = tmp_path / "ws.vendordesk"
    with open_workspace(path, create=True) as ws:
        if locale:
            ws.set_meta("locale", locale)
    return path


def _chargebacks(path: Path) -> dict:
    with open_workspace(path) as ws:
        cursor = ws.conn.execute("SELECT external_id, kind, amount, currency, raised_on, invoice_date, dispute_due "
                                 "FROM chargebacks ORDER BY external_id")
        return {r[0]: r[1:] for r in cursor.fetchall()}


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_amounts_use_the_column_wise_parser_and_keep_credits_negative(tmp_path, capsys):
    """'1.234 €' is 1234 (the column's '-45,00 €' makes ',' the decimal mark); the credit stays -45.00."""
    ws = _workspace(tmp_path, locale=None)
    path = _file(tmp_path, "cb.csv", "Chargeback ID;Type;Amount;Date\nCB-1;ASN;1.234 €;01.03.2024\n"
                 "CB-2;ASN;-45,00 €;02.03.2024\n")
    assert main(["import", "--workspace", str(ws), str(path)]) == 0
    assert "cb.csv: chargebacks (CSV)" in capsys.readouterr().out     # the format as the import dialog names it
    rows = _chargebacks(ws)
    assert rows["CB-1"][:3] == ("chargeback", 1234.0, "EUR")
    assert rows["CB-2"][:2] == ("chargeback", -45.0)
    assert rows["CB-1"][5] == "2024-03-31"                    # raised 03-01 + 30 days (T24)


def test_ambiguous_amount_uses_the_workspace_locale_and_says_so(tmp_path, capsys):
    ws = _workspace(tmp_path, locale="de_DE")
    path = _file(tmp_path, "cb.csv", "ID,Type,Amount,Date\nA,ASN,\"1.234 €\",2024-03-01\n")
    assert main(["import", "--workspace", str(ws), str(path)]) == 0
    assert "'1.234 €' were read as 1234" in capsys.readouterr().out
    assert _chargebacks(ws)["A"][1] == 1234.0


def test_ambiguous_amount_without_any_locale_is_refused_and_nothing_changes(tmp_path):
    ws = _workspace(tmp_path, locale=None)
    before = ws.read_bytes()
    path = _file(tmp_path, "cb.csv", "ID,Type,Amount,Date\nA,ASN,\"1.234 €\",2024-03-01\n")
    result = subprocess.run([sys.executable, "-m", "vendordesk", "import", "--workspace", str(ws), str(path)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cb.csv: column 'Amount': '1.234 €' can be read as 1234 or 1.234" in result.stderr
    assert ws.read_bytes() == before and not Path(f"{ws}-wal").exists()


def test_shortage_deadline_is_invoice_date_plus_24_months(tmp_path):
    """Invoice 2024-01-15 -> 2026-01-15; invoice 2024-02-29 -> 2026-02-28 (no 29th in 2026)."""
    ws = _workspace(tmp_path)
    path = _file(tmp_path, "sc.csv", "Shortage claim ID;Invoice number;Invoice date;Amount;Date\n"
                 "SC-1;INV1-SC;15.01.2024;99,90 €;20.02.2024\nSC-2;INV2-SC;29.02.2024;10,00 €;04.04.2024\n")
    assert main(["import", "--workspace", str(ws), str(path)]) == 0
    rows = _chargebacks(ws)
    assert rows["SC-1"] == ("shortage", 99.9, "EUR", "2024-02-20", "2024-01-15", "2026-01-15")
    assert rows["SC-2"][3:] == ("2024-04-04", "2024-02-29", "2026-02-28")
    with open_workspace(ws) as handle:
        from vendordesk.store.tickets import chargebacks_frame

        assert chargebacks_frame(handle).set_index("external_id").loc["SC-1", "invoice_date"] == "2024-01-15"


def test_shortage_dispute_closes_24_months_later_by_hand():
    assert shortage_dispute_closes(dt.date(2024, 5, 10)) == dt.date(2026, 5, 10)   # 24 months, not 730 days
    assert dt.date(2024, 5, 10) + dt.timedelta(days=730) == dt.date(2026, 5, 10)  # (same here, but:)
    assert shortage_dispute_closes(dt.date(2023, 5, 10)) == dt.date(2025, 5, 10) != \
        dt.date(2023, 5, 10) + dt.timedelta(days=730)                               # 2025-05-09 across a leap day


def test_bad_rows_are_named_and_nothing_is_written(tmp_path):
    ws = _workspace(tmp_path)
    before = ws.read_bytes()
    path = _file(tmp_path, "bad.csv", "ID;ASIN;Amount;Date\nA;B0C1234567;12,00;01.03.2024\nB;XYZ;5,00;02.03.2024\n"
                 "C;;abc;03.03.2024\n")
    result = subprocess.run([sys.executable, "-m", "vendordesk", "import", "--workspace", str(ws), str(path)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    assert "row 3: asin (column 'ASIN'): 'XYZ' is not an ASIN" in result.stderr
    assert "row 4: amount (column 'Amount'): 'abc' is not a number" in result.stderr
    assert ws.read_bytes() == before and not Path(f"{ws}-wal").exists()


def test_unclosed_quote_in_a_chargeback_file_is_refused(tmp_path):
    ws = _workspace(tmp_path)
    path = _file(tmp_path, "q.csv", 'ID;Type;Amount;Date\nA;"ASN;12,00;01.03.2024\nB;ASN;5,00;02.03.2024\n')
    assert main(["import", "--workspace", str(ws), str(path)]) == 2
    assert _chargebacks(ws) == {}


def test_a_currency_the_file_does_not_name_is_said(tmp_path, capsys):
    ws = _workspace(tmp_path)
    path = _file(tmp_path, "nocur.csv", "ID;Type;Amount;Date\nA;ASN;12,00;01.03.2024\nB;ASN;5,00 €;02.03.2024\n")
    assert main(["import", "--workspace", str(ws), str(path)]) == 0
    assert "1 row names no currency" in capsys.readouterr().out
    assert {k: v[2] for k, v in _chargebacks(ws).items()} == {"A": "EUR", "B": "EUR"}


@pytest.mark.parametrize("header, expected", [
    (b"Chargeback ID;Type;Amount;Date\n", True),
    (b"\xef\xbb\xbfVorgangs-ID;Typ;Bestellnummer;ASIN;Rechnungsnummer;Betrag;W\xc3\xa4hrung;Datum\n", True),
    (b"ASIN,Shipped Revenue,Shipped Units\n", False),
    (b"Program=[Retail],Viewing Range=[1/1/24 - 1/7/24]\nASIN,Amount,Date\n", False),
])
def test_dispatch_recognises_chargeback_headers(header, expected):
    assert looks_like(header) is expected
