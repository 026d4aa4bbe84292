"""Warnings and the pieces of refusals are kept as catalogue messages until someone reads them
(``vendordesk.text.Message``): English as a ``str``, the reader's language in ``text(lang)``."""

from __future__ import annotations

import copy
import json
import pickle

from vendordesk.errors import UserError
from vendordesk.ingest.library_texts import explained
from vendordesk.text import N_, Day, Joined, Listing, Message, Number, localized


def test_a_message_is_english_as_a_string_and_german_when_shown():
    warning = Message(N_("Amounts are in {currency}, the account works in {account}; they are kept in their own "
                         "currency. Check the account currency in Settings."), currency="USD", account="EUR")
    assert warning == ("Amounts are in USD, the account works in EUR; they are kept in their own currency. "
                       "Check the account currency in Settings.")
    assert warning.text("de") == ("Die Beträge sind in USD, das Konto rechnet in EUR; sie bleiben in ihrer eigenen "
                                  "Währung. Prüfen Sie die Kontowährung in den Einstellungen.")
    assert json.dumps([warning]) == json.dumps([str(warning)])           # stored as its English text


def test_counted_messages_take_the_plural_of_the_language():
    one = Message.ngettext("{count} negative value in '{column}'; kept as it is (returns above orders, backorders "
                           "or over-deliveries do this).", "{count} negative values in '{column}'; kept as they are "
                           "(returns above orders, backorders or over-deliveries do this).", 1, count=Number(1),
                           column="Ordered Units")
    many = Message.ngettext(one.msgid, one.plural or "", 1234, count=Number(1234), column="Ordered Units")
    assert one.startswith("1 negative value in 'Ordered Units'; kept as it is")
    assert many.startswith("1,234 negative values in 'Ordered Units'; kept as they are")
    assert one.text("de").startswith("1 negativer Wert in 'Ordered Units'; unverändert übernommen")
    assert many.text("de").startswith("1.234 negative Werte in 'Ordered Units'")     # Babel: 1.234


def test_numbers_days_and_lists_follow_the_reader():
    assert (Number(5000).text("de"), Number(5000).text("en"), str(Number(5000))) == ("5.000", "5,000", "5,000")
    # a reading of a decimal mark is shown ungrouped: 1234 must not become "1.234" in German
    assert (Number(1234.0, decimals=None).text("de"), Number(1.234, decimals=None).text("de")) == ("1234", "1,234")
    assert (str(Day("2024-10-06")), Day("2024-10-06").text("de")) == ("2024-10-06", "06.10.2024")
    assert (str(Listing(["12", "99"])), Listing(["12", "99"]).text("de")) == ("12 and 99", "12 und 99")
    assert Listing(["1234", "1,234"], style="or").text("de") == "1234 oder 1,234"
    assert Joined([Message(N_("{value} is not a number"), value="'x'"), "B"], "; ").text("de") == \
        "'x' ist keine Zahl; B"


def test_a_refusal_translates_the_messages_among_its_fields():
    digits = Message.ngettext("{start}… ({count} digit)", "{start}… ({count} digits)", 5000, start="999999999999",
                              count=Number(5000))
    refusal = UserError(N_("{file}: {field}: the integer {value} is too large to be a report value. Nothing was "
                           "imported. The document is damaged; download it again from Amazon."),
                        file="a.json", field="salesByAsin[0].shippedUnits", value=digits)
    assert "the integer 999999999999… (5,000 digits) is too large" in str(refusal)
    assert refusal.text("de").startswith("a.json: salesByAsin[0].shippedUnits: Die Ganzzahl 999999999999… "
                                         "(5.000 Ziffern) ist zu groß")
    renamed = refusal.renamed("a.json", "b.json")
    assert renamed.text("de").startswith("b.json: ") and "(5.000 Ziffern)" in renamed.text("de")


def test_a_message_survives_copy_and_pickle():
    warning = Message.ngettext("{count} row repeats an ASIN of the same marketplace; its units and amounts were "
                               "added up, rates taken from the last row.", "{count} rows repeat an ASIN of the same "
                               "marketplace; their units and amounts were added up, rates taken from the last row.",
                               2, count=Number(2))
    for twin in (copy.deepcopy(warning), pickle.loads(pickle.dumps(warning))):
        assert twin == warning and twin.text("de") == warning.text("de")
        assert twin.text("de").startswith("2 Zeilen wiederholen eine ASIN")


def test_library_errors_become_catalogue_messages():
    assert explained("line contains NUL").text("de") == "die Zeile enthält ein NUL-Byte, das in keinem Textexport vorkommt"
    assert explained("',' expected after '\"'").text("de") == \
        "auf ein schließendes Anführungszeichen '\"' muss ',' folgen"
    assert explained("Expecting ',' delimiter").text("de") == "ein Komma fehlt"
    assert explained("File is not a zip file").text("de") == "das ist keine ZIP-Datei"
    assert explained("Compressed file ended before the end-of-stream marker was reached").text("de") == \
        "die komprimierten Daten enden vorzeitig"
    unknown = explained("something no table knows")
    assert unknown == "something no table knows" and localized(unknown, "de") == unknown   # quoted as it is
