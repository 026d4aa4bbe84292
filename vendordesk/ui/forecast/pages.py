"""The pages inside the Forecast tab: one ASIN, all ASINs, divergence/drift, risk, orders coming."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vendordesk.ui import fmt
from vendordesk.ui.forecast import tables as ft


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: 600; color: #37474f; margin-top: 4px;")
    return label


def _summary() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("color: #37474f; padding: 4px 2px;")
    return label


class AsinPage(QWidget):
    """Chart of one ASIN with Amazon's generation picker, accuracy and supply entry.

    Signals:
        generation_changed(str): the user picked another Amazon generation ("" = newest).
    """

    generation_changed = Signal(str)

    def __init__(self, ctx, chart_labels: dict[str, str], parent=None):
        super().__init__(parent)
        from vendordesk.ui.forecast.chart import ForecastChart
        from vendordesk.ui.forecast.supply_form import SupplyForm

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setFixedHeight(66)   # fixed: a new ASIN must not re-layout the chart
        self.generation = QComboBox()
        self.generation.setMinimumWidth(160)
        self._generations: list[str] = []
        self.generation.currentIndexChanged.connect(
            lambda _i: self.generation_changed.emit(self.generation.currentData() or ""))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(QLabel(self.tr("Amazon forecast of")))
        top.addWidget(self.generation)
        self.chart = ForecastChart(chart_labels)
        self.chart.setMinimumHeight(280)
        self.accuracy = _summary()
        self.accuracy.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.supply = SupplyForm(ctx)
        self.supply.setMaximumWidth(380)
        # fixed (a new ASIN must not re-layout the chart), as high as the supply form beside it:
        # the seven lines of the accuracy text fit; a fixed 150 px cost the supply plot its height
        self.accuracy.setFixedHeight(max(self.supply.sizeHint().height(),
                                         7 * self.accuracy.fontMetrics().lineSpacing() + 10))
        bottom = QHBoxLayout()
        bottom.addWidget(self.accuracy, 1)
        bottom.addWidget(self.supply)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        layout.addLayout(bottom)

    def set_generations(self, generations: list[str]) -> None:
        """Fill the generation picker (kept as it is when the list did not change)."""
        if generations and generations == self._generations:
            return
        self._generations = list(generations)
        self.generation.blockSignals(True)
        self.generation.clear()
        for gen in reversed(generations):
            self.generation.addItem(fmt.date(gen), gen)
        if not generations:
            self.generation.addItem(self.tr("none imported"), "")
        self.generation.setEnabled(bool(generations))
        self.generation.blockSignals(False)

    def current_generation(self) -> str:
        return self.generation.currentData() or ""


class TablePage(QWidget):
    """A summary line, an optional search field, one table and optional buttons."""

    def __init__(self, search: bool = False, key: str | None = None, columns: bool = False, parent=None):
        super().__init__(parent)
        self.summary = _summary()
        self.view, self.model = ft.make_view(key, self)
        self.layout_ = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        self.search = None
        if search:
            self.search = QLineEdit()
            self.search.setPlaceholderText(self.tr("Search ASIN, product, model…"))
            self.search.setClearButtonEnabled(True)
            self.search.setMaximumWidth(280)
            # its whole placeholder, with the clear button's room (at 1280 the summary beside it
            # took the width and left "ASIN, Produkt, M")
            self.search.setMinimumWidth(min(280, self.search.fontMetrics().horizontalAdvance(
                self.search.placeholderText()) + 40))
            self.search.textChanged.connect(self.model.set_search)
            row.addWidget(self.search)
        self.columns_button = None
        if columns:      # the tickets' "Columns" menu (ui.models.column_menu), filled by show_columns_menu
            self.columns_button = QPushButton(self.tr("Columns"))
            self.columns_button.setMenu(QMenu(self.columns_button))
            self.columns_button.menu().aboutToShow.connect(self.fill_columns_menu)
            row.addWidget(self.columns_button)
        self.buttons = QHBoxLayout()
        row.addLayout(self.buttons)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.view, 1)

    def fill_columns_menu(self) -> None:
        """The menu's entries for the table's columns (after each new frame, and when it opens: the
        columns left out to fit change with the width)."""
        from vendordesk.ui.models.column_menu import fill_column_menu

        if self.columns_button is not None:
            keys = self.model.visible_keys()
            left_out = [k for i, k in enumerate(keys) if self.view.isColumnHidden(i)]
            fill_column_menu(self.columns_button.menu(), self.model, self.show_column, left_out)

    def show_column(self, key: str, on: bool) -> None:
        """Show or leave out a column; one the KAM brought back is not left out to fit again."""
        keys = [c.key for c in self.model.columns()
                if (c.key in self.model.visible_keys() and c.key != key) or (on and c.key == key)]
        if not keys:
            return
        fold = self.view.property("fold_columns")
        if on and fold is not None:
            self.view.setProperty("fold_columns", [k for k in fold if k != key])
        self.model.set_visible(keys)
        for section in range(len(keys)):
            self.view.setColumnHidden(section, False)
        ft.fit_columns(self.view)

    def add_button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button


class DivergencePage(QWidget):
    """Divergence of ours vs Amazon (latest generation) above, drift across generations below."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = _summary()
        self.div_view, self.div_model = ft.make_view("asin", self)
        self.drift_view, self.drift_model = ft.make_view(None, self)
        self.only_flags = QPushButton(self.tr("Only flagged"))
        self.only_flags.setCheckable(True)
        split = QSplitter(Qt.Orientation.Vertical)
        for caption, view in ((self.tr("Our forecast against Amazon's newest forecast (next 13 weeks)"), self.div_view),
                              (self.tr("Amazon's forecast across generations (drift; cuts after OOS weeks)"),
                               self.drift_view)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(_caption(caption))
            inner.addWidget(view)
            split.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.only_flags)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)


class OrdersPage(TablePage):
    """Orders coming: stacked weekly bars (open PO units, expected new orders) above the table."""

    def __init__(self, labels: dict[str, str], parent=None):
        super().__init__(parent=parent)
        import pyqtgraph as pg

        from vendordesk.ui.forecast.chart import MonthAxis, NumberAxis

        self.chart = pg.GraphicsLayoutWidget()
        self.chart.setBackground("w")
        legend = pg.LegendItem(labelTextSize="8pt", colCount=2, labelTextColor="#37474f")   # own row, off the bars
        self.chart.addItem(legend, row=0, col=0)
        plot = self.chart.addPlot(row=1, col=0, axisItems={"bottom": MonthAxis(orientation="bottom"),
                                                           "left": NumberAxis(orientation="left")})
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.getAxis("left").setLabel(labels["units"])
        plot.getAxis("left").setWidth(58)
        self.plot = plot
        self.chart.setFixedHeight(210)
        self.bars_po = pg.BarGraphItem(x=[], height=[], width=5, brush="#90a4ae", pen=None)
        self.bars_new = pg.BarGraphItem(x=[], y0=[], height=[], width=5, brush="#1565c0", pen=None)
        plot.addItem(self.bars_po)
        plot.addItem(self.bars_new)
        legend.addItem(self.bars_po, labels["open_po"])
        legend.addItem(self.bars_new, labels["expected"])
        self.layout_.insertWidget(1, self.chart)

    def show_orders(self, orders) -> None:
        from vendordesk.ui.forecast.data import days

        if orders is None or orders.empty:
            self.bars_po.setOpts(x=[], height=[])
            self.bars_new.setOpts(x=[], y0=[], height=[])
            return
        x = days(orders["week_start"].tolist())
        po = orders["open_po"].to_numpy(float)
        new = orders["expected_order"].to_numpy(float)
        self.bars_po.setOpts(x=x, height=po, width=5)
        self.bars_new.setOpts(x=x, y0=po, height=new, width=5)
        self.plot.setXRange(x.min() - 7, x.max() + 7, padding=0)
        self.plot.setYRange(0, max(float((po + new).max()), 1.0) * 1.1, padding=0)
