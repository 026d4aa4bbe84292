"""Big SP-API documents are decoded in pieces without json's object_pairs_hook when the colons of a
piece prove that no object names a key twice; a key named twice is still refused, naming it."""

from __future__ import annotations

import json

import pytest

from tests.ingest.spapi_docs import sales_doc, sales_row
from vendordesk.errors import UserError
from vendordesk.ingest import spapi_stream
from vendordesk.ingest.spapi import parse_document
from vendordesk.ingest.spapi_values import no_key_twice

MONEY = ("orderedRevenue", "shippedRevenue", "shippedCogs")


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of a few records each, so an 11-record list is decoded piece by piece."""
    monkeypatch.setattr(spapi_stream, "PIECE_CHARS", 500)
    monkeypatch.setattr(spapi_stream, "MIN_PIECE_CHARS", 1)


def _doc(rows=11):
    return sales_doc(by_asin=[sales_row(f"B{i:09d}", units=i % 5) for i in range(rows)])


def _facts(report):
    return report.summary(), {t: (b.columns, b.rows) for t, b in report.blocks.items()}, report.extras


def test_counting_keys_against_colons_by_hand():
    # one record, 2 keys of its own + 2 in its Money object = 4 keys; its text has 4 colons
    text = '[{"asin": "B000000001", "shippedCogs": {"amount": 1.5, "currencyCode": "EUR"}}]'
    assert no_key_twice(json.loads(text), text.count(":"), MONEY) is True
    twice = '[{"asin": "B000000001", "asin": "B000000002"}]'          # 2 colons, 1 key kept
    assert no_key_twice(json.loads(twice), twice.count(":"), MONEY) is False
    in_money = '[{"shippedCogs": {"amount": 1, "amount": 2}}]'          # 3 colons, 1 + 1 keys kept
    assert no_key_twice(json.loads(in_money), in_money.count(":"), MONEY) is False
    in_text = '[{"note": "10:30"}]'                                     # 2 colons, 1 key: not provable
    assert no_key_twice(json.loads(in_text), in_text.count(":"), MONEY) is False
    deeper = '[{"x": {"y": 1}}]'                                        # "x" is not counted below: 2 vs 1
    assert no_key_twice(json.loads(deeper), deeper.count(":"), MONEY) is False


@pytest.mark.parametrize("where, repeated", [
    ('"shippedUnits": 3, ', '"shippedUnits": 3, "shippedUnits": 99, '),
    ('"currencyCode": "EUR"}', '"currencyCode": "EUR", "currencyCode": "USD"}'),
], ids=["in-a-record", "in-a-money-object"])
def test_a_key_named_twice_in_a_piece_is_refused(small_pieces, where, repeated):
    text = json.dumps(_doc())
    record = text.rindex('{"startDate"', 0, text.index('"B000000008"'))   # record 8 (units 3): a later piece
    at = text.index(where, record)
    text = text[:at] + repeated + text[at + len(where):]
    field = "shippedUnits" if "shippedUnits" in repeated else "currencyCode"
    with pytest.raises(UserError, match=f'"{field}" appears 2 times'):
        spapi_stream.parse_text(text, "s.json")


def test_a_colon_inside_a_string_reads_as_the_decoded_document(small_pieces):
    doc = _doc()
    doc["salesByAsin"][8]["note"] = "10:30"       # an extra: kept, read by the careful path
    text = json.dumps(doc)
    assert _facts(spapi_stream.parse_text(text, "s.json")) == _facts(parse_document(json.loads(text), "s.json"))
