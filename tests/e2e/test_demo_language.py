"""`vendordesk demo` writes an account whose texts are in one language: the German manufacturer's
demo (its tasks, contacts and cases are German) wrote English chargeback notes whenever the command
ran on an English system without ``--lang``. The texts follow ``--lang``, else the app's language
setting, else German; the summary line follows the command's language and says "×"."""

from __future__ import annotations

import sqlite3

import pytest

from vendordesk.cli import main


def notes(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [n for (n,) in conn.execute("SELECT note FROM chargebacks WHERE note IS NOT NULL")]


@pytest.fixture
def english_system(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def test_without_lang_the_demo_texts_are_german_on_an_english_system(english_system, tmp_path, capsys):
    path = tmp_path / "demo.vendordesk"
    assert main(["demo", str(path), "--asins", "5", "--weeks", "12"]) == 0
    written = notes(path)
    assert written and any(n.startswith("Wareneingang ") for n in written), written[:3]
    assert not any(n.startswith("Received ") for n in written)
    out = capsys.readouterr().out
    assert "(5 ASINs × 12 weeks," in out, out         # the command speaks the system's English


@pytest.mark.parametrize(("lang", "received", "other", "summary"),
                         [("en", "Received ", "Wareneingang ", "(5 ASINs × 12 weeks,"),
                          ("de", "Wareneingang ", "Received ", "(5 ASINs × 12 Wochen,")])
def test_lang_sets_the_demo_texts_and_the_summary(english_system, tmp_path, capsys, lang, received, other, summary):
    path = tmp_path / f"demo-{lang}.vendordesk"
    assert main(["demo", str(path), "--asins", "5", "--weeks", "12", "--lang", lang]) == 0
    written = notes(path)
    assert any(n.startswith(received) for n in written) and not any(n.startswith(other) for n in written)
    assert summary in capsys.readouterr().out
