"""Refusals carry their message id and fields: English in ``str``, any catalogue language in ``text``."""

from __future__ import annotations

from vendordesk.errors import UserError
from vendordesk.ingest.detect import NO_SUCH_FILE


def test_a_refusal_is_english_text_and_translated_on_demand():
    exc = UserError(NO_SUCH_FILE, file="a.csv")
    assert str(exc) == "a.csv: no such file. Check the path."
    assert exc.text("de") == "a.csv: Keine solche Datei. Prüfen Sie den Pfad."
    assert exc.text("xx") == str(exc)          # a language without a catalogue reads English


def test_renamed_keeps_the_message_id_and_finished_text_stays_as_it_is():
    exc = UserError(NO_SUCH_FILE, file="tmp123.xlsx").renamed("tmp123.xlsx", "sales.xls")
    assert exc.text("de") == "sales.xls: Keine solche Datei. Prüfen Sie den Pfad."
    plain = UserError("tmp123.xlsx: row 3: bad").renamed("tmp123.xlsx", "sales.xls")
    assert str(plain) == plain.text("de") == "sales.xls: row 3: bad"


def test_detail_appended_after_raising_is_kept_behind_the_translation():
    exc = UserError(NO_SUCH_FILE, file="a.csv")
    exc.args = (f"{exc} (SQLite: busy)",)
    assert exc.text("de") == "a.csv: Keine solche Datei. Prüfen Sie den Pfad. (SQLite: busy)"
