"""Issue 17: the target and calibration dialogs showed the store's English refusals ("Sales target
2026-03: -5.0 is not an amount >= 0") in the German window. A refusal a user can see is in the UI
language, names the field and says what to do."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtWidgets import QMessageBox

pytestmark = pytest.mark.qt


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    return shown


def test_a_negative_monthly_target_is_refused_in_german(qtbot, qapp, workspace, warnings):
    from vendordesk.core.influence.target import TargetView as View
    from vendordesk.ops.influence import read_targets
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.influence.target import TargetView

    install_language(qapp, "de")
    monthly = pd.DataFrame({"month": range(1, 13), "target": [0.0] * 12, "actual": [0.0] * 12,
                            "projected": [0.0] * 12})
    widget = TargetView()
    qtbot.addWidget(widget)
    widget.set_data(workspace, View(2026, 0.0, 0.0, 0.0, "2026-11-29", monthly, 0.0, 4), "EUR", "de")
    widget.months.item(2, 0).setText("-2,5")                  # March, a German decimal comma
    widget.save()
    assert len(warnings) == 1
    text = warnings[0][1]
    assert "März 2026" in text and "-2,5" in text               # the month by name, the amount as typed
    assert "Geben Sie" in text and "Es wurde nichts gespeichert" in text
    assert "Sales target" not in text and "2026-03" not in text
    assert read_targets(workspace, 2026) == {}


def test_a_refused_link_is_explained_in_german(workspace):
    """The calibration dialog's spin boxes keep the strength within 0..10; the op still refuses what
    they cannot send, and says it in the reader's language."""
    from vendordesk.errors import UserError
    from vendordesk.ops.influence import save_edge

    with pytest.raises(UserError) as refused:
        save_edge(workspace, "E01", 1, 2, 11.0)
    german = refused.value.text("de")
    assert german.startswith("Verknüpfung E01") and "zwischen 0 und 10" in german
    assert "Es wurde nichts gespeichert" in german
    assert "strength" in str(refused.value)                     # English where it is logged
