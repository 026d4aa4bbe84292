"""The nine gears at a glance: one tile per gear (score, status colour, sparkline, data as of)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
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
    change_text,
    gear_status,
    kpi_value,
    missing,
    score_text,
    status_text,
)

TILE_MIN_WIDTH, TILE_MIN_HEIGHT = 150, 165
MAX_KPI_ROWS = 8          # a big tile (1920×1080) shows most of its KPIs, not a sparkline with empty space
SPARK_MIN_HEIGHT = 22


class GearTile(QFrame):
    """Signals: clicked(gear_id); manual_requested(gear_id) from the "Enter values" button.

    Every line of a tile fits its width: the name and the status word wrap, each KPI row is one
    line (its name elided, the full rows in the tooltip), and the number of KPI rows follows the
    height the tile gets, so nothing overlaps on a small screen and the sparkline and rows fill
    a big one.
    """

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
        top.setSpacing(6)
        self.score = QLabel()
        self.score.setStyleSheet("font-size: 18pt; font-weight: 700;")
        self.score.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.status = QLabel()
        self.status.setStyleSheet("font-weight: 600;")
        self.status.setWordWrap(True)          # "Jetzt handeln" / "Zu wenig Daten" on narrow tiles
        top.addWidget(self.score, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.status, 1, Qt.AlignmentFlag.AlignVCenter)
        self.spark = Sparkline(self, height=SPARK_MIN_HEIGHT)
        self.spark.setMaximumHeight(16777215)     # grows into the space of big screens
        self.spark.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.headline = QLabel()
        self.headline.setStyleSheet("color: #37474f; font-size: 9pt;")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message = QLabel()          # a gear without data: what to do about it
        self.message.setStyleSheet("color: #546e7a; font-size: 9pt;")
        self.message.setWordWrap(True)
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #78909c; font-size: 8.5pt;")
        self.manual = QPushButton(self.tr("Enter values…"))
        self.manual.setCursor(Qt.CursorShape.PointingHandCursor)
        self.manual.clicked.connect(lambda: self.manual_requested.emit(self.gear_id))
        layout.addWidget(self.name)
        layout.addLayout(top)
        layout.addWidget(self.spark, 1)
        layout.addWidget(self.headline)
        layout.addWidget(self.message)
        layout.addWidget(self.manual, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(0)
        layout.addWidget(self.as_of)
        self._selected = False
        self._status = "no-data"
        self._style_key: tuple[str, bool] | None = None
        self._label_color: str | None = None
        self._shown: tuple[Any, str, bool] | None = None   # (gear, currency, can_enter) for re-rendering on resize
        self._rows = 2
        self._laid_out_for: tuple[int, int, int] | None = None   # the layout key the KPI rows were elided for

    def show_gear(self, gear, currency: str, can_enter: bool) -> None:
        status = gear_status(gear)
        self._status = status
        color = STATUS_COLORS[status]
        # a non-breaking hyphen: a narrow tile wraps "Availability & in-stock" before "in-stock",
        # never as "in-" / "stock"
        self.name.setText(gear.name.replace("-", "\u2011"))
        self.score.setText(score_text(gear.score))
        self.status.setText(status_text(status))
        if self._label_color != color:
            self._label_color = color
            self.score.setStyleSheet(f"font-size: 18pt; font-weight: 700; color: {color};")
            self.status.setStyleSheet(f"font-weight: 600; color: {color};")
        has_data = gear.status != "no-data"
        self.spark.setVisible(has_data and len(gear.spark) > 1)
        self.spark.set_points(gear.spark, color)
        self.spark.setToolTip(self.tr("%1, weekly").replace("%1", gear.kpis[0].name))
        self._shown = (gear, currency, can_enter)
        versus = self.tr("vs. last year") if getattr(gear, "compare", "prior") == "last_year" else \
            self.tr("vs. prior period")
        self.status.setToolTip(self.tr("Only 1 KPI has data: no gear score.") if status == "few-data" else versus)
        self.message.setText("" if has_data else self.tr("No report or manual values for this gear yet."))
        self.manual.setVisible(not has_data and can_enter)
        self.as_of.setText(self.tr("As of %1").replace("%1", fmt.date(gear.data_as_of)) if gear.data_as_of else "")
        self.as_of.setToolTip(versus)
        self.as_of.setVisible(bool(gear.data_as_of))
        self._fill_rows()
        self._restyle()

    def _fill_rows(self) -> None:
        """The KPI rows (and the no-data message) for the tile's current size."""
        if self._shown is None:
            return
        gear, currency, can_enter = self._shown
        has_data = gear.status != "no-data"
        self._rows = self._rows_for_height()
        self._laid_out_for = self._layout_key()
        if has_data:
            lines = self._kpi_lines(gear, currency)
            self.headline.setText("<br>".join(lines))
            self.headline.setToolTip("<br>".join(self._kpi_lines(gear, currency, full=True, rows=MAX_KPI_ROWS)))
        else:
            self.headline.setText("")
        self.headline.setVisible(has_data)
        # a small tile keeps the words for the tooltip; the button says what to do
        room = self.height() >= (230 if self.manual.isVisibleTo(self) else 190)
        self.message.setVisible(not has_data and room)
        self.setToolTip("" if has_data else self.message.text())

    def _layout_key(self) -> tuple[int, int, int]:
        """What the KPI rows depend on: the tile's size and the width inside its border (the
        selected tile's border is thicker: same size, less room)."""
        return self.width(), self.height(), self._inner_width()

    def _box(self) -> QVBoxLayout:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        return layout

    def _inner_width(self) -> int:
        margins = self._box().contentsMargins()
        return max(1, self.contentsRect().width() - margins.left() - margins.right())

    def _fixed_height(self) -> int:
        """Height of everything but the sparkline and the KPI rows, at the current width."""
        margins = self._box().contentsMargins()
        inner = self._inner_width()
        name = self.name.heightForWidth(inner) if self.name.text() else 0
        top = max(self.score.sizeHint().height(), self.status.heightForWidth(max(1, inner - 60)))
        as_of = self.as_of.sizeHint().height() if self.as_of.text() else 0
        return margins.top() + margins.bottom() + name + top + as_of + 5 * self._box().spacing()

    def _rows_for_height(self) -> int:
        """As many one-line KPI rows as fit next to a sparkline of at least SPARK_MIN_HEIGHT (it
        keeps about 45 % of the free height on a big tile)."""
        self.ensurePolished()
        self.headline.ensurePolished()
        line = QFontMetrics(self.headline.font()).lineSpacing()
        free = self.contentsRect().height() - self._fixed_height()
        spark = max(SPARK_MIN_HEIGHT, int(free * 0.45))
        return max(1, min(MAX_KPI_ROWS, (free - spark) // max(1, line)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._shown is not None and self._laid_out_for != self._layout_key():
            self._fill_rows()

    def _kpi_lines(self, gear, currency: str, full: bool = False, rows: int | None = None) -> list[str]:
        """The weakest judged KPIs (as many as there is room for), plus the count of flagged ASINs;
        each row one line, its name elided to the tile's width unless ``full``."""
        judged = [k for k in gear.kpis if k.status in ("green", "amber", "red")]
        judged.sort(key=lambda k: k.score if k.score is not None else 100.0)
        counts = [k for k in gear.kpis if k.id.startswith("asins_") and k.unit == "count"
                  and not missing(k.value) and k.value > 0]          # only when ASINs are flagged
        room = rows or self._rows
        flagged = counts[:1] if counts else []            # flagged ASINs always get a row
        shown = judged[:max(1, room - len(flagged))]
        if flagged and not any(k.id == flagged[0].id + "_share" for k in shown):
            shown.append(flagged[0])
        if len(shown) < room:          # room left: the other KPIs with data
            shown += [k for k in gear.kpis if k not in shown and k not in counts and not missing(k.value)
                      ][:room - len(shown)]
        plain = QFontMetrics(self.headline.font())
        bold_font = QFont(self.headline.font())
        bold_font.setWeight(QFont.Weight.DemiBold)
        bold = QFontMetrics(bold_font)
        width = self._inner_width()
        rows_out = []
        for k in shown[:room]:
            color = STATUS_COLORS.get(k.status, "#37474f")
            if k.id.startswith("asins_"):
                color = STATUS_COLORS["amber"] if k.value and k.value > 0 else STATUS_COLORS["green"]
            value = kpi_value(k.value, k.unit, currency)

            def row(name: str, color=color, value=value) -> str:
                return f"<span style='color:{color}; font-weight:600'>{escape(value)}</span>&nbsp; {escape(name)}"

            if full:       # the tooltip: a KPI judged on its change says that change ("−14,7 % rel.")
                limits = getattr(k, "threshold", None)
                on_change = limits is not None and limits.get("kind") == "trend" \
                    and not missing(getattr(k, "change", None))
                change = change_text(k.change, k.unit, k.value, k.compare, limits) if on_change else ""
                rows_out.append(row(f"{k.name} ({change})" if change else k.name))
                continue
            short = getattr(k, "short_name", "") or k.name     # the long name is in the tooltip
            left = width - bold.horizontalAdvance(value) - plain.horizontalAdvance("  ") - 4
            text = row(plain.elidedText(short, Qt.TextElideMode.ElideRight, max(0, left)))
            # the laid-out line is a few pixels wider than its measured parts ("Ungesunder Bestanc"
            # was cut at the tile's edge, without "…"): narrow the name until the line fits
            while left > 0 and self._line_width(text) > width:
                left -= max(2, int(self._line_width(text) - width))
                text = row(plain.elidedText(short, Qt.TextElideMode.ElideRight, max(0, left)))
            rows_out.append(text)
        return rows_out

    def _line_width(self, html: str) -> float:
        """The width one KPI row takes when the headline label lays it out."""
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(self.headline.font())
        document.setHtml(html)
        return document.idealWidth()

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
        if self._shown is not None and self._laid_out_for != self._layout_key():
            self._fill_rows()          # the border took or gave back room

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
