"""What a German KAM read as wrong on the "What moves what" pages at 1920×1080 (issue 17's screen
read, d17-read-gears): tables that leave half their width empty or wrap beside empty space."""

from __future__ import annotations

import pytest

from tests.ui.influence_helpers import influence_panel

pytestmark = pytest.mark.qt


def _show(qtbot, qapp, panel, page):
    panel.show()
    qtbot.waitExposed(panel)
    panel.tabs.setCurrentWidget(page)
    qapp.processEvents()


def test_bridge_tables_use_their_width_at_1920(qtbot, qapp, demo_workspace):
    """Bridge at 1920×1080: the Net PPM table's two columns took 150 of its 720 px and left the rest
    blank, and in the ASIN table "OOS before → after" took 820 px while the euro columns were
    squeezed to their digits. Each table fills its width, no column takes the room of all others."""
    panel = influence_panel(qtbot, demo_workspace, size=(1900, 980))
    _show(qtbot, qapp, panel, panel.bridge_stack)
    for table in (panel.bridge.ppm, panel.bridge.asins):
        header = table.horizontalHeader()
        sizes = [header.sectionSize(i) for i in range(header.count())]
        assert sum(sizes) >= table.viewport().width() - 2, (sizes, table.viewport().width())
        assert max(sizes) <= 2 * sorted(sizes)[-2], sizes


def test_calibration_links_are_on_one_line_when_there_is_room(qtbot, qapp, demo_workspace):
    """Calibration at 1920×1080: "From → to" was held at 250 px, so "Wettbewerbspreis →
    Durchschnittspreis (ASP)" wrapped onto two lines beside a note column of 1,000 px. With room
    the column takes its longest link; at 1280 it keeps its cap and the notes keep their room."""


    panel = influence_panel(qtbot, demo_workspace, size=(1900, 980))
    _show(qtbot, qapp, panel, panel.calibration)
    table = panel.calibration.table
    metrics = table.fontMetrics()
    widest = max(metrics.horizontalAdvance(table.item(r, 1).text()) for r in range(table.rowCount()))
    assert table.columnWidth(1) >= widest + 6, (table.columnWidth(1), widest)
    assert table.columnWidth(6) >= 300
    panel.resize(1260, 640)
    qapp.processEvents()
    assert table.columnWidth(1) <= 250 and table.columnWidth(6) >= 300



@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_what_if_in_words_uses_the_figures_and_names_of_its_cards(qtbot, qapp, demo_workspace, lang):
    """"In words" under the cards read "vendor revenue (shipped COGS): −20,817 €" (English) and
    "Umsatz des Lieferanten (zu Einkaufspreisen)" beside the card "Unser Umsatz (Shipped COGS)
    −20.817 €" / "−€20,817": the command line's sentences, with the command line's money. The
    window's words name each figure as its card does and write it as the card does."""
    import html
    import re

    from tests.ui.influence_helpers import run_availability_shock
    from vendordesk.ui.i18n import install_language

    def plain(text: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()

    install_language(qapp, lang)
    try:
        panel = influence_panel(qtbot, demo_workspace, lang=lang)
        view = run_availability_shock(qtbot, panel)
        lines = [plain(line) for line in view.sentences.text().split("<br>")]
        for key, value in view.total_labels.items():
            title = view.total_titles[key].text()
            line = next((line for line in lines if line.startswith(title + ":")), None)
            assert line is not None, (title, lines)
            assert plain(value.text()) in line, (key, value.text(), line)
        assert all(line[:1].isupper() or not line[:1].isalpha() for line in lines), lines
    finally:
        install_language(qapp, "en")
