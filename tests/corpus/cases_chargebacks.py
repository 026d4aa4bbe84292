"""Chargeback and shortage exports through ``vendordesk import`` (issue 11: they must be routed,
with the same number rules: ``1.234 €`` is 1234, the credit ``-45,00 €`` stays negative)."""

from __future__ import annotations

from tests.corpus.harness import Case, Refused, Stored

DE_HEADER = "Vorgangs-ID;Rückbelastungstyp;Bestellung;ASIN;Betrag;Währung;Datum"
EN_SHORTAGE = "Shortage Claim ID,Invoice Number,Shortage Amount,Claim Date"


def chargebacks_are(expected: dict[str, tuple[float, str, str]]):
    """The chargebacks table holds exactly these rows: external_id -> (amount, kind, currency)."""
    def check(conn, _import_id):
        got = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
            "SELECT external_id, amount, kind, currency FROM chargebacks")}
        assert set(got) == set(expected), f"chargeback IDs {sorted(got)}, expected {sorted(expected)}"
        for key, (amount, kind, currency) in expected.items():
            g_amount, g_kind, g_currency = got[key]
            assert abs(g_amount - amount) < 1e-9, f"{key}: amount {g_amount}, expected {amount}"
            assert g_kind == kind, f"{key}: kind {g_kind}, expected {kind}"
            assert g_currency == currency, f"{key}: currency {g_currency}, expected {currency}"
    return check


def _de(rows: list[tuple[str, str]]) -> bytes:
    lines = [DE_HEADER] + [f"{cid};ASN-Genauigkeit;1A2B3C4D;B0CB000001;{amount};EUR;0{n + 1}.03.2024"
                           for n, (cid, amount) in enumerate(rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _stored(expected: dict) -> Stored:
    return Stored(check=chargebacks_are(expected), new_imports=None)


def cases() -> list[Case]:
    mixed = _de([("CB-1001", "1.234 €"), ("CB-1002", "-45,00 €"), ("CB-1003", "12,50 €")])
    shortage = (EN_SHORTAGE + "\nSC-2001,INV123-SC,\"$1,234.56\",2024-05-05\n").encode()
    bad = _de([("CB-1001", "12,50 €"), ("CB-1002", "zwölf")])
    quote = _de([("CB-1001", "12,50 €")]) + b'CB-1002;"Versp\xc3\xa4tet;1A2B3C4D;B0CB000001;3,00 \xe2\x82\xac;EUR;02.03.2024\n'
    return [
        # 1.234 € beside 12,50 €: the comma is the decimal mark, so 1.234 is 1234 (and -45,00 is -45.00).
        Case("chargebacks-de-1.234-and-credit--45,00", "Rueckbelastungen.csv", mixed,
             stored=_stored({"CB-1001": (1234.0, "chargeback", "EUR"), "CB-1002": (-45.0, "chargeback", "EUR"),
                             "CB-1003": (12.5, "chargeback", "EUR")})),
        Case("chargebacks-de-lone-1.234", "cb-lone-1.234.csv", _de([("CB-1001", "1.234 €")]),
             stored=_stored({"CB-1001": (1234.0, "chargeback", "EUR")}), refused=Refused(field="1.234")),
        Case("chargebacks-de-credit-only", "cb-credit.csv", _de([("CB-1002", "-45,00 €")]),
             stored=_stored({"CB-1002": (-45.0, "chargeback", "EUR")})),
        Case("chargebacks-de-credit-parentheses", "cb-credit-parens.csv", _de([("CB-1002", "(45,00 €)")]),
             stored=_stored({"CB-1002": (-45.0, "chargeback", "EUR")})),
        Case("chargebacks-de-dot-decimal-19.99", "cb-19.99.csv", _de([("CB-1004", "19.99 €")]),
             stored=_stored({"CB-1004": (19.99, "chargeback", "EUR")})),
        # No currency column, amounts in dollars: USD from the sign, never the EUR workspace's currency.
        Case("shortage-claims-en-dollar", "shortage-claims.csv", shortage,
             stored=_stored({"SC-2001": (1234.56, "shortage", "USD")}), refused=Refused(field="currency")),
        Case("chargebacks-bad-amount-row-3", "cb-bad-amount.csv", bad, refused=Refused(rows=(3, 2), field="Betrag")),
        Case("chargebacks-unbalanced-quote", "cb-quote.csv", quote,
             stored=_stored({"CB-1001": (12.5, "chargeback", "EUR"), "CB-1002": (3.0, "chargeback", "EUR")}),
             refused=Refused(rows=(3, 2))),
    ]
