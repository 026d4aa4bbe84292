"""A refused file is explained in the command's language: the message is a catalogue message id
with its fields (``UserError(N_(...), file=...)``), translated where it is printed."""

from __future__ import annotations

from tests.e2e.cli_helpers import cli, digest


def test_an_empty_file_is_refused_in_german_and_in_english(tmp_path):
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    workspace = tmp_path / "ws.vendordesk"
    assert cli("demo", str(workspace), "--asins", "5", "--weeks", "10").returncode == 0
    before = digest(workspace)
    german = cli("--lang", "de", "import", str(empty), "--workspace", str(workspace))
    english = cli("import", str(empty), "--workspace", str(workspace), "--lang", "en")
    assert german.returncode == english.returncode == 2
    assert german.stderr.strip() == ("vendordesk: leer.csv: Die Datei ist leer (0 Byte). Es wurde nichts importiert. "
                                     "Laden Sie den Bericht erneut aus Vendor Central herunter.")
    assert english.stderr.strip() == ("vendordesk: leer.csv: the file is empty (0 bytes). Nothing was imported. "
                                      "Download the report again from Vendor Central.")
    assert digest(workspace) == before          # refused: the workspace is byte-identical


def test_a_missing_file_is_named_in_german(tmp_path):
    missing = tmp_path / "fehlt.csv"
    result = cli("import", str(missing), "--workspace", str(tmp_path / "ws.vendordesk"), "--lang", "de")
    assert result.returncode == 2
    assert f"{missing}: Keine solche Datei. Prüfen Sie den Pfad." in result.stderr


def test_events_carry_the_message_id_so_the_window_finds_a_missing_period_in_any_language(tmp_path):
    import json

    from vendordesk.ui.imports.preview import NO_PERIOD

    undated = tmp_path / "sales.csv"      # a Sales export whose first row lost its Viewing Range=[..]
    undated.write_text("ASIN,Product Title,Ordered Revenue,Ordered Units\nB000000001,A,\"1.234,00 €\",3\n",
                       encoding="utf-8")
    result = cli("import", str(undated), "--workspace", str(tmp_path / "ws.vendordesk"), "--events", "--lang", "de")
    refused = [json.loads(line) for line in result.stdout.splitlines() if '"refused"' in line]
    assert len(refused) == 1
    assert "hat kein Viewing Range" in refused[0]["message"]           # the user reads German
    assert NO_PERIOD in refused[0]["message_id"]                       # the window matches the id
    assert refused[0]["message_id"].startswith("{file}: the file has no Viewing Range=[..]")
