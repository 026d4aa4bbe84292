"""The interdependency widget embedded in the gears tab: graph with active chains, what-if,
bridge waterfall, sales target and calibration.

``InfluencePanel(ctx, parent)``; call ``reload()`` to (re)read the workspace. Data is read in a
worker (vendordesk.ui.workers.run_task); calibration runs there too.

Signals:
    loaded(): the views show fresh data (tests wait for it).
    changed(object): the panel wrote to the workspace (targets, links, calibration): Changes(gears=True).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.influence.graph import LOOPS
from vendordesk.ui.influence.bridge import BridgeView
from vendordesk.ui.influence.calibration import CalibrationView
from vendordesk.ui.influence.graph import InfluenceGraphView
from vendordesk.ui.influence.labels import loop_name
from vendordesk.ui.influence.target import TargetView
from vendordesk.ui.influence.whatif import WhatIfView
from vendordesk.ui.tab_base import EmptyState

ACTIVE_BG = QColor("#fff3e0")
CALIBRATE = "influence.calibrate"     # the Calibrate button's kind of run (ui.operations)


class InfluencePanel(QWidget):
    loaded = Signal()
    changed = Signal(object)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: dict | None = None
        self._task = None
        self._dirty: set[int] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #546e7a;")
        layout.addWidget(self.status)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._graph_page(), self.tr("Interdependencies"))
        self.whatif = WhatIfView()
        self.tabs.addTab(self.whatif, self.tr("What-if"))
        self.bridge = BridgeView()
        self.bridge_stack = self._stack(self.bridge, self.tr("Nothing to bridge yet"),
                                        self.tr("The revenue and margin bridge needs weekly Sales reports for two "
                                                "periods. Import them via File › Import…"))
        self.tabs.addTab(self.bridge_stack, self.tr("Bridge"))
        self.target = TargetView()
        self.target.targets_saved.connect(lambda _y: self._wrote("sales_targets"))
        self.target_stack = self._stack(self.target, self.tr("No sales history yet"),
                                        self.tr("The target view compares your annual target with shipped COGS. "
                                                "Import Sales reports first."))
        self.tabs.addTab(self.target_stack, self.tr("Sales target"))
        self.calibration = CalibrationView()
        self.calibration.calibrate_requested.connect(self.calibrate)
        self.calibration.edge_changed.connect(lambda _id: self._wrote("kpi_edges"))
        self.tabs.addTab(self.calibration, self.tr("Calibration"))
        self.tabs.currentChanged.connect(self._render)

    def _stack(self, view: QWidget, title: str, text: str) -> QStackedWidget:
        stack = QStackedWidget()
        stack.addWidget(EmptyState(title, text))
        stack.addWidget(view)
        return stack

    def _graph_page(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Horizontal)
        self.graph_view = InfluenceGraphView()
        split.addWidget(self.graph_view)
        side = QWidget()
        v = QVBoxLayout(side)
        v.setContentsMargins(4, 0, 0, 0)
        head = QLabel(self.tr("Chains in your data"))
        head.setStyleSheet("font-weight: 600; font-size: 11pt;")
        v.addWidget(head)
        self.chains = QListWidget()
        self.chains.setWordWrap(True)
        self.chains.setSpacing(3)
        # air above each chain's first line: flush with the item's edge, the dots of a capital Ü
        # ran into it and "Überbestand" read "Uberbestand"
        self.chains.setStyleSheet("QListWidget::item { padding-top: 4px; padding-bottom: 4px; }")
        self.chains.itemSelectionChanged.connect(self._chain_selected)
        v.addWidget(self.chains, 1)
        legend = QLabel(self.tr("Green arrow: more raises the target KPI; red: lowers it; dashed: with a delay; "
                                "orange: part of an active chain. Hover an arrow for its strength."))
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #546e7a;")
        v.addWidget(legend)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([700, 300])
        return split

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        from vendordesk.ui.influence.data import load_all
        from vendordesk.ui.workers import run_task

        if self._task is not None:
            self._task.cancel()
        self.status.setText(self.tr("Reading the workspace…"))
        self._task = run_task(load_all, str(self.ctx.path), self.ctx.lang, on_done=self._show,
                              on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from vendordesk.errors import Cancelled

        if not isinstance(exc, Cancelled):
            self.status.setText(self.tr("Could not read the interdependency data: %1").replace("%1", str(exc)))

    def _show(self, data: dict) -> None:
        """New data: the visible page is drawn now, the others when they are first shown."""
        self._task = None
        self.data = data
        has = data["has_data"]
        self.status.setText("" if has else self.tr("No sales data yet: the graph shows the default model and the "
                                                   "what-if runs without money totals. Import reports to see chains, "
                                                   "the bridge and the target view."))
        self.whatif.set_model(data["graph"], data.get("baseline"), data["currency"], data.get("whatif"))
        self.bridge_stack.setCurrentIndex(1 if has and data.get("bridge") is not None else 0)
        self.target_stack.setCurrentIndex(1 if has else 0)
        self._dirty = {0, 2, 3, 4}
        self._render(self.tabs.currentIndex())
        self.loaded.emit()

    def _render(self, index: int) -> None:
        if self.data is None or index not in self._dirty:
            return
        self._dirty.discard(index)
        data, lang = self.data, self.ctx.lang
        if index == 0:
            self._fill_chains(data.get("chains", []))
        elif index == 2 and self.bridge_stack.currentIndex() == 1:
            self.bridge.set_data(data["bridge"], data.get("explanation"), data["currency"], lang)
        elif index == 3 and self.target_stack.currentIndex() == 1:
            self.target.set_data(self.ctx.workspace, data["target"], data["currency"], lang)
        elif index == 4:
            self.calibration.set_data(self.ctx.workspace, data["graph"], lang)

    def _fill_chains(self, chains) -> None:
        self.chains.clear()
        for chain in chains:
            state = self.tr("active") if chain.active else self.tr("quiet")
            item = QListWidgetItem(f"{loop_name(chain.id)} — {state}\n{chain.sentence}")
            item.setData(Qt.ItemDataRole.UserRole, chain.id)
            if chain.active:
                item.setBackground(QBrush(ACTIVE_BG))
            self.chains.addItem(item)
        self._highlight([c for c in chains if c.active])

    def _highlight(self, chains) -> None:
        graph = self.data["graph"] if self.data else None
        if graph is None:
            return
        edges = {e for c in chains for e in (c.edges or LOOPS.get(c.id, ((),))[0]) if e in graph.edges}
        nodes = {n for e in edges for n in (graph.edges[e].src, graph.edges[e].dst)}
        self.graph_view.show_graph(graph, edges, nodes, self.ctx.lang)

    def _chain_selected(self) -> None:
        items = self.chains.selectedItems()
        if not self.data or not items:
            return
        chosen = [c for c in self.data.get("chains", []) if c.id == items[0].data(Qt.ItemDataRole.UserRole)]
        self._highlight(chosen)

    # --- writes ----------------------------------------------------------------------------
    def _wrote(self, table: str) -> None:
        """``table`` was written (kpi_edges or sales_targets): tell the window, then re-read."""
        from vendordesk.changes import Changes

        self._tell(Changes(gears=True))

    def _tell(self, changes) -> None:
        """The window's broadcast re-reads this panel (through the gears tab); alone, it re-reads itself."""
        from vendordesk.ui.operations import runner_for

        self.changed.emit(changes)
        if self.ctx.services.get("main_window") is None:
            self.reload()
        else:
            runner_for(self.ctx).tell(changes)

    def calibrate(self) -> None:
        """The same calibration as ``vendordesk calibrate`` (ops.calibrate), in a worker of the
        window's runner; the result is stored on the GUI thread (one writer per workspace)."""
        from vendordesk.ops.calibrate import compute_calibration
        from vendordesk.ui.operations import runner_for

        runner = runner_for(self.ctx)
        if runner.running(CALIBRATE):
            return
        self.calibration.set_busy(True)
        runner.run(CALIBRATE, compute_calibration, str(self.ctx.path), on_done=self._calibrated,
                   on_error=self._calib_failed, on_progress=lambda f: self.calibration.set_busy(True, f))

    def _calibrated(self, result) -> None:
        from vendordesk.ops.calibrate import store_calibration

        self.calibration.set_busy(False)
        if result.value:
            self._tell(store_calibration(self.ctx.workspace, result.value).changes)

    def _calib_failed(self, exc: BaseException) -> None:
        self.calibration.set_busy(False)
        self._failed(exc)
