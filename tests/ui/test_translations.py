"""German UI: every visible string (tr() source) has a finished German translation in the .ts,
the shipped .qm matches it, and the window and Qt's own dialogs speak German."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "vendordesk_de.ts"
QM = TS.with_suffix(".qm")
_PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def _tool():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh_messages(tmp_path_factory):
    """The .ts merged with the current sources (a copy: the real file is left alone)."""
    tool = _tool()
    copy = tmp_path_factory.mktemp("i18n") / "vendordesk_de.ts"
    shutil.copy(TS, copy)
    tool.run_lupdate(copy, ROOT / "vendordesk")
    return tool.read_messages(copy)


def test_every_visible_string_has_a_german_translation(fresh_messages):
    missing = [f"[{m.context}] {m.source!r}" for m in fresh_messages if m.unfinished]
    assert fresh_messages, "lupdate found no tr() strings at all"
    assert not missing, (f"{len(missing)} string(s) lack a German translation. Run "
                         "`python tools/update_translations.py` and translate them:\n" + "\n".join(missing))


def test_translations_keep_placeholders(fresh_messages):
    wrong = []
    for m in fresh_messages:
        forms = m.translation if isinstance(m.translation, list) else [m.translation]
        expected = sorted(set(_PLACEHOLDER.findall(m.source)) - ({"%n"} if m.numerus else set()))
        for form in forms:
            if form and sorted(set(_PLACEHOLDER.findall(form)) - {"%n"}) != expected:
                wrong.append(f"[{m.context}] {m.source!r} -> {form!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_shipped_qm_matches_the_ts(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} is missing; run tools/update_translations.py"
    stale = []
    for m in _tool().read_messages(TS):
        if m.unfinished or m.numerus:
            continue
        if translator.translate(m.context, m.source) != m.translation:
            stale.append(f"[{m.context}] {m.source!r}")
    assert not stale, "the .qm is older than the .ts; run tools/update_translations.py:\n" + "\n".join(stale)


def test_window_and_qt_dialogs_speak_german(qapp, make_window, workspace):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from vendordesk.ui.i18n import install_language

    try:
        window = make_window(workspace, "de")
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[0] == "&Datei" and "&Hilfe" in menus
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
        assert QLocale().toString(1234.56, "f", 2) == "1.234,56"
        box.deleteLater()
    finally:
        install_language(qapp, "en")


def test_lupdate_can_tell_every_context(fresh_messages):
    """An alias like ``tr = QCoreApplication.translate`` hides the context from lupdate: the
    string lands in an empty context and the German text is never found at run time."""
    lost = [f"{m.source!r}" for m in fresh_messages if m.context in ("", "QCoreApplication")]
    assert not lost, ("lupdate cannot tell the context of these strings; call QCoreApplication.translate("
                      "\"Context\", \"text\") or self.tr(\"text\") directly:\n" + "\n".join(lost))
