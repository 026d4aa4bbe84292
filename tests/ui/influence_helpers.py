"""The "What moves what" panel loaded on a workspace, and the what-if run the tests share."""

from __future__ import annotations


def influence_panel(qtbot, workspace, lang="en", size=(1300, 820)):
    """An InfluencePanel on ``workspace`` in ``lang``, resized to ``size``, once it has loaded."""
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.influence.tab import InfluencePanel

    panel = InfluencePanel(AppContext(workspace, lang=lang))
    qtbot.addWidget(panel)
    panel.resize(*size)
    with qtbot.waitSignal(panel.loaded, timeout=60000):
        panel.reload()
    return panel


def run_availability_shock(qtbot, panel):
    """Availability −8 points for 4 weeks through the what-if page; its view once the charts show."""
    view = panel.whatif
    panel.tabs.setCurrentWidget(view)
    view.add_lever("availability", -8, 4)
    view.run()
    qtbot.waitUntil(lambda: view.chart_stack.currentIndex() == 1, timeout=60000)
    return view
