"""Amazon's chargeback types and issue groups in the KAM's language (core.labels, one definition)."""

from __future__ import annotations

from vendordesk.core.labels import amazon_chargeback_term, chargeback_type_text, label


def test_types_read_german_whatever_their_spelling_in_the_export():
    assert label("chargeback_type", "PO On-Time Accuracy", "de") == "Lieferfenster verfehlt"
    assert label("chargeback_type", "SHORTAGE  CLAIM", "de") == "Fehlmengenforderung"
    assert label("chargeback_type", "ASN Accuracy", "en") == "ASN Accuracy"
    assert label("chargeback_group", "Receive", "de") == "Wareneingang"


def test_an_unknown_type_stays_as_amazon_wrote_it():
    assert label("chargeback_type", "Overweight Carton", "de") == "Overweight Carton"
    assert amazon_chargeback_term("Overweight Carton") is None
    assert label("chargeback_type", None, "de") is None


def test_amazons_term_in_brackets_only_where_it_differs():
    assert chargeback_type_text("po on-time accuracy", "de", with_term=True) == \
        "Lieferfenster verfehlt (PO On-Time Accuracy)"
    assert chargeback_type_text("ASN Accuracy", "en", with_term=True) == "ASN Accuracy"
    assert amazon_chargeback_term("asn accuracy") == "ASN Accuracy"
