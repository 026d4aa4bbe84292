"""Translators and the default locale: Qt's own strings (qtbase) and ours."""

from __future__ import annotations

import locale as pylocale

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from vendordesk.paths import resources_dir
from vendordesk.text.catalog import REGIONS, SOURCE_LANGUAGE

_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()  # e.g. de_DE
    if name.startswith("de"):
        return "de"
    lang = (pylocale.getlocale()[0] or "").lower()
    return "de" if lang.startswith("de") else "en"


def install_language(app: QApplication, lang: str) -> None:
    """Install translators for ``lang`` ("de"/"en") and make QLocale follow it."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(REGIONS.get(lang, REGIONS[SOURCE_LANGUAGE])))   # de_DE, en_GB
    if lang != SOURCE_LANGUAGE:      # Qt's own strings (buttons of standard dialogs) in that language
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(QLocale(lang), "qtbase", "_", qt_dir):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
    ours = QTranslator(app)   # ours; English has one too: "1 file" / "2 files" for tr("%n file(s)", "", n)
    if ours.load(str(resources_dir() / "i18n" / f"vendordesk_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
