"""Insight page of the ticket log: resolution times, long-open cases, chargeback money (pyqtgraph)."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vendordesk.ui import fmt

PALETTE = ("#1e88e5", "#e53935", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#6d4c41", "#546e7a", "#c0ca33")


def _plot(parent=None):
    from vendordesk.ui.charts import static_plot

    widget = static_plot(parent)
    widget.setMinimumHeight(180)
    widget.showGrid(x=False, y=True, alpha=0.25)
    for axis in ("left", "bottom"):
        # locale numbers on value axes (12.000 in German); category axes get explicit ticks
        widget.getAxis(axis).tickStrings = lambda values, scale, spacing: [fmt.number(v * scale) for v in values]
    return widget


class InsightPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.lang = "en"      # the UI language of Amazon's chargeback types (set by the tab)
        grid = QGridLayout(self)
        self.resolution = _plot()
        self.months = _plot()
        self.money = _plot()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.money_text = QLabel()
        self.money_text.setWordWrap(True)
        self.open_days = QSpinBox()
        self.open_days.setRange(1, 365)
        self.open_days.setValue(30)
        self.open_days.setSuffix(self.tr(" days"))
        self.open_days.valueChanged.connect(self._show_long_open)
        self.long_open = QListWidget()        # long subjects wrap in the box (no sideways scrolling)
        self.long_open.setWordWrap(True)
        self.long_open.setAlternatingRowColors(True)     # wrapped cases stay apart from each other
        self.long_open.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.long_open.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.long_label = QLabel()
        grid.addWidget(self._box(self.tr("Median days to resolution by category"), self.resolution), 0, 0)
        months_box = self._box(self.tr("Chargebacks and shortages per month by type"), self.months, self.legend)
        grid.addWidget(months_box, 0, 1)
        grid.addWidget(self._box(self.tr("Recovered vs lost"), self.money, self.money_text), 1, 0)
        long_box = QGroupBox(self.tr("Cases open longer than"))
        column = QVBoxLayout(long_box)
        row = QHBoxLayout()
        row.addWidget(self.open_days)
        row.addWidget(self.long_label, 1)
        column.addLayout(row)
        column.addWidget(self.long_open)
        grid.addWidget(long_box, 1, 1)
        self._cases = None
        self._labels: dict = {}

    def _box(self, title: str, *widgets) -> QGroupBox:
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        for widget in widgets:
            column.addWidget(widget)
        return box

    def show_data(self, cases, chargebacks, today: dt.date, currency: str, category_labels: dict) -> None:
        from vendordesk.core import tickets as rules

        self._cases, self._today, self._labels = cases, today, category_labels
        medians = rules.median_resolution_days(cases).sort_values("median_days")
        self._hbars(self.resolution, medians, "category", "median_days", category_labels)
        self._stacked_months(rules.chargebacks_by_type_month(chargebacks))
        symbol = {"EUR": "€", "GBP": "£", "USD": "$"}.get(currency, currency)
        self.months.setLabel("left", symbol)
        self.money.setLabel("left", symbol)
        money = rules.recovered_vs_lost(chargebacks, today)
        import pandas as pd

        frame = pd.DataFrame({"what": [self.tr("Recovered"), self.tr("Lost"), self.tr("Open")],
                              "amount": [money["recovered"], money["lost"], money["pending"]]})
        self._bars(self.money, frame, "what", "amount", {}, colors=("#43a047", "#e53935", "#90a4ae"))
        self.money_text.setText(self.tr("Recovered %1 · lost %2 · still open %3")
                                .replace("%1", fmt.money(money["recovered"], currency))
                                .replace("%2", fmt.money(money["lost"], currency))
                                .replace("%3", fmt.money(money["pending"], currency)))
        self._show_long_open()

    def _bars(self, plot, frame, label_key: str, value_key: str, names: dict, colors=PALETTE) -> None:
        import pyqtgraph as pg

        plot.clear()
        if frame.empty:
            plot.setTitle(self.tr("No data yet"), color="#90a4ae")
            return
        plot.setTitle(None)
        xs = list(range(len(frame)))
        brushes = [colors[i % len(colors)] for i in xs]
        plot.addItem(pg.BarGraphItem(x=xs, height=frame[value_key].astype(float).tolist(), width=0.6, brushes=brushes))
        ticks = [(i, str(names.get(v, v))) for i, v in zip(xs, frame[label_key])]
        plot.getAxis("bottom").setTicks([ticks])
        plot.setXRange(-0.6, len(xs) - 0.4, padding=0)

    def _hbars(self, plot, frame, label_key: str, value_key: str, names: dict) -> None:
        """Horizontal bars: long category names stay readable on the left axis."""
        import pyqtgraph as pg

        plot.clear()
        if frame.empty:
            plot.setTitle(self.tr("No resolved cases yet"), color="#90a4ae")
            return
        plot.setTitle(None)
        ys = list(range(len(frame)))
        values = frame[value_key].astype(float).tolist()
        plot.addItem(pg.BarGraphItem(x0=0, y=ys, width=values, height=0.6, brush="#1e88e5", pen="#1e88e5"))
        plot.getAxis("left").setTicks([[(i, str(names.get(v, v))) for i, v in zip(ys, frame[label_key])]])
        plot.getAxis("bottom").setTicks(None)
        plot.setYRange(-0.6, len(ys) - 0.4, padding=0)
        plot.setXRange(0, max(values) * 1.1 if values else 1, padding=0)
        plot.setLabel("bottom", self.tr("days"))

    def _stacked_months(self, frame) -> None:
        import pyqtgraph as pg

        plot = self.months
        plot.clear()
        if frame.empty:
            plot.setTitle(self.tr("No data yet"), color="#90a4ae")
            self.legend.clear()
            return
        plot.setTitle(None)
        from vendordesk.ui.tickets.labels import chargeback_types, kinds

        names, types = kinds(), chargeback_types(self.lang)    # Amazon's types in the UI language
        # pivoted and coloured by the stored type, named afterwards: the same type has the same
        # colour in German and English (the translated names sort differently); a shortage without
        # Amazon's type is Amazon's "Shortage Claim" (one stack, not two named alike)
        frame = frame.assign(type=frame["type"].replace({"shortage": "Shortage Claim"}))
        table = frame.pivot_table(index="month", columns="type", values="amount", aggfunc="sum").fillna(0.0)
        table = table.tail(12)
        xs = list(range(len(table)))
        bottom = [0.0] * len(xs)
        legend = []
        for i, type_name in enumerate(table.columns):
            color = PALETTE[i % len(PALETTE)]
            heights = table[type_name].tolist()
            plot.addItem(pg.BarGraphItem(x=xs, y0=bottom, height=heights, width=0.7, brush=color, pen=color))
            bottom = [b + h for b, h in zip(bottom, heights)]
            name = str(names.get(type_name) or types.get(type_name, type_name)).replace(" ", "&nbsp;")
            legend.append(f'<span style="color:{color}">■</span>&nbsp;{name}')
        step = 1 if len(xs) <= 6 else 2
        shown = [i for i in xs if (len(xs) - 1 - i) % step == 0]
        labels = month_labels([str(table.index[i]) for i in shown])
        plot.getAxis("bottom").setTicks([list(zip(shown, labels))])
        plot.setXRange(-0.6, len(xs) - 0.4, padding=0)
        self.legend.setText(" &nbsp; ".join(legend))

    def _show_long_open(self) -> None:
        from vendordesk.core import tickets as rules

        self.long_open.clear()
        if self._cases is None:
            return
        days = self.open_days.value()
        frame = rules.open_longer_than(self._cases, self._today, days).sort_values("opened_on")
        self.long_label.setText(self.tr("%n case(s)", "", len(frame)))
        for row in frame.head(200).itertuples(index=False):
            opened = cast("str | None", row.opened_on)   # an ISO date text (the cases frame)
            self.long_open.addItem(f"{fmt.date(opened)} · {row.case_id} · {row.subject}")
            item = self.long_open.item(self.long_open.count() - 1)
            item.setToolTip(item.text())


def month_labels(months: list[str]) -> list[str]:
    """'YYYY-MM' month keys as the forecast axis writes them: the month's short name in the UI
    language, with the year on the first and wherever the year changes ("Dez. 2025 · Feb. 2026 ·
    Apr."); "01/26" read as a day. Anything else stays as it is."""
    from PySide6.QtCore import QDate, QLocale

    out, year = [], None
    for month in months:
        try:
            day = dt.date.fromisoformat(f"{month}-01")
        except ValueError:
            out.append(month)
            continue
        form = "MMM" if day.year == year else "MMM yyyy"
        year = day.year
        out.append(QLocale().toString(QDate(day.year, day.month, 1), form))
    return out
