"""The nine gears at a glance: one tile per gear (score, status colour, sparkline, data as of)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vendordesk.ui import fmt
from vendordesk.ui.charts import Sparkline
from vendordesk.ui.gears.formatting import (
    STATUS_COLORS,
    STATUS_TINTS,
    kpi_value,
    missing,
    score_text,
    status_text,
)

TILE_MIN_WIDTH, TILE_MIN_HEIGHT = 150, 165
SPARK_MAX_HEIGHT = 120


class GearTile(QFrame):
    """Signals: clicked(gear_id); manual_requested(gear_id) from the "Enter values" button."""

    clicked = Signal(str)
    manual_requested = Signal(str)

    def __init__(self, gear_id: str, parent=None):
        super().__init__(parent)
        self.gear_id = gear_id
        self.setObjectName("gearTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(TILE_MIN_WIDTH, TILE_MIN_HEIGHT)
        # Equal columns whatever the text: widths never jump when the content changes.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.setSpacing(2)
        self.name = QLabel()
        self.name.setStyleSheet("font-weight: 600; font-size: 10.5pt; color: #263238;")
        self.name.setWordWrap(True)
        top = QHBoxLayout()
        self.score = QLabel()
        self.score.setStyleSheet("font-size: 20pt; font-weight: 700;")
        self.status = QLabel()
        self.status.setStyleSheet("font-weight: 600;")
        top.addWidget(self.score)
        top.addWidget(self.status, 1, Qt.AlignmentFlag.AlignBottom)
        self.spark = Sparkline(self, height=22)
        self.spark.setMaximumHeight(SPARK_MAX_HEIGHT)     # grows into the space of big screens
        self.spark.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.headline = QLabel()
        self.headline.setStyleSheet("color: #37474f; font-size: 9pt;")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #78909c; font-size: 8.5pt;")
        self.manual = QPushButton(self.tr("Enter values…"))
        self.manual.setCursor(Qt.CursorShape.PointingHandCursor)
        self.manual.clicked.connect(lambda: self.manual_requested.emit(self.gear_id))
        layout.addWidget(self.name)
        layout.addLayout(top)
        layout.addWidget(self.spark, 1)
        layout.addWidget(self.headline)
        layout.addWidget(self.manual, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(0)
        layout.addWidget(self.as_of)
        self._selected = False
        self._status = "no-data"
        self._style_key = None
        self._label_color = None
        self._shown = None                 # (gear, currency, can_enter) for re-rendering on resize
        self._rows = 2

    def show_gear(self, gear, currency: str, can_enter: bool) -> None:
        self._status = gear.status
        color = STATUS_COLORS[gear.status]
        self.name.setText(gear.name)
        self.score.setText(score_text(gear.score))
        self.status.setText(status_text(gear.status))
        if self._label_color != color:
            self._label_color = color
            self.score.setStyleSheet(f"font-size: 20pt; font-weight: 700; color: {color};")
            self.status.setStyleSheet(f"font-weight: 600; color: {color};")
        has_data = gear.status != "no-data"
        self.spark.setVisible(has_data and len(gear.spark) > 1)
        self.spark.set_points(gear.spark, color)
        self.spark.setToolTip(self.tr("%1, weekly").replace("%1", gear.kpis[0].name))
        self._shown = (gear, currency, can_enter)
        self._rows = self._rows_for_height()
        if has_data:
            lines = self._kpi_lines(gear, currency)
            if getattr(gear, "note", None) == "one_kpi":
                lines = escape(self.tr("Only 1 KPI has data: no gear score.")) + "<br>" + lines
            self.headline.setText(lines)
        else:
            self.headline.setText(self.tr("No report or manual values for this gear yet."))
        self.manual.setVisible(not has_data and can_enter)
        versus = self.tr("vs. last year") if getattr(gear, "compare", "prior") == "last_year" else \
            self.tr("vs. prior period")
        self.as_of.setText(self.tr("As of %1").replace("%1", fmt.date(gear.data_as_of)) if gear.data_as_of else "")
        self.as_of.setToolTip(versus)
        self.status.setToolTip(versus)
        self.as_of.setVisible(bool(gear.data_as_of))
        self._restyle()

    def _rows_for_height(self) -> int:
        """Two KPI rows on a small tile, up to four where a big screen gives the room."""
        return 4 if self.height() >= 270 else 3 if self.height() >= 230 else 2

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        rows = self._rows_for_height()
        if rows != self._rows and self._shown is not None:
            self.show_gear(*self._shown)

    def _kpi_lines(self, gear, currency: str) -> str:
        """The weakest judged KPIs (two, more on big tiles), plus the count of flagged ASINs."""
        judged = [k for k in gear.kpis if k.status in ("green", "amber", "red")]
        judged.sort(key=lambda k: k.score if k.score is not None else 100.0)
        counts = [k for k in gear.kpis if k.id.startswith("asins_") and k.unit == "count"
                  and not missing(k.value) and k.value > 0]          # only when ASINs are flagged
        rows = []
        room = self._rows - (1 if getattr(gear, "note", None) == "one_kpi" else 0)
        flagged = counts[:1] if counts else []            # flagged ASINs always get a row
        shown = judged[:max(1, room - len(flagged))]
        if flagged and not any(k.id == flagged[0].id + "_share" for k in shown):
            shown.append(flagged[0])
        if len(shown) < room:          # room left: the other KPIs with data
            shown += [k for k in gear.kpis if k not in shown and k not in counts and not missing(k.value)
                      ][:room - len(shown)]
        for k in shown:
            color = STATUS_COLORS.get(k.status, "#37474f")
            if k.id.startswith("asins_"):
                color = STATUS_COLORS["amber"] if k.value and k.value > 0 else STATUS_COLORS["green"]
            rows.append(f"<span style='color:{color}; font-weight:600'>{escape(kpi_value(k.value, k.unit, currency))}"
                        f"</span>&nbsp; {escape(k.name)}")
        return "<br>".join(rows)

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self._restyle()

    def _restyle(self) -> None:
        key = (self._status, self._selected)
        if key == self._style_key:
            return
        self._style_key = key
        color = STATUS_COLORS[self._status]
        border = "#1565c0" if self._selected else "#cfd8dc"
        width = 2 if self._selected else 1
        self.setStyleSheet(
            f"QFrame#gearTile {{ background: {STATUS_TINTS[self._status]}; border: {width}px solid {border};"
            f" border-left: 6px solid {color}; border-radius: 6px; }}")

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.gear_id)
        super().mousePressEvent(event)


class GearGrid(QWidget):
    """Three by three tiles. Signals: selected(gear_id), manual_requested(gear_id)."""

    selected = Signal(str)
    manual_requested = Signal(str)

    def __init__(self, gear_ids: tuple[str, ...], parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.tiles: dict[str, GearTile] = {}
        for i, gear_id in enumerate(gear_ids):
            tile = GearTile(gear_id, self)
            tile.clicked.connect(self.select)
            tile.manual_requested.connect(self.manual_requested)
            grid.addWidget(tile, i // 3, i % 3)
            self.tiles[gear_id] = tile
        for index in range(3):
            grid.setColumnStretch(index, 1)
            grid.setRowStretch(index, 1)
        self.current: str | None = None

    def show_report(self, report, currency: str, manual_gears: set[str]) -> None:
        for gear in report.gears:
            self.tiles[gear.id].show_gear(gear, currency, gear.id in manual_gears)

    def select(self, gear_id: str) -> None:
        self.current = gear_id
        for key, tile in self.tiles.items():
            tile.set_selected(key == gear_id)
        self.selected.emit(gear_id)
