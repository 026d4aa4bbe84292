"""Settings › Gears: the Net PPM target and the green/red thresholds of every gear KPI.

Both live in the open workspace, where the KPI gears tab reads them: the target in the meta
``net_ppm_target``, the thresholds in the ``gears`` table (ops.gear_model.save_gear, the same
store as the tab's own "Rename & thresholds…"). Custom gear names are kept.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.gears import defs
from vendordesk.core.gears.defs import Threshold, with_overrides
from vendordesk.ui.fmt import percent

DEFAULT_NET_PPM_TARGET = 0.35


def _spin(unit: str, value: float, suffix_weeks: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setProperty("unit", unit)
    if unit == "pct":
        spin.setRange(-100.0, 100.0)
        spin.setDecimals(1)
        spin.setSuffix(percent(0.0, 0)[1:])     # " %" in German, "%" in English, as fmt.percent writes it
        spin.setValue(value * 100.0)
    else:
        spin.setRange(-1000.0, 1000.0)
        spin.setDecimals(1 if unit in ("weeks", "days", "score") else 2)
        spin.setSuffix(f" {suffix_weeks}" if unit == "weeks" else "")
        spin.setValue(value)
    return spin


def spin_value(spin: QDoubleSpinBox) -> float:
    return round(spin.value() / 100.0, 6) if spin.property("unit") == "pct" else round(spin.value(), 6)


class GearThresholdsPage(QWidget):
    def __init__(self, ctx, default_target: float = DEFAULT_NET_PPM_TARGET, parent=None):
        super().__init__(parent)
        from vendordesk.ops.gear_model import gear_settings, net_ppm_target

        self.ctx = ctx
        self.stored = gear_settings(ctx.workspace).value
        target = net_ppm_target(ctx.workspace)
        self.target_before = target
        layout = QVBoxLayout(self)
        top = QGridLayout()
        top.addWidget(QLabel(self.tr("Net PPM target:")), 0, 0)
        self.net_ppm = _spin("pct", target if target is not None else default_target, "")
        self.net_ppm.setRange(0.0, 99.0)
        top.addWidget(self.net_ppm, 0, 1)
        hint = QLabel(self.tr("Net PPM is green at the target and red 5 points below it. The thresholds "
                              "below apply to this workspace; the KPI gears tab uses them at once."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        top.addWidget(hint, 1, 0, 1, 3)
        layout.addLayout(top)
        layout.addWidget(self._table(), 1)

    def _table(self) -> QScrollArea:
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(18)       # German gear and KPI names ran into the next column
        for column, text in enumerate((self.tr("Gear"), self.tr("KPI"), self.tr("Green at"), self.tr("Red at"))):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.rows: dict[tuple[str, str], tuple] = {}
        lang = self.ctx.lang
        row = 1
        for gear in with_overrides(defs.GEARS, self.stored):   # read now: a registered gear shows
            for kpi in gear.kpis:
                threshold = kpi.threshold
                if threshold is None or threshold.kind == "trend" or kpi.id == "net_ppm":
                    continue
                green = _spin(kpi.unit, threshold.green, self.tr("wk"))
                red = _spin(kpi.unit, threshold.red, self.tr("wk"))
                rule = self.tr("lower is better") if threshold.kind == "max" else self.tr("higher is better")
                grid.addWidget(QLabel(gear.name(lang)), row, 0)
                name = QLabel(kpi.name(lang))
                name.setToolTip(rule)
                grid.addWidget(name, row, 1)
                grid.addWidget(green, row, 2)
                grid.addWidget(red, row, 3)
                self.rows[(gear.id, kpi.id)] = (gear, threshold, green, red)
                row += 1
        grid.setRowStretch(row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        # as wide as the table (no side scrolling), about 12 rows high; the rest scrolls
        scroll.setMinimumWidth(inner.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4)
        scroll.setMinimumHeight(min(inner.sizeHint().height() + 4, 12 * 29))
        return scroll

    def target(self) -> float:
        return spin_value(self.net_ppm)

    def apply(self) -> bool:
        """Write what changed to the workspace; True when anything did."""
        from vendordesk.ops.gear_model import save_gear

        changed = False
        target = self.target()
        if self.target_before is None or abs(target - self.target_before) > 1e-9:
            self.ctx.workspace.set_meta("net_ppm_target", repr(target))
            self.target_before = target
            changed = True
        per_gear: dict[str, dict] = {}
        for (gear_id, kpi_id), (gear, threshold, green, red) in self.rows.items():
            values = (spin_value(green), spin_value(red))
            if values != (round(threshold.green, 6), round(threshold.red, 6)):
                per_gear.setdefault(gear_id, {})[kpi_id] = {"kind": threshold.kind, "green": values[0], "red": values[1]}
                self.rows[(gear_id, kpi_id)] = (gear, Threshold(threshold.kind, *values), green, red)
        for gear_id, updates in per_gear.items():
            gear = self.rows[next(k for k in self.rows if k[0] == gear_id)][0]
            stored = self.stored.get(gear_id) or {}
            thresholds = {**(stored.get("thresholds") or {}), **updates}
            save_gear(self.ctx.workspace, gear.id, gear.position, gear.name_de, gear.name_en,
                      custom_name=stored.get("custom_name"), thresholds=thresholds)
            self.stored[gear_id] = {"custom_name": stored.get("custom_name"), "thresholds": thresholds}
            changed = True
        return changed
