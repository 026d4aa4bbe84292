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


def test_an_sp_api_value_refusal_keeps_its_english_and_reads_german():
    import pytest

    from vendordesk.ingest import spapi_values

    with pytest.raises(UserError) as refused:
        spapi_values.number("12", "doc.json", "salesByAsin[3].orderedUnits")
    assert str(refused.value) == ("doc.json: salesByAsin[3].orderedUnits: '12' is not a number. Nothing was imported. "
                                  "The document is damaged; download it again from Amazon.")
    assert refused.value.text("de") == ("doc.json: salesByAsin[3].orderedUnits: '12' ist keine Zahl. Es wurde nichts "
                                        "importiert. Das Dokument ist beschädigt; laden Sie es erneut von Amazon "
                                        "herunter.")


def test_a_cut_off_csv_is_refused_in_german_under_its_new_name(tmp_path):
    import pytest

    from vendordesk.ingest.vc_csv import CsvRows

    path = tmp_path / "tmp1.csv"
    path.write_bytes("ASIN,Ordered Units\nB000000001,1\nB00000000ä".encode()[:-1])   # the ä's second byte is lost
    with pytest.raises(UserError) as refused:
        CsvRows(path, path.read_bytes())
    exc = refused.value.renamed("tmp1.csv", "sales.csv")
    assert str(exc) == ("sales.csv: the file looks cut off (it ends inside a character, in row 3); the download "
                        "probably did not finish. Nothing was imported. Download the report again from Vendor Central "
                        "and import the new file.")
    assert exc.text("de") == ("sales.csv: Die Datei sieht abgeschnitten aus (sie endet mitten in einem Zeichen, in "
                              "Zeile 3); der Download ist wohl nicht fertig geworden. Es wurde nichts importiert. Laden "
                              "Sie den Bericht erneut aus Vendor Central herunter und importieren Sie die neue Datei.")
