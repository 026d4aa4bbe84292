"""The what-if panel: pick shocks in the KAM's words (core.influence.levers) or as KPIs, run,
see the money and the paths.

The structural model (store.whatif, the same as ``vendordesk simulate``) with 200 parameter
draws takes well under 300 ms, so it runs on the GUI thread. Totals come with their 10-90 % band
in sentences; shocks outside their range are refused with the range named. Units, € and points
are on separate charts (tabs): the € waterfall of the paths, the units with their band, the KPI
paths in % and in points. The result exports to Excel and prints (core.influence.report).
"""

from __future__ import annotations

import math
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.influence.graph import KPIS, POINTS, PPM
from vendordesk.core.influence.levers import BY_KEY, BY_KPI, LEVERS
from vendordesk.core.influence.sim import REL_RANGE, Baseline, Shock, check_shock, simulate
from vendordesk.text import texts
from vendordesk.ui import fmt
from vendordesk.ui.influence.charts import draw_band, draw_path_waterfall, draw_paths, make_plot
from vendordesk.ui.influence.labels import kpi_name, signed_money
from vendordesk.ui.influence.whatif_output import WhatIfOutput, core_lang
from vendordesk.ui.spinbox import SignedSpinBox

PRESETS = (("availability", -8.0, 4), ("cost", 6.0, 0), ("confirmation", -10.0, 6))   # the KAM's words
SHOWN = 6
FORM_WIDTH = 380


class WhatIfView(WhatIfOutput, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.graph = None
        self.prepared = None
        self.info = None
        self.baseline = Baseline()
        self.currency = "EUR"
        self.result = None
        layout = QHBoxLayout(self)
        layout.addWidget(self._form(), 0)
        right = QVBoxLayout()
        right.addWidget(self._totals())
        right.addWidget(self._charts(), 1)
        layout.addLayout(right, 1)

    # --- the form ---------------------------------------------------------------------------
    def _form(self) -> QWidget:
        box = QGroupBox(self.tr("Shocks"))
        box.setFixedWidth(FORM_WIDTH)                 # never shrinks after a run, never clips
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        v = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.kpi = QComboBox()
        self.kpi.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kpi.setMinimumContentsLength(18)
        _ = texts(core_lang())
        for lever in LEVERS:
            self.kpi.addItem(_(lever.label), ("lever", lever.key))
        self.kpi.insertSeparator(self.kpi.count())
        for name in sorted((k for k in KPIS if k not in BY_KPI), key=kpi_name):
            self.kpi.addItem(kpi_name(name), ("kpi", name))
        self.delta = SignedSpinBox()          # "−8 Punkte", not "-8,0"
        self.delta.setRange(-100.0, 300.0)
        self.delta.setDecimals(1)
        self.kpi.currentIndexChanged.connect(self._unit)
        self.duration = QSpinBox()
        self.duration.setRange(0, 260)
        self.duration.setSpecialValueText(self.tr("whole horizon"))
        self.duration.setSuffix(self.tr(" weeks"))
        self.duration.setValue(4)
        form.addRow(self.tr("What changes"), self.kpi)
        form.addRow(self.tr("By"), self.delta)
        form.addRow(self.tr("For"), self.duration)
        v.addLayout(form)
        add = QPushButton(self.tr("Add shock"))
        add.clicked.connect(self._add_current)
        v.addWidget(add)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("What changes"), self.tr("By"), self.tr("Weeks")])
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(0, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(90)
        v.addWidget(self.table, 1)
        row = QHBoxLayout()
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(lambda: self.table.setRowCount(0))
        row.addWidget(remove)
        row.addWidget(clear)
        v.addLayout(row)
        v.addWidget(QLabel(self.tr("Examples:")))
        self.preset_buttons = []
        for key, value, weeks in PRESETS:             # one per row: a long label is never clipped
            button = QPushButton(self._lever_text(key, value, weeks or None))
            button.clicked.connect(lambda _=False, k=key, d=value, w=weeks: self.add_lever(k, d, w))
            v.addWidget(button)
            self.preset_buttons.append(button)
        run_row = QHBoxLayout()
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 104)
        self.horizon.setValue(26)
        self.horizon.setPrefix(self.tr("Horizon: "))
        self.horizon.setSuffix(self.tr(" weeks"))
        self.run_button = QPushButton(self.tr("Run simulation"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        run_row.addWidget(self.horizon)
        run_row.addWidget(self.run_button)
        v.addLayout(run_row)
        out_row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export_dialog)
        self.print_button = QPushButton(self.tr("Print preview…"))
        self.print_button.clicked.connect(self.print_preview)
        for b in (self.export_button, self.print_button):
            b.setEnabled(False)
            out_row.addWidget(b)
        v.addLayout(out_row)
        self._unit()
        return box

    def _totals(self) -> QWidget:
        box = QGroupBox(self.tr("Impact over the horizon (vs. the unshocked baseline)"))
        grid = QGridLayout(box)
        self.total_labels, self.band_labels, self.total_titles = {}, {}, {}
        names = (("units", self.tr("Units")), ("vendor_revenue", self.tr("Our revenue (shipped COGS)")),
                 ("amazon_revenue", self.tr("Amazon revenue (shipped revenue)")),
                 ("net_ppm", self.tr("Net PPM")), ("net_ppm_eur", self.tr("Amazon margin (€)")))
        for i, (key, text) in enumerate(names):
            title = QLabel(text)
            title.setWordWrap(True)
            title.setStyleSheet("color: #546e7a;")
            value = QLabel(fmt.DASH)
            value.setStyleSheet("font-size: 13pt; font-weight: 600;")
            band = QLabel()
            band.setStyleSheet("color: #546e7a; font-size: 8pt;")
            band.setWordWrap(True)
            grid.addWidget(title, 0, i)
            grid.addWidget(value, 1, i)
            grid.addWidget(band, 2, i)
            grid.setColumnStretch(i, 1)
            self.total_labels[key], self.band_labels[key], self.total_titles[key] = value, band, title
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #546e7a;")
        grid.addWidget(self.note, 3, 0, 1, len(names))
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        box.setMinimumHeight(150)                      # two-line titles and bands are never cut
        return box

    def _charts(self) -> QWidget:
        self.charts = QTabWidget()
        self.euro_plot = make_plot(short_axis=True)
        self.euro_plot.setLabel("left", self.tr("Our revenue, change (€)"))
        self.units_plot = make_plot()
        self.units_plot.setLabel("left", self.tr("Units, cumulative change"))
        self.units_plot.setLabel("bottom", self.tr("Week"))
        self.plot = make_plot()                          # KPI paths in % (relative KPIs)
        self.plot.setLabel("left", self.tr("Change vs. baseline (%)"))
        self.plot.setLabel("bottom", self.tr("Week"))
        self.points_plot = make_plot()
        self.points_plot.setLabel("left", self.tr("Change vs. baseline (points)"))
        self.points_plot.setLabel("bottom", self.tr("Week"))
        self.charts.addTab(self.euro_plot, self.tr("Where the euros come from"))
        self.charts.addTab(self.units_plot, self.tr("Units"))
        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        self.sentences.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentences.setContentsMargins(8, 8, 8, 8)
        words = QScrollArea()
        words.setWidgetResizable(True)
        words.setWidget(self.sentences)
        self.charts.addTab(words, self.tr("In words"))
        self.charts.addTab(self.plot, self.tr("KPIs in %"))
        self.charts.addTab(self.points_plot, self.tr("KPIs in points"))
        self.chart_stack = QStackedWidget()
        self.empty_hint = empty = QLabel(self._empty_text(refused=False))
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet("color: #78909c;")
        self.chart_stack.addWidget(empty)
        self.table.model().rowsRemoved.connect(self._shocks_removed)
        self.chart_stack.addWidget(self.charts)
        self.chart_stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.chart_stack.setMinimumHeight(220)
        return self.chart_stack

    def _empty_text(self, refused: bool) -> str:
        """The hint where the charts will be: after a refusal the shocks are still listed, so it asks
        for the refused one to be changed, not for a shock to be added."""
        if refused:
            return self.tr("Change or remove the refused shock and run the simulation again: the euros by path, "
                           "the units with their likely range and the KPI paths appear here.")
        return self.tr("Add a shock and run the simulation: the euros by path, the units with their "
                       "likely range and the KPI paths appear here.")

    def _shocks_removed(self, *_args) -> None:
        if self.table.rowCount() == 0:           # nothing left to change: back to "Add a shock"
            self.empty_hint.setText(self._empty_text(refused=False))

    def _choice(self):
        return self.kpi.currentData() or ("lever", "availability")

    def _unit(self) -> None:
        kind, key = self._choice()
        points = BY_KEY[key].unit == "points" if kind == "lever" else KPIS[key].scale == POINTS
        self.delta.setSuffix(self.tr(" points") if points else " %")
        if kind == "lever":
            self.delta.setValue(BY_KEY[key].example)

    def _amount(self, value: float, points: bool) -> str:
        """A shock's amount in one form everywhere (button, table, the sentences): "−8 points",
        "+5.5 points", "+6%" / "+6 %"; decimals only where the number has them."""
        decimals = 1 if abs(value) % 1 else 0
        amount = (fmt.number(abs(value), decimals) + self.tr(" points") if points
                  else fmt.percent(abs(value) / 100, decimals))          # "6%" in English, "6 %" in German
        return ("+" if value >= 0 else "−") + amount

    def _lever_text(self, key: str, value: float, weeks: int | None) -> str:
        lever = BY_KEY[key]
        text = f"{texts(core_lang())(lever.label)} {self._amount(value, lever.unit == 'points')}"
        return text + (self.tr(", %1 wk").replace("%1", str(weeks)) if weeks else "")

    def _append(self, shock: Shock, name: str, amount: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(256, shock)
        item.setToolTip(name)
        self.table.setItem(row, 0, item)
        self.table.setItem(row, 1, QTableWidgetItem(amount))
        self.table.setItem(row, 2, QTableWidgetItem(str(shock.weeks) if shock.weeks else self.tr("all")))

    def add_lever(self, key: str, value: float, weeks: int) -> None:
        """A shock in the KAM's words: ``add_lever("availability", -8, 4)`` = OOS +0.08 for 4 weeks."""
        lever = BY_KEY[key]
        self._append(lever.shock(value, weeks or None), texts(core_lang())(lever.label),
                     self._amount(value, lever.unit == "points"))

    def add_shock(self, kpi: str, delta_pct: float, weeks: int) -> None:
        """A shock on a KPI's own scale (delta in % or points, x 100)."""
        self._append(Shock(kpi, delta_pct / 100.0, weeks or None), kpi_name(kpi),
                     self._amount(delta_pct, KPIS[kpi].scale == POINTS))

    def _add_current(self) -> None:
        kind, key = self._choice()
        if kind == "lever":
            self.add_lever(key, self.delta.value(), self.duration.value())
        else:
            self.add_shock(key, self.delta.value(), self.duration.value())

    def _remove(self) -> None:
        for index in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(index)

    def shocks(self) -> list[Shock]:
        return [cast(QTableWidgetItem, self.table.item(r, 0)).data(256) for r in range(self.table.rowCount())]

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
        self._base_note = self.note.text()

    # --- running and showing ----------------------------------------------------------------
    def run(self) -> None:
        if self.graph is None:
            return
        shocks = self.shocks()
        if not shocks:
            self._add_current()
            shocks = self.shocks()
        lang = core_lang()
        self.info = {"currency": self.currency, "shocks": shocks}
        if self.prepared is not None:
            from vendordesk.ops.influence import run_prepared

            def checked(levels):
                for shock in shocks:
                    refusal = self.refusal(shock, levels.get(shock.kpi))
                    if refusal:
                        raise ValueError(refusal)
                    check_shock(shock, levels.get(shock.kpi), lang)
                return shocks

            try:
                self.result, self.info = run_prepared(self.prepared, checked, self.horizon.value(), self.graph)
            except ValueError as exc:
                self._clear_result()
                self.empty_hint.setText(self._empty_text(refused=True))
                self.note.setText(self.tr("Refused: %1").replace("%1", str(exc)))
                return
        else:
            self.result = simulate(self.graph, shocks, self.horizon.value(), self.baseline)
        self.note.setText(getattr(self, "_base_note", ""))
        self.empty_hint.setText(self._empty_text(refused=False))
        self._show_totals(lang)
        sentences = self._window_words(lang) if self.prepared is not None else []
        self.sentences.setText("<br>".join(line.strip() for line in sentences))
        self.chart_stack.setCurrentIndex(1)
        self._draw(lang)
        for b in (self.export_button, self.print_button):
            b.setEnabled(hasattr(self.result, "contributions"))

    def _words_info(self, lang: str) -> dict:
        """The run's info for the sentences, its amounts in "€" as everywhere in the window (the
        sentences said "−21.195 EUR" beside totals of "−21.195 €")."""
        from vendordesk.text import formatter

        return dict(self.info, currency=formatter(lang).symbol(self.info.get("currency") or self.currency))

    def _window_words(self, lang: str) -> list[str]:
        """The run in sentences for the "In words" page: each card's figure under the card's name and
        as the card writes it (the command line's sentences said "vendor revenue (shipped COGS):
        −20,817 €" under the card "Our revenue (shipped COGS) −€20,817"), then the paths and what
        the numbers rest on."""
        from vendordesk.core.influence.words import PATH_WORDS, caveats

        _ = texts(lang)
        lines = [] if self.info.get("history", True) else [_("(no sales history in this workspace: money totals are zero)")]
        for key, value in self.total_labels.items():
            band = self.band_labels[key].text()
            line = f"{self.total_titles[key].text()}: {value.text()}"
            lines.append(f"{line}, {band}" if band else line)
        parts = getattr(self.result, "contributions", {}).get("vendor_revenue", {})
        if any(abs(v) >= 0.5 for v in parts.values()):
            lines.append(self.tr("Paths to our revenue (they add up to its total):"))
            lines += [f"{_capital(_(PATH_WORDS[key]))}: {signed_money(v, self.currency)}" for key, v in parts.items()]
        lines += [_capital(s) for s in self._in_words(caveats(self.result, self._words_info(lang), lang), lang)]
        return lines

    def _in_words(self, lines: list[str], lang: str) -> list[str]:
        """The window's own words where the command line's would send the KAM to a shell: not
        calibrated -> the Calibration page's button, not "run vendordesk calibrate"."""
        from vendordesk.text import texts

        command = texts(lang)("Not calibrated: every link runs on its documented default (run vendordesk calibrate).")
        window = self.tr("Not calibrated: every link runs on its documented default (Calibration › Calibrate on "
                         "history learns them from this workspace).")
        return [window if line.strip() == command else line for line in lines]

    def refusal(self, shock: Shock, level: float | None) -> str | None:
        """Why a shock cannot run, in the window's units (points or %) and language, or None.
        The core's check (the command line's fractions, "+0.10") stays behind this as the last word."""
        def signed(value: float, decimals: int = 1) -> str:
            return ("−" if round(value, decimals) < 0 else "+") + fmt.number(abs(value), decimals)

        name = kpi_name(shock.kpi)
        if KPIS[shock.kpi].scale == POINTS:
            floor = -100.0 if shock.kpi == PPM else 0.0
            points = shock.delta * 100
            now = None if level is None or math.isnan(level) else level * 100
            low, high = (floor - now, 100.0 - now) if now is not None else (floor - 100.0, 100.0 - floor)
            if low - 1e-7 <= points <= high + 1e-7:
                return None
            if now is None:
                return (self.tr("%1 %2 points: a rate changes by at most %3 to %4 points.")
                        .replace("%1", name).replace("%2", signed(points)).replace("%3", signed(low, 0))
                        .replace("%4", signed(high, 0)))
            return (self.tr("%1 %2 points: it is %3 now, so the change must lie between %4 and %5 points "
                            "(the rate stays between %6 and %7).")
                    .replace("%1", name).replace("%2", signed(points)).replace("%3", fmt.percent(now / 100, 1))
                    .replace("%4", signed(low)).replace("%5", signed(high)).replace("%6", fmt.percent(floor / 100, 0))
                    .replace("%7", fmt.percent(1.0, 0)))
        lo, hi = REL_RANGE.get(shock.kpi, (-1.0, 1.0))
        if lo <= shock.delta <= hi:
            return None
        def signed_percent(fraction: float) -> str:      # "+400%" in English, "+400 %" in German
            return ("−" if round(fraction, 2) < 0 else "+") + fmt.percent(abs(fraction), 0)

        return (self.tr("%1 %2: a change must lie between %3 and %4.")
                .replace("%1", name).replace("%2", signed_percent(shock.delta))
                .replace("%3", signed_percent(lo)).replace("%4", signed_percent(hi)))

    def _clear_result(self) -> None:
        """No figure of an earlier run stays on screen beside a refusal."""
        self.result = None
        self.sentences.setText("")
        for label in self.total_labels.values():
            label.setText(fmt.DASH)
        for label in self.band_labels.values():
            label.setText("")
        self.chart_stack.setCurrentIndex(0)
        for b in (self.export_button, self.print_button):
            b.setEnabled(False)

    def _show_totals(self, lang: str) -> None:
        from vendordesk.core.influence.report import band_text

        t = self.result.totals
        iv = getattr(self.result, "intervals", {}) or {}
        self.total_labels["units"].setText(_signed(("−" if t["units"] < 0 else "") + fmt.number(abs(t["units"]), 0),
                                                   t["units"]))
        for key in ("vendor_revenue", "amazon_revenue", "net_ppm_eur"):
            self.total_labels[key].setText(_signed(signed_money(t[key], self.currency), t[key]))
        pts = ("−" if round(t["net_ppm"] * 100, 2) < 0 else "") + fmt.number(abs(t["net_ppm"]) * 100, 2)
        self.total_labels["net_ppm"].setText(_signed(self.tr("%1 points").replace("%1", pts), round(t["net_ppm"] * 100, 2)))
        for key, label in self.band_labels.items():
            lo_hi = iv.get(key)
            if not lo_hi or abs(lo_hi[1] - lo_hi[0]) < 1e-9:
                label.setText("")
                continue
            kind = "units" if key == "units" else "points" if key == "net_ppm" else "money"
            scale = 100.0 if key == "net_ppm" else 1.0
            text = band_text(t[key] * scale, [v * scale for v in lo_hi], lang, kind, self.currency)
            label.setText(text.split(", ", 1)[1] if ", " in text else "")

    def _draw(self, lang: str) -> None:
        r = self.result
        if hasattr(r, "contributions") and r.contributions:
            from vendordesk.core.influence.report import waterfall

            steps = waterfall(r, "vendor_revenue", lang)
            draw_path_waterfall(self.euro_plot, [(s.label, s.value) for s in steps[:-1]],
                                (steps[-1].label, steps[-1].value), lambda v: signed_money(v, self.currency))
        w = r.weekly
        cum, mid = 0.0, []
        for v in w.get("units", []):
            cum += v
            mid.append(cum)
        draw_band(self.units_plot, mid, w.get("units_p10"), w.get("units_p90"), self.tr("Units, cumulative change"),
                  self.tr("likely range (10–90%)"))
        ranked = sorted(r.paths.items(), key=lambda kv: -max(abs(v) for v in kv[1]))
        rel = dict([kv for kv in ranked if kv[0] in KPIS and KPIS[kv[0]].scale != POINTS][:SHOWN])
        pts = dict([kv for kv in ranked if kv[0] in KPIS and KPIS[kv[0]].scale == POINTS][:SHOWN])
        draw_paths(self.plot, rel, {k: kpi_name(k) for k in rel})
        draw_paths(self.points_plot, pts, {k: kpi_name(k) for k in pts})


def _capital(text: str) -> str:
    """A sentence of the core's (written to follow a colon) as a line of its own."""
    return text[:1].upper() + text[1:]


def _signed(text: str, value: float) -> str:
    color = "#2e7d32" if value > 0 else "#c62828" if value < 0 else "#37474f"
    prefix = "+" if value > 0 and not text.startswith("+") else ""
    return f"<span style='color:{color}'>{prefix}{text}</span>"
