"""``--lang de|en`` (before or after the subcommand) sets the language of a command's own
sentences; without it the app's language setting decides, then the system locale."""

from __future__ import annotations

import pytest

from vendordesk.cli import main
from vendordesk.store import open_workspace


@pytest.fixture()
def small_workspace(tmp_path):
    path = tmp_path / "ws.vendordesk"
    open_workspace(path).close()
    return path


def _grouped(n: int, sep: str) -> str:
    """n with thousands separators written out by hand: 1234567 -> 1<sep>234<sep>567."""
    digits = str(n)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sep.join(groups)


@pytest.mark.parametrize("where", ["after", "before"])
def test_lang_de_turns_the_backup_line_german(small_workspace, tmp_path, capsys, where):
    dest = tmp_path / "copy.vendordesk"
    args = ["backup", "--workspace", str(small_workspace), str(dest)]
    args = args + ["--lang", "de"] if where == "after" else ["--lang", "de"] + args
    assert main(args) == 0
    size = dest.stat().st_size
    assert capsys.readouterr().out.strip() == f"Sicherung geschrieben: {dest} ({_grouped(size, '.')} Bytes)"


def test_lang_en_keeps_the_english_line(small_workspace, tmp_path, capsys):
    dest = tmp_path / "copy.vendordesk"
    assert main(["backup", "--workspace", str(small_workspace), str(dest), "--lang", "en"]) == 0
    size = dest.stat().st_size
    assert capsys.readouterr().out.strip() == f"Backup written: {dest} ({_grouped(size, ',')} bytes)"


def test_a_refusal_the_command_builds_follows_lang(small_workspace, capsys):
    assert main(["forecast", "--workspace", str(small_workspace), "--horizon", "99", "--lang", "de"]) == 2
    assert "--horizon 99: Wählen Sie 1 bis 52 Wochen." in capsys.readouterr().err
    assert main(["forecast", "--workspace", str(small_workspace), "--horizon", "99", "--lang", "en"]) == 2
    assert "--horizon 99: choose between 1 and 52 weeks." in capsys.readouterr().err


def test_without_lang_the_setting_decides_then_the_system(small_workspace, capsys, monkeypatch):
    from vendordesk import settings

    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert main(["tickets", "list", "--workspace", str(small_workspace)]) == 0
    assert capsys.readouterr().out.strip() == "Keine Fälle."          # no setting: the system's German
    prefs = settings.load()
    prefs.language = "en"
    settings.save(prefs)
    assert main(["tickets", "list", "--workspace", str(small_workspace)]) == 0
    assert capsys.readouterr().out.strip() == "No cases."             # the setting beats the system
    assert main(["tickets", "list", "--workspace", str(small_workspace), "--lang", "de"]) == 0
    assert capsys.readouterr().out.strip() == "Keine Fälle."          # --lang beats the setting


def test_lang_is_accepted_after_a_command_that_does_not_declare_it():
    """``events list`` declares no --lang of its own; the parser adds it after every subcommand."""
    from vendordesk.cli import build_parser

    assert build_parser().parse_args(["events", "list", "--lang", "de"]).lang == "de"
    assert build_parser().parse_args(["events", "list"]).lang is None        # the global default


def test_a_refusal_the_op_builds_follows_lang(small_workspace, tmp_path, capsys):
    """The backup op refuses an existing target in the command's language."""
    dest = tmp_path / "taken.vendordesk"
    dest.write_bytes(b"an older backup")
    assert main(["backup", "--workspace", str(small_workspace), str(dest), "--lang", "de"]) == 2
    assert f"Das Sicherungsziel {dest} gibt es schon. Nichts wurde geschrieben." in capsys.readouterr().err
    assert dest.read_bytes() == b"an older backup"


def test_gears_in_german_reads_german_numbers_dates_and_statuses(demo_path, capsys):
    """``gears --lang de`` printed "4 Woche(n)", "2026-11-15", "8.7%", "518,810" and the raw
    status codes "amber"/"green"."""
    import re

    assert main(["gears", "--workspace", str(demo_path), "--lang", "de"]) == 0
    out = capsys.readouterr().out
    head = out.splitlines()[0]
    assert "Woche(n)" not in head and head.startswith("Zahnräder für 4 Wochen bis zur Woche vom ")
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", out), out[:400]        # no ISO dates
    assert re.search(r"\b\d\d\.\d\d\.20\d\d\b", head)                    # 15.11.2026 style
    assert not re.search(r"\b(amber|green|red|no-data)\b", out)
    assert "Beobachten" in out or "Gut" in out or "Jetzt handeln" in out
    assert not re.search(r"\d\.\d%", out) and re.search(r"\d,\d\s%", out)  # 8,7 % not 8.7%
    assert not re.search(r"\d,\d{3}\b", out)                            # 518.810 not 518,810


def test_tickets_list_in_german_shows_status_words_and_german_dates(demo_path, capsys):
    """``tickets list --lang de`` printed "needs_info" and "2026-11-15"."""
    import re

    assert main(["tickets", "list", "--workspace", str(demo_path), "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert out.strip() and not re.search(r"\b(needs_info|open|waiting_amazon|reopened|resolved)\b", out)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", out)
    assert re.search(r"Nachfassen \d\d\.\d\d\.20\d\d", out)
