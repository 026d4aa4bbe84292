"""``vendordesk … --help`` and argparse's own refusals speak the user's language.

The help of every command was English under ``--lang de`` ("usage:", "positional arguments",
"show this help message and exit", "workspace file (default: …)"), and so were argparse's errors
("the following arguments are required: FILE", "invalid choice: …")."""

from __future__ import annotations

import argparse
import re

import pytest

from tests.e2e.cli_helpers import cli
from vendordesk.cli import build_parser, main

# Words of the English help and of argparse's messages; none may be left in the German output.
ENGLISH = ("usage", "options", "optional arguments", "positional arguments", "show this help", "exit",
           "the following", "required", "error", "invalid", "choose from", "arguments", "expected",
           "unrecognized", "default", "file", "workspace", "print", "language", "only", "write", "the",
           "of", "and", "weeks", "days", "list", "show", "case", "event", "own", "to", "for")


def command_paths(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every (sub)command of ``parser``: (), ("import",), ("tickets", "list"), ..."""
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += command_paths(sub, (*path, name))
    return found


PATHS = command_paths(build_parser())


def english_left(text: str, path: tuple[str, ...] = ()) -> list[str]:
    """The English words in ``text`` once the syntax is taken out: option names (--out), choice
    sets ({de,en}), the program and command names, which a user types as they are."""
    prose = re.sub(r"--?[\w-]+|\{[^}]*\}|\bvendordesk\b", " ", text)
    for name in {n for p in PATHS for n in p}:
        prose = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", prose)
    return [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", prose, re.IGNORECASE)]


def help_of(path: tuple[str, ...], lang: str, capsys) -> str:
    with pytest.raises(SystemExit) as ended:
        main(["--lang", lang, *path, "--help"])
    assert ended.value.code == 0
    return capsys.readouterr().out


def test_every_command_has_a_help_of_its_own():
    """The walk below reaches the nested commands too (not only the top level)."""
    assert ("import",) in PATHS and ("export",) in PATHS and ("tickets", "add") in PATHS
    assert ("brief", "negotiation") in PATHS and ("events", "remove") in PATHS and len(PATHS) >= 20


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "vendordesk")
def test_the_german_help_of_every_command_has_no_english_left(path, capsys):
    german = help_of(path, "de", capsys)
    assert german.startswith("Aufruf: vendordesk")
    assert "Optionen:" in german and "-h, --help" in german
    assert "diese Hilfe anzeigen und beenden" in german
    assert english_left(german, path) == [], german


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "vendordesk")
def test_the_english_help_stays_english(path, capsys):
    english = help_of(path, "en", capsys)
    assert english.startswith("usage: vendordesk")
    assert "options:" in english and "show this help message and exit" in english


def test_the_top_level_help_in_german_names_commands_in_german(capsys):
    german = help_of((), "de", capsys)
    assert "Positionsargumente:" in german
    assert "--workspace PFAD  zu öffnende Arbeitsbereich-Datei" in german
    assert re.search(r"import\s+importiert Vendor-Central-Exporte", german)
    assert "[--workspace PFAD]" in german and "BEFEHL ..." in german


def test_import_help_in_german_names_its_arguments_in_german(capsys):
    german = help_of(("import",), "de", capsys)
    assert "DATEI [DATEI ...]" in german
    assert "--dry-run" in german and "nur zeigen, was importiert würde" in german
    flat = re.sub(r"\s+", " ", german).replace("- ", "-")
    assert "--period BEGINN..ENDE" in flat and "(JJJJ-MM-TT..JJJJ-MM-TT)" in flat


def test_every_help_text_and_metavar_has_a_german_translation():
    """Each text the parser shows differs in German, except names that are the same in both."""
    same_in_both = {"ID", "NAME", "ASIN", "A", "id"}

    def texts_of(parser):
        shown = [parser.description]
        for action in parser._actions:
            shown += [action.help if action.help != argparse.SUPPRESS else None,
                      action.metavar if isinstance(action.metavar, str) else None]
            if isinstance(action, argparse._SubParsersAction):
                shown += [choice.help for choice in action._choices_actions]
                for sub in action.choices.values():
                    shown += texts_of(sub)
        return shown

    pairs = [(en, de) for en, de in zip(texts_of(build_parser("en")), texts_of(build_parser("de")), strict=True)
             if en and en not in same_in_both and not en.startswith("{")]
    assert len(pairs) > 100
    assert [en for en, de in pairs if en == de] == []


@pytest.mark.parametrize(("args", "german", "english"), [
    (["export"], "diese Argumente fehlen: {chargebacks,facts,forecast,gears,tasks,tickets}, --out",
     "the following arguments are required: {chargebacks,facts,forecast,gears,tasks,tickets}, --out"),
    (["import"], "vendordesk import: Fehler: diese Argumente fehlen: DATEI",
     "vendordesk import: error: the following arguments are required: FILE"),
    (["nonsense"], "Argument BEFEHL: ungültige Auswahl: 'nonsense' (möglich sind 'demo', 'backup',",
     "argument COMMAND: invalid choice: 'nonsense' (choose from 'demo', 'backup',"),
    (["demo", "x.vendordesk", "--asins", "zehn"], "Argument --asins: ungültiger Wert 'zehn' (erwartet: ganze Zahl)",
     "argument --asins: invalid int value: 'zehn'"),
    (["sync", "--weeks", "vier"], "Argument --weeks: ungültiger Wert 'vier' (erwartet: ganze Zahl)",
     "argument --weeks: invalid int value: 'vier'"),          # a bad --from: test_cli_output_german
    (["events", "add", "deal", "Sale", "2026-05-01", "--price-cut", "viel"],
     "Argument --price-cut: ungültiger Wert 'viel' (erwartet: Zahl)", "argument --price-cut: invalid float value: 'viel'"),
    (["gears", "--bogus"], "vendordesk: Fehler: unbekannte Argumente: --bogus",
     "vendordesk: error: unrecognized arguments: --bogus"),
    (["forecast", "--horizon"], "Argument --horizon: erwartet einen Wert", "argument --horizon: expected one argument"),
    (["tickets"], "diese Argumente fehlen: AKTION", "the following arguments are required: ACTION"),
])
def test_argparse_refusals_follow_the_language(args, german, english, capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "de", *args])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert german in err and err.startswith("Aufruf: vendordesk"), err
    assert english_left(err) == [], err
    with pytest.raises(SystemExit):
        main(["--lang", "en", *args])
    err = capsys.readouterr().err
    assert english in err and err.startswith("usage: vendordesk"), err


def test_argparse_gets_its_own_words_back_after_a_german_run(capsys):
    """The catalogue is argparse's only while our parser works: another parser built afterwards in
    the same process still speaks English (nothing leaks into the standard library)."""
    help_of(("import",), "de", capsys)
    other = argparse.ArgumentParser(prog="other")
    assert other.format_help().startswith("usage: other") and "show this help message and exit" in other.format_help()


def test_the_help_in_a_subprocess_follows_lang_and_the_system_locale(tmp_path):
    german = cli("--lang", "de", "export", "--help")
    assert german.returncode == 0 and german.stdout.startswith("Aufruf: vendordesk export")
    assert english_left(german.stdout, ("export",)) == [], german.stdout

    import os
    import subprocess
    import sys

    from tests.e2e.cli_helpers import cli_env

    env = cli_env() | {"LC_ALL": "de_DE.UTF-8", "VENDORDESK_HOME": str(tmp_path / "home")}
    system = subprocess.run([sys.executable, "-m", "vendordesk", "import", "--help"], capture_output=True,
                            text=True, timeout=120, env=env, cwd=os.getcwd())
    assert system.returncode == 0 and system.stdout.startswith("Aufruf: vendordesk import"), system.stdout
    missing = subprocess.run([sys.executable, "-m", "vendordesk", "import"], capture_output=True,
                             text=True, timeout=120, env=env)
    assert missing.returncode == 2 and "vendordesk import: Fehler: diese Argumente fehlen: DATEI" in missing.stderr
