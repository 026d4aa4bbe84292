"""Settings › Gears writes percentages the way the rest of the window does: "3,0 %" in German,
"3.0%" in English (no space, as ui.fmt.percent and the KPI tiles)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from vendordesk.ui.i18n import install_language


@pytest.mark.parametrize(("lang", "shown"), [("de", "3,0 %"), ("en", "3.0%")])
def test_a_percent_threshold_reads_like_the_window(qtbot, lang, shown):
    from vendordesk.ui.settings.gears import _spin

    install_language(QApplication.instance(), lang)
    spin = _spin("pct", 0.03, "")          # 0.03 -> 3.0 (one decimal)
    qtbot.addWidget(spin)
    assert spin.text() == shown
