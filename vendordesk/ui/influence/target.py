"""The annual sales target: entry and monthly phasing by the KAM, YTD, projection, gap, levers.

Signals:
    targets_saved(int): the year whose targets were written (the panel reloads).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vendordesk.errors import UserError
from vendordesk.ui import fmt
from vendordesk.ui.errors import user_text
from vendordesk.ui.influence.charts import draw_monthly, make_plot


class TargetView(QWidget):
    targets_saved = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ws = None
        self.view = None
        self.currency = "EUR"
        layout = QHBoxLayout(self)
        layout.addWidget(self._entry(), 0)
        right = QVBoxLayout()
        right.addWidget(self._summary())
        self.plot = make_plot(short_axis=True)
        self.plot.setMinimumHeight(220)
        right.addWidget(self.plot, 1)
        self.levers = QLabel()
        self.levers.setWordWrap(True)
        self.levers.setTextFormat(Qt.TextFormat.RichText)
        self.levers.setStyleSheet("background: #f5f7f8; padding: 8px; border-radius: 4px;")
        right.addWidget(self.levers)
        layout.addLayout(right, 1)

    def _entry(self) -> QWidget:
        box = QGroupBox(self.tr("Target: our revenue (shipped COGS)"))
        box.setMinimumWidth(300)
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setPrefix(self.tr("Year "))
        self.annual = QDoubleSpinBox()
        self.annual.setRange(0, 1e12)
        self.annual.setDecimals(0)
        self.annual.setGroupSeparatorShown(True)
        row.addWidget(self.year)
        row.addWidget(self.annual, 1)
        v.addLayout(row)
        spread = QPushButton(self.tr("Spread the annual target evenly"))
        spread.clicked.connect(self._spread)
        v.addWidget(spread)
        self.months = QTableWidget(12, 1)
        self.months.setHorizontalHeaderLabels([self.tr("Monthly target")])
        self.months.setVerticalHeaderLabels([QLocale().monthName(m, QLocale.FormatType.LongFormat)
                                             for m in range(1, 13)])
        self.months.horizontalHeader().setStretchLastSection(True)
        v.addWidget(self.months, 1)
        save = QPushButton(self.tr("Save targets"))
        save.clicked.connect(self.save)
        v.addWidget(save)
        return box

    def _summary(self) -> QWidget:
        box = QGroupBox(self.tr("Where we land"))
        grid = QGridLayout(box)
        self.values = {}
        for i, (key, text) in enumerate((("target", self.tr("Target")), ("ytd", self.tr("Year to date")),
                                         ("projection", self.tr("Projection to year end")),
                                         ("landing", self.tr("Expected landing")), ("gap", self.tr("Gap")))):
            title = QLabel(text)
            title.setStyleSheet("color: #546e7a;")
            value = QLabel(fmt.DASH)
            value.setStyleSheet("font-size: 13pt; font-weight: 600;")
            grid.addWidget(title, 0, i)
            grid.addWidget(value, 1, i)
            self.values[key] = value
        self.gap_units = QLabel()
        self.gap_units.setStyleSheet("color: #546e7a;")
        grid.addWidget(self.gap_units, 2, 4)
        return box

    def _currency_marks(self) -> tuple[str, str]:
        """What the locale writes before and after an amount in this currency ("€", "" or "", " €")."""
        zero = fmt.money(0, self.currency, 0)
        cut = zero.index("0")
        return zero[:cut], zero[cut + 1:]

    def _spread(self) -> None:
        for m in range(12):
            self._set_month(m, self.annual.value() / 12.0)

    def _set_month(self, row: int, value: float) -> None:
        item = QTableWidgetItem(fmt.money(value, self.currency, 0))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.months.setItem(row, 0, item)

    def month_values(self) -> dict[int, float]:
        out = {}
        for row in range(12):
            item = self.months.item(row, 0)
            text = item.text().strip() if item else ""
            before, after = self._currency_marks()
            text = text.removeprefix(before.strip()).removesuffix(after.strip()).strip()   # "1.000 €" -> "1.000"
            if not text:
                continue
            value, ok = QLocale().toDouble(text)
            if not ok:
                value, ok = QLocale().toDouble(text.replace(QLocale().groupSeparator(), ""))
            if not ok:
                raise UserError(self.tr("%1: '%2' is not an amount. Enter a number such as 150000.")
                                .replace("%1", self.months.verticalHeaderItem(row).text()).replace("%2", text))
            out[row + 1] = value
        return out

    def save(self) -> None:
        from vendordesk.ops.influence import write_targets

        if self.ws is None:
            return
        try:
            write_targets(self.ws, self.year.value(), self.month_values())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Target not saved"), user_text(exc))
            return
        self.targets_saved.emit(self.year.value())

    def set_data(self, ws, view, currency: str, lang: str) -> None:
        from vendordesk.ops.influence import read_targets

        self.ws, self.view, self.currency = ws, view, currency
        before, after = self._currency_marks()
        self.annual.setPrefix(before)           # "€12,000" in English, "12.000 €" in German
        self.annual.setSuffix(after)
        self.year.setValue(view.year)
        months = read_targets(ws, view.year)
        self.annual.setValue(sum(months.values()))
        for m in range(12):
            self._set_month(m, months.get(m + 1, 0.0))
        gap = view.gap
        for key, value in (("target", view.target), ("ytd", view.ytd), ("projection", view.projection),
                           ("landing", view.landing)):
            self.values[key].setText(fmt.money(value, currency, 0))
        if view.target <= 0:
            self.values["gap"].setText(self.tr("no target"))
            self.gap_units.setText(self.tr("Enter the annual target and its phasing on the left."))
        else:
            color = "#c62828" if gap > 0 else "#2e7d32"
            word = self.tr("missing") if gap > 0 else self.tr("ahead")
            self.values["gap"].setText(f"<span style='color:{color}'>{fmt.money(abs(gap), currency, 0)} {word}</span>")
            self.gap_units.setText(self.tr("≈ %1 units").replace("%1", fmt.number(abs(view.gap_units), 0)))
        names = [QLocale().monthName(m, QLocale.FormatType.ShortFormat) for m in range(1, 13)]
        draw_monthly(self.plot, view.monthly, names, (self.tr("Target"), self.tr("Actual"), self.tr("Projected")))
        self._levers(view)

    def _levers(self, view) -> None:
        if not view.levers:
            self.levers.setText(self.tr("No gear lever found: no weeks left this year or no history to simulate."))
            return
        head = (self.tr("Which gears could close the gap by December") if view.gap > 0
                else self.tr("Which gears could add the most by December"))
        head += " " + self.tr("(simulated on the remaining %1 weeks):").replace("%1", str(view.remaining_weeks))
        cell = "padding: 2px 10px 2px 0;"
        right = cell + " text-align: right;"
        titles = (self.tr("Lever"), self.tr("By December"), self.tr("Likely range (10–90%)"), self.tr("Units"))
        rows = [f"<tr><th style='{cell} text-align:left;'>{titles[0]}</th>"
                + "".join(f"<th style='{right}'>{t}</th>" for t in titles[1:]) + "</tr>"]
        for lv in view.levers:
            band = (self.tr("%1 to %2").replace("%1", fmt.money(lv.low, self.currency, 0))
                    .replace("%2", fmt.money(lv.high, self.currency, 0)) if lv.has_band else fmt.DASH)
            units = fmt.number(lv.units, 0)
            if lv.has_band:
                units += f" <span style='color:#546e7a'>({fmt.number(lv.units_low, 0)}–{fmt.number(lv.units_high, 0)})</span>"
            rows.append(f"<tr><td style='{cell}'>{lv.label or lv.key}</td>"
                        f"<td style='{right} font-weight:600;'>{fmt.money(lv.value, self.currency, 0)}</td>"
                        f"<td style='{right} color:#546e7a;'>{band}</td><td style='{right}'>{units}</td></tr>")
        note = self.tr("The range holds 80% of the simulated outcomes, from the uncertainty of the calibrated links "
                       "(the same draws as the what-if).")
        self.levers.setText(f"<b>{head}</b><table style='margin-top:4px'>{''.join(rows)}</table>"
                            f"<div style='color:#546e7a; margin-top:4px'>{note}</div>")
