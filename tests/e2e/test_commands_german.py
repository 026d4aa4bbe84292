"""Every command's own output and refusals under ``--lang de`` (typical bad input included).

Before, ``simulate`` printed its summary in English whatever the language, ``events list`` showed
ISO dates and "Easter 2026", ``negotiation list`` the raw status "draft", and the refusals of
export, events, sync, brief and tickets were English f-strings."""

from __future__ import annotations

import re

import pytest

from vendordesk.cli import main

ENGLISH = ("the", "is", "are", "was", "not", "and", "of", "file", "folder", "must", "end", "before", "start",
           "unknown", "known", "Choose", "Give", "Write", "Nothing", "weeks", "case", "exists", "own", "event",
           "period", "units", "likely", "between", "revenue", "What-if")


def english_in(text: str) -> list[str]:
    """English words left once the syntax and quoted names are taken out."""
    prose = re.sub(r"'[^']*'|`[^`]*`|--[\w-]+|/\S+|\b[a-z]+_[a-z_]+\b", " ", text)
    return [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", prose)]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--lang", "de"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("args", "german"), [
    (["export", "facts", "--out", "{tmp}/kennzahlen.txt"], "kennzahlen.txt: Die Exportdatei muss auf .csv oder "
                                                           ".xlsx enden."),
    (["export", "facts", "--out", "{tmp}/fehlt/k.csv"], "k.csv kann nicht geschrieben werden: Den Ordner "),
    (["events", "add", "user", "Aktion", "2027-03-14", "2027-03-01"],
     "ENDE 01.03.2027 liegt vor BEGINN 14.03.2027. Geben Sie den ersten Tag zuerst an."),
    (["events", "add", "deal", "Aktion", "2027-03-01"],
     "ART 'deal': unbekannt. Wählen Sie eine von: Prime Day, Prime Big Deal Days, Black Friday, Cyber Monday, "
     "Weihnachten, Ostern, Muttertag, Eigenes Ereignis."),
    (["events", "add", "user", "Aktion", "2027-13-01"],
     "BEGINN '2027-13-01': kein Datum. Schreiben Sie es z. B. als 13.07.2027 oder 2027-07-13."),
    (["events", "add", "user", "Aktion", "31.02.2027"], "BEGINN '31.02.2027': kein Datum."),
    (["events", "add", "user", "Aktion", "01.03.2027", "--asin", "B0NICHTDA1"],
     "ASIN B0NICHTDA1: nicht in diesem Arbeitsbereich. Das Ereignis wurde nicht angelegt."),
    (["events", "remove", "99999"], "ID 99999: kein eigenes Ereignis mit dieser ID."),
    (["negotiation", "show", "999"], "Preiserhöhungsfall 999: gibt es nicht. "),
    (["brief", "negotiation", "1", "--out", "{tmp}/b.pdf"],
     "Sagen Sie mit --audience amazon oder --audience internal, für wen die Unterlage ist. amazon = "),
    (["simulate", "--shock", "preis=-5%"], "--shock 'preis' ist keine bekannte Kennzahl. Verwenden Sie eine von: "),
    (["simulate", "--shock", "cost_price"], "--shock 'cost_price' hat nicht die Form KPI=DELTA[@WOCHEN]."),
    (["simulate", "--shock", "cost_price=+6%", "--weeks", "0"], "--weeks 0: muss zwischen 1 und 260 liegen."),
    (["sync", "--from", "2026-05-01", "--to", "2026-04-01"],
     "Synchronisierung: Der Zeitraum endet (01.04.2026), bevor er beginnt (01.05.2026). Tauschen Sie die Daten."),
    (["sync", "--reports", "umsatz"], "--reports: umsatz unbekannt. Verwenden Sie "),
    (["brief", "management", "--out", "{tmp}/bericht.txt"], "Die Unterlage ist ein PDF."),
    (["brief", "department", "einkauf", "--out", "{tmp}/abteilung.pdf"],
     "Abteilung 'einkauf': in diesem Arbeitsbereich unbekannt. Verwenden Sie eine von: "),
])
def test_a_refusal_is_german(demo_path, tmp_path, capsys, args, german):
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    before = demo_path.read_bytes()
    code, _out, err = run(capsys, *filled, "--workspace", str(demo_path))
    assert code == 2, err
    assert german in err, err
    assert english_in(err) == [], err
    assert demo_path.read_bytes() == before        # refused: nothing written


def test_a_case_added_twice_is_refused_in_german(demo_path, capsys):
    code, out, err = run(capsys, "tickets", "add", "--workspace", str(demo_path), "--case-id", "1234567890",
                         "--subject", "Preisänderung")
    assert code == 0 and out.strip().endswith("Fall 1234567890 angelegt."), (out, err)
    code, out, err = run(capsys, "tickets", "add", "--workspace", str(demo_path), "--case-id", "1234567890",
                         "--subject", "Preisänderung")
    assert code == 2
    assert err.strip() == ("vendordesk: Der Fall wurde nicht angelegt: Einen Fall mit der ID 1234567890 gibt es "
                           "schon. Führen Sie die Fälle zusammen oder ändern Sie die ID.")
    code, out, err = run(capsys, "tickets", "add", "--workspace", str(demo_path), "--case-id", "12",
                         "--subject", "Kurz")
    assert code == 0
    assert out.startswith("Warnung: Die Fallnummer 12 sieht nicht wie eine Amazon-Fallnummer aus (6–15 Ziffern).")


def test_the_event_calendar_lists_german_dates_and_names(demo_path, capsys):
    code, out, _err = run(capsys, "events", "list", "--workspace", str(demo_path), "--from", "2026", "--to", "2026")
    assert code == 0
    # Easter Sunday 2026 is 5 April; the Easter week runs Sunday 29 March to Saturday 4 April
    assert re.search(r"29\.03\.2026  04\.04\.2026  Ostern\s+Ostern 2026", out), out
    assert "Easter 2026" not in out and not re.search(r"\b2026-\d\d-\d\d\b", out)
    # the kind is its name, not its code ("prime_big_deal_days", "mothers_day")
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", out), out
    assert re.search(r"Muttertag\s+Muttertag 2026", out), out


def test_the_event_kind_is_named_in_english_and_add_takes_the_code_or_the_name(demo_path, capsys):
    code = main(["events", "list", "--workspace", str(demo_path), "--from", "2026", "--to", "2026", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 0 and re.search(r"Mother's Day\s+Mother's Day 2026", out), out
    assert "mothers_day" not in out and "prime_day" not in out
    # the code, the German name and the English name (any case) all name the same kind
    for kind, name in (("user", "Aktion A"), ("Eigenes Ereignis", "Aktion B"), ("own event", "Aktion C")):
        code, out, err = run(capsys, "events", "add", kind, name, "2027-03-01", "--workspace", str(demo_path))
        assert code == 0, (kind, out, err)
    code, out, _err = run(capsys, "events", "list", "--workspace", str(demo_path), "--from", "2027", "--to", "2027")
    for name in ("Aktion A", "Aktion B", "Aktion C"):
        assert re.search(rf"01\.03\.2027  01\.03\.2027  Eigenes Ereignis\s+{name}", out), out
    code, out, err = run(capsys, "events", "add", "Ostern", "Ostern verschoben", "2027-03-21", "2027-03-27",
                         "--workspace", str(demo_path))
    assert code == 0, err
    code, out, _err = run(capsys, "events", "list", "--workspace", str(demo_path), "--from", "2027", "--to", "2027")
    assert re.search(r"21\.03\.2027  27\.03\.2027  Ostern\s+Ostern verschoben", out), out


def test_the_negotiation_list_shows_the_status_and_date_in_german(demo_path, capsys):
    code, out, _err = run(capsys, "negotiation", "list", "--workspace", str(demo_path))
    assert code == 0 and out.strip()
    assert not re.search(r"\b(draft|submitted|accepted|rejected|withdrawn)\b", out), out
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", out)
    assert re.search(r"(Entwurf|Eingereicht|Angenommen|Abgelehnt|Zurückgezogen|eingereicht|angenommen|abgelehnt|"
                     r"zurückgezogen|entwurf)\s+\d\d\.\d\d\.20\d\d", out, re.IGNORECASE), out


def test_the_what_if_summary_is_german(demo_path, capsys):
    code, out, _err = run(capsys, "simulate", "--workspace", str(demo_path), "--shock",
                          "procurable_product_out_of_stock_rate=+0.08@4", "--weeks", "8")
    assert code == 0
    head = out.splitlines()[:6]
    assert head[0] == "Was-wäre-wenn über 8 Wochen (ggü. dem Verlauf ohne Schock):"
    assert all(english_in(line) == [] for line in head), head
    assert any("wahrscheinlich zwischen" in line for line in head)


def test_the_what_if_summary_names_the_revenues_in_german(demo_path, capsys):
    """The revenue lines named Amazon's English report columns: 'Umsatz des Lieferanten (Shipped
    COGS)', 'Amazons Umsatz (Shipped Revenue)'. German readers get the plain words, and the words of
    the window's what-if ('Unser Umsatz', not 'Umsatz des Lieferanten')."""
    code, out, _err = run(capsys, "simulate", "--workspace", str(demo_path), "--shock",
                          "procurable_product_out_of_stock_rate=+0.08@4", "--weeks", "8")
    assert code == 0
    assert not re.search(r"Shipped|COGS", out), out
    assert "Unser Umsatz (zu Einkaufspreisen): " in out, out
    assert "Umsatz des Lieferanten" not in out, out
    assert "Amazons Umsatz (zu Verkaufspreisen): " in out, out


def test_an_event_takes_a_german_date_and_the_kind_s_german_name(demo_path, capsys):
    # "Ostern" is the German name of the kind easter; 5.4.27 and 11.04.2027 are German dates
    # (two-digit years are 20yy): Monday 5 April 2027 to Sunday 11 April 2027
    code, out, err = run(capsys, "events", "add", "Ostern", "Ostern korrigiert", "5.4.27", "11.04.2027",
                         "--workspace", str(demo_path), "--json")
    assert code == 0, err
    import json

    new_id = json.loads(out)["added"]
    code, out, err = run(capsys, "events", "list", "--workspace", str(demo_path), "--from", "2027", "--to", "2027")
    assert code == 0, err
    assert re.search(rf"^\s*{new_id}  05\.04\.2027  11\.04\.2027  Ostern\s+Ostern korrigiert$", out, re.M), out


def test_the_english_refusal_names_the_kinds_in_english(demo_path, capsys):
    code = main(["events", "add", "party", "X", "2027-03-01", "--workspace", str(demo_path), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert ("KIND 'party': unknown. Choose one of: Prime Day, Prime Big Deal Days, Black Friday, Cyber Monday, "
            "Christmas, Easter, Mother's Day, Own event.") in err, err
