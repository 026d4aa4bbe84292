"""Dialogs of the gears tab: enter a manual KPI value; rename a gear and edit its thresholds."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.gears.defs import GearDef, KpiDef
from vendordesk.ui import fmt
from vendordesk.ui.spinbox import SignedSpinBox


def _unit_setup(spin: QDoubleSpinBox, unit: str) -> None:
    """Percent KPIs are typed in percent (12,5) and stored as fractions."""
    spin.setDecimals(2)
    spin.setRange(-1e7, 1e7)        # KPI limits; a narrower range keeps the field narrow
    spin.setGroupSeparatorShown(True)
    if unit == "pct":
        spin.setRange(-1000.0, 1000.0)
        spin.setSuffix(" %")
    elif unit == "rating":
        spin.setRange(0.0, 5.0)
        spin.setSingleStep(0.1)


def _to_stored(value: float, unit: str) -> float:
    return value / 100.0 if unit == "pct" else value


def _to_shown(value: float, unit: str) -> float:
    return value * 100.0 if unit == "pct" else value


class ManualKpiDialog(QDialog):
    """One value for one manual KPI and period (account level or one ASIN)."""

    def __init__(self, gear: GearDef, gear_name: str, asins: list[str], parent: QWidget | None = None,
                 titles: dict[str, str] | None = None, week: str | None = None):
        super().__init__(parent)
        self.gear = gear
        self.kpis: list[KpiDef] = [k for k in gear.kpis if k.manual]
        self.setWindowTitle(self.tr("Enter a value: %1").replace("%1", gear_name))
        self.setMinimumWidth(440)          # the explanation reads as lines, not as a narrow column
        form = QFormLayout()
        self.kpi = QComboBox()
        for k in self.kpis:
            self.kpi.addItem(k.name("de" if QLocale().language() == QLocale.Language.German else "en"), k.id)
        self.asin = QComboBox()
        self.asin.addItem(self.tr("Whole account"), "")
        titles = titles or {}
        for asin in asins:      # "B01RG38JQH – Küchenwelt Handmixer 650 W": which product, not only its ASIN
            title = titles.get(asin) or ""
            self.asin.addItem(f"{asin} – {title[:50]}" if title else asin, asin)
        self.asin.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.asin.setMinimumContentsLength(20)
        from vendordesk.ui.gears.tab import fit_popup

        fit_popup(self.asin)                 # the open list shows the whole title
        # the week the gears are judged on (the newest data week), else the calendar's week
        today = QDate.currentDate()
        sunday = QDate.fromString(week, "yyyy-MM-dd") if week else today.addDays(-(today.dayOfWeek() % 7))
        self.start = QDateEdit(sunday)
        self.end = QDateEdit(sunday.addDays(6))
        for edit in (self.start, self.end):
            fmt.date_edit(edit)
        self.value = SignedSpinBox()
        self.kpi.currentIndexChanged.connect(self._kpi_changed)
        self._kpi_changed()
        form.addRow(self.tr("KPI"), self.kpi)
        form.addRow(self.tr("For"), self.asin)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Value"), self.value)
        hint = QLabel(self.tr("Values from the Amazon Ads console or your own checks. A rating or score "
                              "counts until you enter a newer one (at most 13 weeks); spend adds up."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #546e7a;")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _kpi_changed(self) -> None:
        _unit_setup(self.value, self.current_kpi().unit if self.kpis else "")

    def current_kpi(self) -> KpiDef:
        return self.kpis[max(0, self.kpi.currentIndex())]

    def _accept(self) -> None:
        if self.end.date() < self.start.date():
            self.error.setText(self.tr("The period ends before it starts. Swap the dates."))
            return
        self.accept()

    def entry(self) -> dict[str, object]:
        k = self.current_kpi()
        return {"gear": self.gear.id, "kpi": k.id, "asin": self.asin.currentData() or "",
                "period_start": self.start.date().toString("yyyy-MM-dd"),
                "period_end": self.end.date().toString("yyyy-MM-dd"),
                "value": _to_stored(self.value.value(), k.unit)}


class GearSettingsDialog(QDialog):
    """The gear's own name and the green/red limits of its KPIs (empty name = default)."""

    def __init__(self, gear: GearDef, default_name: str, custom_name: str | None, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.gear = gear
        self.setWindowTitle(self.tr("Rename and set thresholds: %1").replace("%1", default_name))
        self.name = QLineEdit(custom_name or "")
        self.name.setPlaceholderText(default_name)
        self.kpis = [k for k in gear.kpis if k.threshold is not None]
        self.table = QTableWidget(len(self.kpis), 4)
        self.table.setHorizontalHeaderLabels([self.tr("KPI"), self.tr("Rule"), self.tr("Green if"),
                                              self.tr("Red if")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.spins: dict[str, tuple[list[QDoubleSpinBox], list[QDoubleSpinBox], str, str]] = {}
        for row, k in enumerate(self.kpis):
            threshold = k.threshold
            assert threshold is not None                    # self.kpis holds the KPIs with limits
            item = QTableWidgetItem(k.name(lang))
            self.table.setItem(row, 0, item)
            rule = {"max": self.tr("lower is better"), "min": self.tr("higher is better"),
                    "trend": self.tr("rel. change vs. comparison") if k.unit == "pct" else self.tr("change vs. comparison"),
                    "band": self.tr("within a range")}.get(threshold.kind, threshold.kind)
            self.table.setItem(row, 1, QTableWidgetItem(rule))
            unit = "pct" if threshold.kind == "trend" else k.unit
            pair: list[list[QDoubleSpinBox]] = []
            band = threshold.kind == "band"
            for col, low, high in ((2, threshold.green, threshold.green_high),
                                   (3, threshold.red, threshold.red_high)):
                spins: list[QDoubleSpinBox] = []
                for value in ((low, high) if band else (low,)):
                    if value is None:               # a band always has both edges
                        continue
                    spin = SignedSpinBox()
                    _unit_setup(spin, unit)
                    if not band:     # the KPI table's words: "≤ 10,0 % / > 20,0 %", "≥ 95,0 % / < 70,0 %"
                        lower = threshold.kind == "max"
                        spin.setPrefix(("≤ " if lower else "≥ ") if col == 2 else ("> " if lower else "< "))
                    spin.setValue(_to_shown(value, unit))
                    spins.append(spin)
                if band:       # a range: green between its two edges, red below the one or above the other
                    cell = QWidget()
                    box = QHBoxLayout(cell)
                    box.setContentsMargins(0, 0, 0, 0)
                    box.setSpacing(2)
                    box.addWidget(spins[0])
                    box.addWidget(QLabel(self.tr("to") if col == 2 else self.tr("or")))
                    box.addWidget(spins[1])
                    self.table.setCellWidget(row, col, cell)
                else:
                    self.table.setCellWidget(row, col, spins[0])
                pair.append(spins)
            self.spins[k.id] = (pair[0], pair[1], unit, threshold.kind)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader()
        # wide enough for every column (the KPI names, the range cells), at most most of a small screen
        self.resize(min(1100, max(560, header.length() + 40)), 360)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.reset_requested = False
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self._reset)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _reset(self) -> None:
        self.reset_requested = True
        self.accept()

    def thresholds(self) -> dict[str, dict[str, object]]:
        out = {}
        for kpi_id, (green, red, unit, kind) in self.spins.items():
            out[kpi_id] = {"kind": kind, "green": _to_stored(green[0].value(), unit),
                           "red": _to_stored(red[0].value(), unit)}
            if kind == "band":
                out[kpi_id].update(green_high=_to_stored(green[1].value(), unit),
                                   red_high=_to_stored(red[1].value(), unit))
        return out

    def custom_name(self) -> str | None:
        return self.name.text().strip() or None
