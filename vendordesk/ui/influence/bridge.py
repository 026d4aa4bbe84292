"""The revenue and margin bridge: waterfall chart, Net PPM steps, explanation, top ASINs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.bridge import PPM_STEPS, STEPS
from vendordesk.core.influence.text import weeks_label
from vendordesk.core.missing import is_missing
from vendordesk.ui import fmt
from vendordesk.ui.influence.charts import draw_waterfall, make_plot
from vendordesk.ui.influence.labels import bridge_step, signed_money

TOP_ASINS = 10


def waterfall_args(bridge, start_name: str, end_name: str) -> tuple:
    steps = [(bridge_step(s), bridge.steps[s]) for s in STEPS]
    return (start_name, bridge.start), steps, (end_name, bridge.end)


class BridgeView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.plot = make_plot(short_axis=True)
        self.plot.setMinimumHeight(260)
        layout.addWidget(self.plot, 3)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet("background: #f5f7f8; padding: 8px; border-radius: 4px;")
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        ppm_box = QGroupBox(self.tr("Amazon's Net PPM bridge"))
        v = QVBoxLayout(ppm_box)
        self.ppm = QTableWidget(0, 2)
        self._table(self.ppm, [self.tr("Step"), self.tr("Points")])
        v.addWidget(self.ppm)
        asin_box = QGroupBox(self.tr("ASINs that moved sell-in most"))
        v2 = QVBoxLayout(asin_box)
        self.asins = QTableWidget(0, 5)
        self._table(self.asins, [self.tr("ASIN"), self.tr("Before"), self.tr("After"), self.tr("Change"),
                                 self.tr("OOS before → after")])
        v2.addWidget(self.asins)
        row.addWidget(ppm_box, 2)
        row.addWidget(asin_box, 3)
        layout.addLayout(row, 2)

    @staticmethod
    def _table(table: QTableWidget, headers: list[str]) -> None:
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)

    def set_data(self, bridge, explanation, currency: str, lang: str) -> None:
        if bridge is None or bridge.empty:
            self.title.setText(self.tr("No sell-in in the two periods: nothing to bridge."))
            self.plot.clear()
            return
        (a0, a1), (b0, b1) = bridge.periods
        self.title.setText(self.tr("Net sell-in %1 → %2 (%3 vs. %4)")
                           .replace("%1", fmt.money(bridge.start, currency, 0))
                           .replace("%2", fmt.money(bridge.end, currency, 0))
                           .replace("%3", weeks_label(b0, b1, lang)).replace("%4", weeks_label(a0, a1, lang)))
        draw_waterfall(self.plot, *waterfall_args(bridge, self.tr("Before"), self.tr("After")))
        self.explanation.setText(explanation.text if explanation is not None and explanation.sentences
                                 else self.tr("No explanation: too little history in one of the periods."))
        self.ppm.setRowCount(0)
        rows = [(self.tr("Net PPM before"), fmt.percent(bridge.ppm_start, 1))]
        rows += [(bridge_step(s), _pts(bridge.ppm_steps.get(s, 0.0))) for s in PPM_STEPS]
        rows.append((self.tr("Net PPM after"), fmt.percent(bridge.ppm_end, 1)))
        for label, value in rows:
            self._append(self.ppm, [label, value])
        self.asins.setRowCount(0)
        drivers = bridge.drivers.head(TOP_ASINS) if bridge.drivers is not None else []
        for asin, r in (drivers.iterrows() if len(drivers) else []):
            self._append(self.asins, [asin, fmt.money(r["cogs_a"], currency, 0), fmt.money(r["cogs_b"], currency, 0),
                                      signed_money(r["delta"], currency),
                                      f"{fmt.percent(r['oos_a'], 0)} → {fmt.percent(r['oos_b'], 0)}"])
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Both tables fill their width: the Net PPM steps in two equal columns; the ASIN table's
        money columns share the room and "OOS before → after" keeps its own width (it took all
        the spare room at 1920 and pushed its figures far from their ASIN)."""
        Mode = QHeaderView.ResizeMode
        self.ppm.horizontalHeader().setSectionResizeMode(Mode.Stretch)
        header = self.asins.horizontalHeader()
        header.setSectionResizeMode(Mode.Stretch)
        header.setSectionResizeMode(self.asins.columnCount() - 1, Mode.ResizeToContents)

    @staticmethod
    def _append(table: QTableWidget, values: list[str]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, col, item)


def _pts(value: float) -> str:
    if is_missing(value):
        return fmt.DASH
    shown = fmt.rounded(value * 100, 2)         # what rounds to 0,00 carries no sign
    return ("+" if shown > 0 else "−" if shown < 0 else "") + fmt.number(abs(shown), 2)
