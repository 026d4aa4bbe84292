"""Date fields outside the ticket forms show the UI language's date with a four-digit year:
03.12.2026 in German, 03/12/2026 in English (never the German form in the English window, never
a two-digit year)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QDateEdit

from vendordesk.ui.i18n import install_language

# 3 December 2026: day 03, month 12, year 2026 -> de "03.12.2026", en (GB) "03/12/2026"
EXPECTED = {"de": "03.12.2026", "en": "03/12/2026"}


def _shown(edit: QDateEdit) -> str:
    edit.setDate(QDate(2026, 12, 3))
    return edit.text()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_negotiation_date_field(qtbot, lang):
    from vendordesk.ui.negotiation.editor import DateField

    install_language(QApplication.instance(), lang)
    field = DateField()
    qtbot.addWidget(field)
    assert _shown(field.edit) == EXPECTED[lang]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sync_dialog_dates(qtbot, empty_window, lang):
    from vendordesk.ui.imports.sync_dialog import SyncDialog

    install_language(QApplication.instance(), lang)
    dialog = SyncDialog(empty_window)
    qtbot.addWidget(dialog)
    assert _shown(dialog.start_date) == EXPECTED[lang]
    assert _shown(dialog.end_date) == EXPECTED[lang]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_import_period_dialog_has_a_four_digit_year(qtbot, lang):
    from vendordesk.ui.imports import preview

    install_language(QApplication.instance(), lang)
    dialog = preview.PeriodDialog()
    qtbot.addWidget(dialog)
    assert _shown(dialog.start) == EXPECTED[lang]
    assert _shown(dialog.end) == EXPECTED[lang]
