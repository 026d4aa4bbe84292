"""Issue 13: a shortage-claims file with an ``Invoice date`` column gets its dispute deadline
24 months from that date (domain.md §4.3), through ``vendordesk import``'s chargeback importer."""

import datetime as dt

from vendordesk.cli import main
from vendordesk.store.db import open_workspace


def test_invoice_date_sets_the_deadline(tmp_path):
    path = tmp_path / "shortages.csv"
    path.write_text("Claim ID;Type;Invoice number;Invoice date;Claim date;Shortage amount\n"
                    "INV1-SC;Shortage;INV1;15.03.2024;09.04.2024;12,50 €\n"
                    "INV2-SC;Shortage;INV2;;09.04.2024;7,00 €\n"
                    "INV3-SC;Shortage;INV3;29.02.2024;09.04.2024;1.234,50 €\n", encoding="utf-8")
    workspace = tmp_path / "w.vendordesk"
    open_workspace(workspace).close()
    assert main(["import", "--workspace", str(workspace), str(path)]) == 0
    ws = open_workspace(workspace)
    try:
        rows = dict(ws.conn.execute("SELECT external_id, dispute_due FROM chargebacks"))
        amounts = dict(ws.conn.execute("SELECT external_id, amount FROM chargebacks"))
    finally:
        ws.close()
    # 2024-03-15 + 24 months = 2026-03-15
    assert rows["INV1-SC"] == "2026-03-15"
    # no invoice date: claim 04-09 + 5 = due 04-14, - 30 days = invoice 2024-03-15 -> 2026-03-15
    assert rows["INV2-SC"] == dt.date(2026, 3, 15).isoformat()
    # an invoice date that differs from the one the claim date implies is the one used (a
    # deadline from the claim date would say 2026-03-15): 2024-02-29 + 24 months = 2026-02-28
    # (February 2026 has no 29th: the month's last day)
    assert rows["INV3-SC"] == "2026-02-28"
    assert amounts["INV3-SC"] == 1234.5          # "1.234,50 €": German thousands dot, decimal comma
