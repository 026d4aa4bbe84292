"""One gear opened: its KPIs (value, comparison, change, status, limits), a chart over time and
the worst ASINs for the gear."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vendordesk.ui import fmt
from vendordesk.ui.charts import ChartFrame, TimeSeriesPlot, last_year_on_this_year
from vendordesk.ui.gears.formatting import (
    STATUS_COLORS,
    change_text,
    gear_status,
    kpi_value,
    minus,
    missing,
    points_text,
    score_text,
    status_text,
)
from vendordesk.ui.gears.worst_columns import RefitOnResize, fit_worst_columns
from vendordesk.ui.models.frame_model import Column, FrameModel
from vendordesk.ui.models.headers import two_line_header

QWIDGETSIZE_MAX = 16777215
MONEY_RANKS = {"chargebacks"}      # worst-ASIN rankings in money (the others count)
ROW_AIR = 4      # pixels a KPI row keeps beyond its text (2 above, 2 below)


class GearDetail(QWidget):
    """Signals: manual_requested(gear_id), customise_requested(gear_id), asin_requested(asin)."""

    manual_requested = Signal(str)
    customise_requested = Signal(str)
    asin_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gear_id: str | None = None
        self.report = None
        self.currency = "EUR"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600; color: #263238;")
        self.title.setWordWrap(True)        # a long gear name wraps instead of widening the pane
        self.title.setMinimumWidth(120)
        self.manual_button = QPushButton(self.tr("Enter values…"))
        self.customise_button = QPushButton(self.tr("Rename && thresholds…"))
        self.manual_button.clicked.connect(lambda: self.manual_requested.emit(self.gear_id or ""))
        self.customise_button.clicked.connect(lambda: self.customise_requested.emit(self.gear_id or ""))
        header.addWidget(self.title, 1)
        header.addWidget(self.manual_button)
        header.addWidget(self.customise_button)
        layout.addLayout(header)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        layout.addWidget(self.note)

        self.kpi_table = QTableWidget(0, 6)
        self.kpi_table.setHorizontalHeaderLabels([self.tr("KPI"), self.tr("Value"), self.tr("Comparison"),
                                                  self.tr("Change"), self.tr("Status"), self.tr("Limits")])
        self.kpi_table.verticalHeader().setVisible(False)
        self.kpi_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kpi_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.kpi_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.kpi_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            self.kpi_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.kpi_table.itemSelectionChanged.connect(self._show_chart)

        self.chart = TimeSeriesPlot()
        self.chart.setMinimumHeight(140)
        self.chart_stack = ChartFrame(self.chart, self.tr("No values over time for this KPI yet."))
        self.no_chart = self.chart_stack.empty

        worst = QWidget()
        worst_layout = QVBoxLayout(worst)
        worst_layout.setContentsMargins(0, 4, 0, 0)
        self.worst_label = QLabel()
        self.worst_label.setStyleSheet("font-weight: 600; color: #37474f;")
        # "No ASIN ranking …" stays under its table's place, not in the middle of the empty half
        self.worst_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.worst_model = FrameModel(key="asin")
        self.worst_view = QTableView()
        self.worst_view.setModel(self.worst_model)
        self.worst_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # fitted instead
        RefitOnResize(self.worst_view)
        self.worst_view.verticalHeader().setVisible(False)
        self.worst_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.worst_view.horizontalHeader().setStretchLastSection(False)
        self.worst_view.setWordWrap(False)
        self.worst_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.worst_view.verticalHeader().setDefaultSectionSize(22)
        self.worst_view.doubleClicked.connect(self._asin_clicked)
        self.worst_view.setToolTip(self.tr("Double-click an ASIN to filter the gears by it."))
        worst_layout.addWidget(self.worst_label)
        worst_layout.addWidget(self.worst_view)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.kpi_table)
        split.addWidget(self.chart_stack)
        split.addWidget(worst)
        self.worst_box, self.worst_layout = worst, worst_layout
        split.setSizes([200, 240, 220])
        split.setChildrenCollapsible(False)
        self.split = split
        layout.addWidget(split, 1)

    # --- content ---------------------------------------------------------------------------
    def show_gear(self, report, gear_id: str, worst, currency: str, has_manual: bool) -> None:
        self.report, self.gear_id, self.currency = report, gear_id, currency
        gear = report.gear(gear_id)
        status = gear_status(gear)
        color = STATUS_COLORS[status]
        if status == "few-data":
            self.title.setText(self.tr("%1 · too little data for a score").replace("%1", gear.name))
        elif gear.score is None:
            self.title.setText(self.tr("%1 · no data").replace("%1", gear.name))
        else:
            self.title.setText(self.tr("%1 · score %2 · %3").replace("%1", gear.name)
                               .replace("%2", score_text(gear.score)).replace("%3", status_text(gear.status)))
        self.title.setStyleSheet(f"font-size: 13pt; font-weight: 600; color: {color};")
        self.manual_button.setVisible(has_manual)
        compare = self.tr("prior period") if report.compare == "prior" else self.tr("same weeks last year")
        if gear.status == "no-data":
            self.note.setText(self.tr("No data for this gear in the chosen period. Its KPIs come from reports "
                                      "VendorDesk cannot read for it, or from values you enter by hand "
                                      "(Enter values…). Without data the gear gets no score."))
        else:
            self.note.setText(self.tr("%1 weeks up to the week of %2, compared with the %3. "
                                      "Score 0–100: green from 80, amber from 50.")
                              .replace("%1", str(report.weeks)).replace("%2", fmt.date(report.asof_week))
                              .replace("%3", compare))
        self._fill_kpis(gear)
        self._fill_worst(gear, worst)

    def _fill_kpis(self, gear) -> None:
        self.kpi_table.blockSignals(True)
        self.kpi_table.setRowCount(len(gear.kpis))
        for row, k in enumerate(gear.kpis):
            cells = [k.name + (self.tr(" (manual)") if k.manual else ""),
                     kpi_value(k.value, k.unit, self.currency), kpi_value(k.compare, k.unit, self.currency),
                     change_text(k.change, k.unit, k.value, k.compare, k.threshold), status_text(k.status),
                     self._limits(k.threshold, k.unit)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3 and k.unit == "pct" and k.threshold and k.threshold["kind"] == "trend":
                    item.setToolTip(self._relative_tip(k))
                if col in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 4:
                    item.setForeground(QBrush(QColor(STATUS_COLORS.get(k.status, "#78909c"))))
                self.kpi_table.setItem(row, col, item)
        self.kpi_table.blockSignals(False)
        self._fit_kpi_rows()
        first = next((i for i, k in enumerate(gear.kpis) if not missing(k.value)), 0)
        self.kpi_table.selectRow(first)
        self._show_chart()

    def _fit_kpi_rows(self) -> None:
        """Every KPI row shows in full: the table is at least as tall as its rows."""
        table = self.kpi_table
        table.resizeRowsToContents()
        # a wrapped name got a row exactly as high as its lines, and the grid line took the dots of
        # a capital Ü ("Uberbestand"): each row keeps ROW_AIR beyond its text (one-line rows have it)
        metrics = table.fontMetrics()
        margin = table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin, None, table) + 1
        width = max(1, table.columnWidth(0) - 2 * margin)       # the text's width in the cell, as the delegate lays it out
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            name = item.text() if item is not None else ""
            text = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, name).height()
            if table.rowHeight(row) < text + ROW_AIR:
                table.setRowHeight(row, text + ROW_AIR)
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = rows + table.horizontalHeader().height() + 2 * table.frameWidth() + 2
        table.setMinimumHeight(height)
        table.setMaximumHeight(height)      # and no taller: the chart and the ASINs get the rest


    def _relative_tip(self, k) -> str:
        """What a relative change of a percentage means, with the points beside it."""
        return (self.tr("%1 against %2: %3, a relative change of %4. The limits judge the relative change.")
                .replace("%1", kpi_value(k.value, k.unit)).replace("%2", kpi_value(k.compare, k.unit))
                .replace("%3", points_text(k.value, k.compare))
                .replace("%4", change_text(k.change, "money")))

    def _limits(self, threshold: dict | None, unit: str) -> str:
        if not threshold:
            return fmt.DASH
        green, red, kind = threshold["green"], threshold["red"], threshold["kind"]
        if kind == "trend":
            # a percentage's change could be read in points: its limits say they are relative
            text = self.tr("rel. change ≥ %1 / < %2") if unit == "pct" else self.tr("change ≥ %1 / < %2")
            return text.replace("%1", minus(fmt.percent(green, 0))).replace("%2", minus(fmt.percent(red, 0)))
        g, r = kpi_value(green, unit, self.currency), kpi_value(red, unit, self.currency)
        if kind == "band" and threshold.get("green_high") is not None and threshold.get("red_high") is not None:
            def edge(value: float) -> str:      # "4–8 / < 2 or > 12": whole weeks without ",0" (the column stays narrow)
                return minus(fmt.number(value, 0)) if float(value).is_integer() else kpi_value(value, unit, self.currency)

            return (self.tr("%1–%2 / < %3 or > %4").replace("%1", edge(green)).replace("%2", edge(threshold["green_high"]))
                    .replace("%3", edge(red)).replace("%4", edge(threshold["red_high"])))
        text = "≤ %1 / > %2" if kind == "max" else "≥ %1 / < %2"
        return text.replace("%1", g).replace("%2", r)

    def _show_chart(self) -> None:
        if self.report is None or self.gear_id is None:
            return
        rows = self.kpi_table.selectionModel().selectedRows()
        gear = self.report.gear(self.gear_id)
        if not rows or rows[0].row() >= len(gear.kpis):
            return
        k = gear.kpis[rows[0].row()]
        weekly = self.report.weekly
        series = weekly[k.id] if k.id in getattr(weekly, "columns", []) else None
        points = list(series.dropna().items()) if series is not None else []
        if not points:
            self.chart_stack.show_empty()
            return
        self.chart_stack.show_plot()
        compare_points = None
        if self.report.compare == "last_year":
            points, compare_points = last_year_on_this_year(points)
        limits = None
        if k.threshold and k.threshold["kind"] in ("min", "max"):
            limits = {"green": k.threshold["green"], "red": k.threshold["red"]}
        unit = {"pct": "pct", "money": "money", "weeks": "weeks", "days": "days", "units": "units"}.get(k.unit, "number")
        self.chart.set_series(points, k.name, percent=k.unit == "pct", compare_points=compare_points,
                              compare_label=self.tr("same week last year"), thresholds=limits,
                              period=self.report.periods.get("current"), unit=unit, currency=self.currency)

    def _fill_worst(self, gear, worst) -> None:
        if worst is None or len(worst) == 0:
            self.worst_label.setText(self.tr("No ASIN ranking for this gear in this period."))
            self.worst_view.setVisible(False)
            # one line's room for the sentence: the chart above takes the rest (it sat over a third
            # of the panel's height of nothing at 1920×1080)
            margins = self.worst_layout.contentsMargins()
            self.worst_box.setMaximumHeight(self.worst_label.sizeHint().height() + margins.top() + margins.bottom())
            return
        self.worst_box.setMaximumHeight(QWIDGETSIZE_MAX)
        kpi = gear.kpis[0]
        rank = str(worst["rank_by"].iloc[0])
        name = self._rank_name(rank, kpi.name)
        self.worst_label.setText(self.tr("Worst ASINs for this gear, ranked by: %1").replace("%1", name))
        kind = {"pct": "percent", "money": "money"}.get(kpi.unit, "number")
        columns = [Column("asin", self.tr("ASIN")), Column("title", self.tr("Title")),
                   Column("value", self.tr("Value"), kind, decimals=1 if kind == "percent" else 2),
                   Column("compare", self.tr("Comparison"), kind, decimals=1 if kind == "percent" else 2),
                   Column("change", self.tr("Change"), "percent", decimals=1),
                   Column("revenue", self.tr("Revenue"), "money", decimals=0)]
        frame = worst.copy()
        if kpi.unit == "pct" and rank.endswith("_change"):
            # ranked by the relative fall: the column shows that figure, so the list reads in order
            columns[4] = Column("change", self.tr("Change (rel.)"), "percent", decimals=1)
        elif kpi.unit == "pct":   # a change of a percentage reads best in points
            frame["change"] = (frame["value"] - frame["compare"]) * 100.0
            columns[4] = Column("change", self.tr("Change (points)"), "number", decimals=1)
        shown = str(worst["kpi"].iloc[0]) if "kpi" in worst else kpi.id
        if "rank" in frame and not rank.endswith("_change") and rank != shown:
            # ranked by a figure the KPI columns do not show (lost glance views, chargebacks in €):
            # that figure gets its column, so the order can be read
            kind = "money" if rank in MONEY_RANKS else "number"
            heading = self.tr("Lost\nglance views") if rank == "oos_views" else name    # narrow: 1280 has no room
            columns.insert(2, Column("rank", heading, kind, decimals=0))
        if "title" not in frame:
            frame["title"] = ""
        self.worst_model.set_frame(frame, [two_line_header(c) for c in columns])
        self.worst_model.set_visible([c.key for c in columns])    # a gear's own columns (set_frame keeps the last gear's)
        self.worst_view.setVisible(True)
        fit_worst_columns(self.worst_view)

    def _rank_name(self, rank: str, fallback: str) -> str:
        names = {"oos_views": self.tr("Glance views lost to OOS"), "chargebacks": self.tr("Chargebacks"),
                 "conversion_change": self.tr("Fall in conversion"), "asp_change": self.tr("Fall in ASP")}
        return names.get(rank, fallback)

    def _asin_clicked(self, index) -> None:
        asin = self.worst_model.row_key(index.row())
        if asin:
            self.asin_requested.emit(str(asin))
