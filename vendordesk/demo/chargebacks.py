"""Chargebacks and shortage claims raised after the late, short and mis-labelled deliveries (E08/E09)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from vendordesk.core import tickets as rules
from vendordesk.demo.catalog import Catalog
from vendordesk.demo.orders import Line
from vendordesk.text import formatter, texts

CARTON_FEE = 2.00          # EUR per defective carton (carton content accuracy)
UNITS_PER_CARTON = 6


def _settle(rng, raised: date, due: date, end: date, amount: float) -> tuple[str, int, float]:
    """Dispute status, dispute count and recovered amount as of ``end``."""
    u = float(rng.random())
    if due >= end:
        return ("disputed", 1, 0.0) if u < 0.3 else ("open", 0, 0.0)
    if u < 0.45:
        return "accepted", 0, 0.0
    if u < 0.75:
        return "won", 1, amount
    if u < 0.87:
        return "lost", 2, 0.0
    return "won", 2, round(amount * 0.5, 2)


def _charges(ln: Line, lang: str = "de") -> list[tuple[str, str, float, str]]:
    """(type, issue group, amount, note) for one received PO line; the note in ``lang`` (the KAM's
    language when the demo was written), its dates in that locale."""
    _ = texts(lang)
    found = []
    if ln.late:
        found.append(("PO On-Time Accuracy", "PO", 0.03 * ln.recv * ln.cost,
                      _("Received {date}, after the delivery window", date=formatter(lang).date(ln.delivered))))
    if 0 < ln.ship < ln.conf:
        missing = int(ln.conf - ln.ship)
        found.append(("PO Not Filled", "PO", 0.05 * (ln.conf - ln.ship) * ln.cost,
                      _.ngettext("{n} confirmed unit not delivered", "{n} confirmed units not delivered",
                                 missing, n=missing)))
    if ln.asn:
        if ln.t % 2:
            found.append(("ASN Accuracy", "ASN", 0.02 * ln.ship * ln.cost,
                          _("ASN quantity differs from what was received")))
        else:
            cartons = max(1, int(np.ceil((ln.ship - ln.recv) / UNITS_PER_CARTON)))
            found.append(("Carton Content Accuracy", "Receive", CARTON_FEE * cartons,
                          _.ngettext("{n} carton with different contents", "{n} cartons with different contents",
                                     cartons, n=cartons)))
    return found


def build_chargebacks(rng, cat: Catalog, lines: list[Line], end: date, import_id: int,
                      lang: str = "de") -> list[tuple]:
    """Rows for the chargebacks table: chargebacks, then one shortage claim per short invoice
    (notes in ``lang``)."""
    rows = []
    serial = 0
    for ln in lines:
        if ln.delivered is None:
            continue
        raised = ln.delivered + timedelta(days=(2 - ln.delivered.weekday()) % 7 + 7)   # a Wednesday
        if raised > end:
            continue
        for kind, group, amount, note in _charges(ln, lang):
            amount = round(max(amount, 0.5), 2)
            due = raised + timedelta(days=30)
            status, count, recovered = _settle(rng, raised, due, end, amount)
            serial += 1
            rows.append((f"CB-{raised:%y%m}-{serial:05d}", "chargeback", kind, group, ln.po, cat.asins[ln.i],
                         None, amount, "EUR", raised.isoformat(), due.isoformat(), count, status,
                         recovered, None, note, import_id))
    rows += _shortages(rng, cat, lines, end, import_id, lang)
    return rows


def _shortages(rng, cat: Catalog, lines: list[Line], end: date, import_id: int, lang: str = "de") -> list[tuple]:
    """Invoice shortfalls: claim ~5 days before the invoice is due, dispute after 35 days' matching."""
    _ = texts(lang)
    dates = formatter(lang)
    by_po: dict[str, list[Line]] = {}
    for ln in lines:
        if ln.delivered is not None and ln.recv < ln.ship:
            by_po.setdefault(ln.po, []).append(ln)
    rows = []
    for number, short in by_po.items():
        invoice_date = short[0].delivered - timedelta(days=2)
        invoice = f"DE{invoice_date:%y%m%d}{number[:4]}"
        due = invoice_date + timedelta(days=30)
        raised = due - timedelta(days=5)
        if raised > end:
            continue
        amount = round(sum((ln.ship - ln.recv) * ln.cost for ln in short), 2)
        worst = max(short, key=lambda ln: ln.ship - ln.recv)
        dispute_from = due + timedelta(days=35)
        status, count, recovered = _settle(rng, raised, dispute_from, end, amount)
        if dispute_from >= end:
            status, count, recovered = "open", 0, 0.0
        note = _("Invoice due {due}; reconciliation until {until}, dispute possible after that",
                 due=dates.date(due), until=dates.date(dispute_from))
        closes = rules.add_months(invoice_date, rules.SHORTAGE_MAX_AGE_MONTHS)     # 24 months from the invoice
        rows.append((f"{invoice}-SC", "shortage", "Shortage Claim", "Receive", number, cat.asins[worst.i],
                     invoice, amount, "EUR", raised.isoformat(), closes.isoformat(),
                     count, status, recovered, None, note, import_id))
    return rows
