"""The what-if panel: pick KPI shocks and a horizon, run, see the paths and the money.

The structural model (store.whatif, the same as ``vendordesk simulate``) with 200 parameter
draws takes well under 300 ms, so it runs on the GUI thread. Totals come with their 10-90 % band
in sentences; shocks outside their range are refused with the range named.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.influence.graph import KPIS, POINTS
from vendordesk.core.influence.sim import Baseline, Shock, check_shock, simulate
from vendordesk.ui import fmt
from vendordesk.ui.influence.charts import draw_paths, make_plot
from vendordesk.ui.influence.labels import kpi_name, signed_money

PRESETS = (("procurable_product_out_of_stock_rate", 8.0, 4), ("cost_price", 6.0, 0), ("ad_spend", -30.0, 0))
SHOWN = 6


class WhatIfView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.graph = None
        self.prepared = None
        self.baseline = Baseline()
        self.currency = "EUR"
        self.result = None
        layout = QHBoxLayout(self)
        layout.addWidget(self._form(), 0)
        right = QVBoxLayout()
        right.addWidget(self._totals())
        self.plot = make_plot()
        self.plot.setLabel("left", self.tr("Change vs. baseline (% / points)"))
        self.plot.setLabel("bottom", self.tr("Week"))
        right.addWidget(self.plot, 1)
        layout.addLayout(right, 1)

    def _form(self) -> QWidget:
        box = QGroupBox(self.tr("Shocks"))
        box.setMinimumWidth(340)
        v = QVBoxLayout(box)
        form = QFormLayout()
        self.kpi = QComboBox()
        for name in sorted(KPIS, key=kpi_name):
            self.kpi.addItem(kpi_name(name), name)
        self.delta = QDoubleSpinBox()
        self.delta.setRange(-100.0, 300.0)
        self.delta.setDecimals(1)
        self.delta.setValue(8.0)
        self.kpi.setCurrentIndex(self.kpi.findData("procurable_product_out_of_stock_rate"))
        self.kpi.currentIndexChanged.connect(self._unit)
        self.duration = QSpinBox()
        self.duration.setRange(0, 260)
        self.duration.setSpecialValueText(self.tr("whole horizon"))
        self.duration.setSuffix(self.tr(" weeks"))
        form.addRow(self.tr("KPI"), self.kpi)
        form.addRow(self.tr("Change"), self.delta)
        form.addRow(self.tr("For"), self.duration)
        v.addLayout(form)
        add = QPushButton(self.tr("Add shock"))
        add.clicked.connect(self._add_current)
        v.addWidget(add)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("KPI"), self.tr("Change"), self.tr("Weeks")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(lambda: self.table.setRowCount(0))
        row.addWidget(remove), row.addWidget(clear)
        v.addLayout(row)
        presets = QHBoxLayout()
        for kpi, delta, weeks in PRESETS:
            button = QPushButton(self._shock_text(kpi, delta / 100, weeks or None))
            button.clicked.connect(lambda _=False, k=kpi, d=delta, w=weeks: self.add_shock(k, d, w))
            presets.addWidget(button)
        v.addWidget(QLabel(self.tr("Examples:")))
        v.addLayout(presets)
        run_row = QHBoxLayout()
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 104)
        self.horizon.setValue(26)
        self.horizon.setPrefix(self.tr("Horizon: "))
        self.horizon.setSuffix(self.tr(" weeks"))
        self.run_button = QPushButton(self.tr("Run simulation"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        run_row.addWidget(self.horizon), run_row.addWidget(self.run_button)
        v.addLayout(run_row)
        self._unit()
        return box

    def _totals(self) -> QWidget:
        box = QGroupBox(self.tr("Impact over the horizon (vs. the unshocked baseline)"))
        grid = QGridLayout(box)
        self.total_labels = {}
        names = (("units", self.tr("Units")), ("vendor_revenue", self.tr("Our revenue (shipped COGS)")),
                 ("amazon_revenue", self.tr("Amazon revenue (shipped revenue)")),
                 ("net_ppm", self.tr("Net PPM")), ("net_ppm_eur", self.tr("Amazon margin (€)")))
        for i, (key, text) in enumerate(names):
            title = QLabel(text)
            title.setStyleSheet("color: #546e7a;")
            value = QLabel(fmt.DASH)
            value.setStyleSheet("font-size: 13pt; font-weight: 600;")
            grid.addWidget(title, 0, i)
            grid.addWidget(value, 1, i)
            self.total_labels[key] = value
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        grid.addWidget(self.note, 2, 0, 1, len(names))
        return box

    def _unit(self) -> None:
        name = self.kpi.currentData()
        self.delta.setSuffix(self.tr(" points") if name and KPIS[name].scale == POINTS else " %")

    def _shock_text(self, kpi: str, delta: float, weeks: int | None) -> str:
        unit = self.tr(" pts") if KPIS[kpi].scale == POINTS else " %"
        text = f"{kpi_name(kpi)} {'+' if delta >= 0 else '−'}{fmt.number(abs(delta) * 100, 0)}{unit}"
        return text + (self.tr(", %1 wk").replace("%1", str(weeks)) if weeks else "")

    def add_shock(self, kpi: str, delta_pct: float, weeks: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(kpi_name(kpi))
        item.setData(256, Shock(kpi, delta_pct / 100.0, weeks or None))
        self.table.setItem(row, 0, item)
        unit = self.tr(" pts") if KPIS[kpi].scale == POINTS else " %"
        self.table.setItem(row, 1, QTableWidgetItem(("+" if delta_pct >= 0 else "−") + fmt.number(abs(delta_pct), 1)
                                                    + unit))
        self.table.setItem(row, 2, QTableWidgetItem(str(weeks) if weeks else self.tr("all")))

    def _add_current(self) -> None:
        self.add_shock(self.kpi.currentData(), self.delta.value(), self.duration.value())

    def _remove(self) -> None:
        for index in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(index)

    def shocks(self) -> list[Shock]:
        return [self.table.item(r, 0).data(256) for r in range(self.table.rowCount())]

    def set_model(self, graph, baseline: Baseline, currency: str, prepared: dict | None = None) -> None:
        self.graph, self.baseline, self.currency = graph, baseline or Baseline(), currency
        self.prepared = prepared
        if self.baseline.units <= 0:
            self.note.setText(self.tr("No sales history: the money totals stay at zero; the KPI paths still show "
                                      "how the shock travels through the gears."))
        else:
            self.note.setText(self.tr("Baseline: the average of the last 13 weeks (%1 units a week, ASP %2).")
                              .replace("%1", fmt.number(self.baseline.units, 0))
                              .replace("%2", fmt.money(self.baseline.asp, currency)))

    def run(self) -> None:
        if self.graph is None:
            return
        shocks = self.shocks()
        if not shocks:
            self._add_current()
            shocks = self.shocks()
        sentences = []
        if self.prepared is not None:
            from vendordesk.core.influence.words import summary_lines
            from vendordesk.store.whatif import run_prepared

            def checked(levels):
                for shock in shocks:
                    check_shock(shock, levels.get(shock.kpi))
                return shocks

            try:
                self.result, info = run_prepared(self.prepared, checked, self.horizon.value(), self.graph)
            except ValueError as exc:
                self.note.setText(self.tr("Refused: %1").replace("%1", str(exc)))
                return
            lang = "de" if self.locale().language().name == "German" else "en"
            sentences = summary_lines(self.result, info, lang)[1:]
        else:
            self.result = simulate(self.graph, shocks, self.horizon.value(), self.baseline)
        if sentences:
            self.note.setText("<br>".join(line.strip() for line in sentences))
        t = self.result.totals
        self.total_labels["units"].setText(_signed(("−" if t["units"] < 0 else "") + fmt.number(abs(t["units"]), 0),
                                                   t["units"]))
        for key in ("vendor_revenue", "amazon_revenue", "net_ppm_eur"):
            self.total_labels[key].setText(_signed(signed_money(t[key], self.currency), t[key]))
        pts = ("−" if t["net_ppm"] < 0 else "") + fmt.number(abs(t["net_ppm"]) * 100, 2)
        self.total_labels["net_ppm"].setText(_signed(self.tr("%1 pts").replace("%1", pts), t["net_ppm"]))
        ranked = sorted(self.result.paths.items(), key=lambda kv: -max(abs(v) for v in kv[1]))[:SHOWN]
        draw_paths(self.plot, dict(ranked), {k: kpi_name(k) for k, _ in ranked})


def _signed(text: str, value: float) -> str:
    color = "#2e7d32" if value > 0 else "#c62828" if value < 0 else "#37474f"
    prefix = "+" if value > 0 and not text.startswith("+") else ""
    return f"<span style='color:{color}'>{prefix}{text}</span>"
