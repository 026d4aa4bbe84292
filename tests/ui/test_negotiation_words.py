"""The price-increase tab and its printed brief name the three positions with the same words
(issue 17's screens: the tab said "Schmerzgrenze", the brief and the command line "Untergrenze")."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel

from vendordesk.text import texts

pytestmark = pytest.mark.qt


@pytest.mark.parametrize("lang", ["de", "en"])
def test_position_labels_are_the_briefs_words(qapp, qtbot, lang):
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.negotiation.levers import LeversEditor

    install_language(qapp, lang)
    try:
        editor = LeversEditor(lang)
        qtbot.addWidget(editor)
        form = next(f for f in editor.findChildren(QFormLayout) if f.rowCount() >= 3)
        labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget() for row in range(3)]
        _ = texts(lang)
        assert [label.text() for label in labels if isinstance(label, QLabel)] == \
            [_("Opening"), _("Target"), _("Walk-away")]
    finally:
        install_language(qapp, "en")


def test_the_scenario_table_names_the_co_op_as_the_brief_does(qapp, qtbot):
    # the tab said "Zusätzliches Co-op", "Kosten des zusätzlichen Co-op für uns", the brief
    # "Zusätzlicher WKZ", "Kosten des zusätzlichen WKZ für uns": one German word for one thing
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.negotiation.views import ScenariosEditor

    install_language(qapp, "de")
    try:
        editor = ScenariosEditor()
        qtbot.addWidget(editor)
        rows = [editor.table.verticalHeaderItem(i).text() for i in range(editor.table.rowCount())]
        _ = texts("de")
        assert not [row for row in rows if "Co-op" in row]
        assert _("Cost of extra co-op to us") in rows
        assert any(row.startswith(_("Extra co-op")) for row in rows)
    finally:
        install_language(qapp, "en")
