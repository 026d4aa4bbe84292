"""Per-ASIN economics (read-only) and the scenarios side by side (editable parameters,
computed results). Figures come from the same ``Analysis`` as the brief and the JSON."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from vendordesk.core.negotiation.model import Scenario
from vendordesk.ui import fmt
from vendordesk.ui.negotiation.fields import cell_number, make_table, number_item, percent, readonly_item

RISK_BG = QColor("#ffcdd2")


class EconomicsView(QWidget):
    def __init__(self, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = make_table([
            self.tr("ASIN"), self.tr("Product"), self.tr("Cost now"), self.tr("Cost new"), self.tr("Change"),
            self.tr("ASP 13 w"), self.tr("ASP 26 w"), self.tr("ASP 52 w"), self.tr("ASP trend"),
            self.tr("Front margin now"), self.tr("Front margin new"), self.tr("Net PPM now"), self.tr("Net PPM new"),
            self.tr("Net PPM if ASP follows"), self.tr("Break-even ASP"), self.tr("CRaP risk"),
            self.tr("Units if ASP follows"), self.tr("Our margin now"), self.tr("Our margin new")])
        self.table.setSortingEnabled(False)
        # nineteen figures per ASIN, the brief's: a sheet read sideways on purpose (tests/ui/desk_check.py)
        self.table.setProperty("desk_check_scrolls", True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 260)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def _cogs_note(self, a) -> str:
        """The brief's definition of the extra COGS (why a scenario at the same rounded percent differs)."""
        import html

        from vendordesk.briefs.negotiation import cogs_definition

        text = cogs_definition(a, self.lang)
        return f"<br/><span style='color:#607d8b'>{html.escape(text, quote=False)}</span>" if text else ""

    def show_analysis(self, a) -> None:
        cur = a.case.currency
        el = (self.tr("calibrated elasticity %1") if a.market.elasticity_source == "calibrated"
              else self.tr("default elasticity %1 (not calibrated)")).replace("%1", fmt.number(a.market.elasticity, 1))
        self.summary.setText(
            self.tr("Requested <b>%1</b> · justified by drivers <b>%2</b> · extra COGS for Amazon per year <b>%3</b><br/>"
                    "Amazon's Net PPM today <b>%4</b> → after <b>%5</b> (ASP unchanged) / <b>%6</b> (ASP follows); "
                    "target %7 · %8 of %9 ASINs at CRaP risk · %10")
            .replace("%10", el).replace("%1", percent(a.requested, True)).replace("%2", percent(a.justified_cost_price, True))
            .replace("%3", fmt.money(a.annual_cogs_impact, cur, 0)).replace("%4", percent(a.net_ppm_before))
            .replace("%5", percent(a.net_ppm_after)).replace("%6", percent(a.net_ppm_pass_through))
            .replace("%7", percent(a.market.target)).replace("%8", str(a.crap_count)).replace("%9", str(len(a.items)))
            + self._cogs_note(a))
        self.table.setRowCount(len(a.items))
        na = self.tr("not available: no sales facts or no ASP")
        for row, it in enumerate(a.items):
            risk = "" if it.crap_risk is None else (self.tr("yes") if it.crap_risk else self.tr("no"))
            cells = [it.asin, it.title, fmt.money(it.cost_before, cur), fmt.money(it.cost_after, cur),
                     percent(it.cost_change, True), fmt.money(it.asp_13, cur), fmt.money(it.asp_26, cur),
                     fmt.money(it.asp_52, cur), percent(it.asp_trend, True), percent(it.front_margin_before),
                     percent(it.front_margin_after), percent(it.net_ppm_before), percent(it.net_ppm_after),
                     percent(it.net_ppm_pass_through), fmt.money(it.break_even_asp, cur), risk,
                     percent(it.volume_change, True), percent(it.vendor_margin_before), percent(it.vendor_margin_after)]
            for col, text in enumerate(cells):
                tip = it.title if col == 1 else (na if text in (fmt.DASH, "") and col > 1 else "")
                item = readonly_item(text, numeric=col > 1, tooltip=tip)
                if col == 15 and it.crap_risk:
                    item.setBackground(QBrush(RISK_BG))
                self.table.setItem(row, col, item)


class ScenariosEditor(QWidget):
    """Scenarios side by side: one column each; the first five rows are editable parameters.

    Signals: edited() when a parameter changed.
    """

    edited = Signal()
    PARAMS = 7
    #: (row, scale) of the numeric parameters; row 1 may stay empty (= as requested)
    NUMERIC = ((1, 100.0), (2, 100.0), (3, 100.0), (4, 1.0), (5, 100.0), (6, 100.0))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.names = {"full": self.tr("Full increase"), "phased": self.tr("Phased"), "half_coop": self.tr("Half plus co-op")}
        self.rows = [self.tr("Name"), self.tr("Increase on cost (%; empty = as requested)"),
                     self.tr("Share of it now (%)"), self.tr("Share later (%)"),
                     self.tr("Later share after months"), self.tr("Extra co-op (points)"),
                     self.tr("Retail price follows (% of the increase)"),
                     self.tr("Increase on cost (end)"), self.tr("Increase in year 1"),
                     self.tr("Extra COGS for Amazon, year 1"), self.tr("Cost of the extra co-op to us"),
                     self.tr("Our extra gross profit, year 1"), self.tr("Amazon's Net PPM afterwards"),
                     self.tr("ASINs below the Net PPM target")]
        self.table = make_table([])
        self.table.setRowCount(len(self.rows))
        self.table.setVerticalHeaderLabels(self.rows)
        self.table.verticalHeader().setVisible(True)
        self.table.horizontalHeader().setVisible(False)
        self.table.horizontalHeader().setMinimumSectionSize(150)
        self.add = QPushButton(self.tr("Add scenario"))
        self.remove = QPushButton(self.tr("Remove selected"))
        hint = QLabel(self.tr("A scenario grants a share of the requested increase now and the rest later, "
                              "optionally against extra co-op. Results are for the first year at 52-week units. "
                              "Edit the white cells."))
        hint.setWordWrap(True)
        from PySide6.QtWidgets import QHBoxLayout

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(lambda *_: None if self._loading else self.edited.emit())
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)

    def _display_name(self, name: str) -> str:
        return self.names.get(name, name)

    def _set_params(self, col: int, s: Scenario) -> None:
        name = QTableWidgetItem(self._display_name(s.name))
        name.setData(Qt.ItemDataRole.UserRole, s.name)
        self.table.setItem(0, col, name)
        values = (None if s.cost_pct is None else s.cost_pct * 100, s.share * 100, s.phase2_share * 100,
                  s.phase2_months, s.extra_coop * 100, s.pass_through * 100)
        for row, (value, dec) in enumerate(zip(values, (1, 0, 0, 0, 1, 0)), start=1):
            self.table.setItem(row, col, number_item(value, dec))

    def show_results(self, a) -> None:
        cur = a.case.currency
        self._loading = True
        try:
            self.table.setColumnCount(len(a.scenarios))
            for col, r in enumerate(a.scenarios):
                self._set_params(col, r.scenario)
                for row, text in enumerate((percent(r.increase, True), percent(r.first_year_increase, True),
                                            fmt.money(r.amazon_cogs_impact, cur, 0), fmt.money(r.extra_coop_cost, cur, 0),
                                            fmt.money(r.vendor_gain, cur, 0), percent(r.net_ppm_after),
                                            str(r.crap_asins)), start=self.PARAMS):
                    item = readonly_item(text)
                    item.setBackground(QBrush(QColor("#eef2f5")))
                    self.table.setItem(row, col, item)
        finally:
            self._loading = False

    def scenarios(self) -> tuple[list[Scenario], int]:
        out, bad = [], 0
        self.table.blockSignals(True)
        try:
            for col in range(self.table.columnCount()):
                item = self.table.item(0, col)
                text = item.text().strip() if item else ""
                key = item.data(Qt.ItemDataRole.UserRole) if item else None
                name = key if key and text == self._display_name(key) else text
                values = []
                for row, scale in self.NUMERIC:
                    value, ok = cell_number(self.table, row, col, scale)
                    bad += not ok
                    values.append(value)
                cost_pct, share, later, months, coop, follows = values
                if name:
                    out.append(Scenario(name, 1.0 if share is None else share, later or 0.0, int(months or 0),
                                        coop or 0.0, cost_pct=cost_pct, pass_through=follows or 0.0))
        finally:
            self.table.blockSignals(False)
        return out, bad

    def _add(self) -> None:
        col = self.table.columnCount()
        self._loading = True
        self.table.setColumnCount(col + 1)
        self._set_params(col, Scenario(self.tr("Scenario %1").replace("%1", str(col + 1))))
        self._loading = False
        self.edited.emit()

    def _remove(self) -> None:
        cols = sorted({i.column() for i in self.table.selectedIndexes()}, reverse=True)
        for col in cols:
            self.table.removeColumn(col)
        if cols:
            self.edited.emit()
