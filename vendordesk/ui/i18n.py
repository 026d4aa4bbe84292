"""Translators and the default locale: Qt's own strings (qtbase) and ours."""

from __future__ import annotations

import locale as pylocale

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from vendordesk.paths import resources_dir

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
    if lang == "de":
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)
        if qtbase.load(QLocale("de"), "qtbase", "_", qt_dir):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
        ours = QTranslator(app)
        if ours.load(str(resources_dir() / "i18n" / "vendordesk_de.qm")):
            app.installTranslator(ours)
            _installed.append(ours)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        plurals = QTranslator(app)   # "1 file" / "2 files" for the tr("%n file(s)", "", n) messages
        if plurals.load(str(resources_dir() / "i18n" / "vendordesk_en.qm")):
            app.installTranslator(plurals)
            _installed.append(plurals)
