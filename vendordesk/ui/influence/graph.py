"""The KPI graph drawn with QGraphicsView: gears as clusters of KPI nodes, signed arrows,
active chains highlighted. Items are plain QGraphics*Items (no paint overrides)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from vendordesk.core.gears import defs
from vendordesk.core.influence.graph import KPIS, Graph, edge_note
from vendordesk.ui.influence.labels import gear_name, kpi_name


def gear_color(gear: str) -> str:
    """The gear's tint from its declaration (core.gears.defs); the outcome cluster's own grey."""
    return next((g.color for g in defs.GEARS if g.id == gear), defs.OUTCOME_COLOR)

POS, NEG, HOT = QColor("#2e7d32"), QColor("#c62828"), QColor("#ff8f00")
NODE_W, NODE_H, ROW = 150.0, 26.0, 32.0


def layout(graph: Graph) -> dict[str, QPointF]:
    """Cluster centres on a circle (one per gear), the outcome in the middle."""
    by_gear: dict[str, list[str]] = {}
    for name in graph.nodes():
        by_gear.setdefault(KPIS[name].gear, []).append(name)
    pos = {}
    ring = defs.ring_order()
    for i, gear in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / len(ring)
        cx, cy = 470 * math.cos(angle), 330 * math.sin(angle)
        names = sorted(by_gear.get(gear, []))
        for j, name in enumerate(names):
            pos[name] = QPointF(cx, cy + (j - (len(names) - 1) / 2) * ROW)
    for j, name in enumerate(by_gear.get("outcome", [])):
        pos[name] = QPointF(0, j * ROW)
    return pos


def _border(center: QPointF, toward: QPointF) -> QPointF:
    """Where the line from ``center`` to ``toward`` leaves the node's rectangle."""
    dx, dy = toward.x() - center.x(), toward.y() - center.y()
    if dx == 0 and dy == 0:
        return center
    scale = min((NODE_W / 2) / abs(dx) if dx else math.inf, (NODE_H / 2) / abs(dy) if dy else math.inf)
    return QPointF(center.x() + dx * scale, center.y() + dy * scale)


class InfluenceGraphView(QGraphicsView):
    """``show_graph(graph, hot_edges, hot_nodes)`` redraws the scene."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setMinimumSize(420, 320)
        self.edge_items: dict[str, QGraphicsPathItem] = {}
        self.lang = "en"

    def show_graph(self, graph: Graph, hot_edges: set[str] | None = None, hot_nodes: set[str] | None = None,
                   lang: str = "en") -> None:
        self.lang = lang
        scene = self.scene()
        scene.clear()
        self.edge_items = {}
        hot_edges, hot_nodes = hot_edges or set(), hot_nodes or set()
        pos = layout(graph)
        self._gear_backdrops(pos)
        for edge in sorted(graph.edges.values(), key=lambda e: e.id in hot_edges):
            self._edge(edge, pos, edge.id in hot_edges)
        for name, point in pos.items():
            self._node(name, point, name in hot_nodes)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.fit()

    def _gear_backdrops(self, pos: dict[str, QPointF]) -> None:
        groups: dict[str, list[QPointF]] = {}
        for name, point in pos.items():
            groups.setdefault(KPIS[name].gear, []).append(point)
        font = QFont()
        font.setBold(True)
        for gear, points in groups.items():
            xs, ys = [p.x() for p in points], [p.y() for p in points]
            rect = QRectF(min(xs) - NODE_W / 2 - 10, min(ys) - NODE_H / 2 - 26, NODE_W + 20,
                          max(ys) - min(ys) + NODE_H + 36)
            box = QGraphicsRectItem(rect)
            box.setBrush(QBrush(QColor(gear_color(gear))))
            box.setPen(QPen(QColor("#b0bec5"), 1))
            box.setZValue(-2)
            self.scene().addItem(box)
            label = QGraphicsSimpleTextItem(gear_name(gear))
            label.setFont(font)
            label.setBrush(QBrush(QColor("#37474f")))
            label.setPos(rect.x() + 6, rect.y() + 3)
            label.setZValue(-1)
            self.scene().addItem(label)

    def _node(self, name: str, point: QPointF, hot: bool) -> None:
        rect = QRectF(point.x() - NODE_W / 2, point.y() - NODE_H / 2, NODE_W, NODE_H)
        item = QGraphicsRectItem(rect)
        item.setBrush(QBrush(QColor("#fff8e1" if hot else "#ffffff")))
        item.setPen(QPen(HOT if hot else QColor("#78909c"), 2.5 if hot else 1))
        item.setZValue(2)
        item.setToolTip(f"{kpi_name(name)}\n{name}")
        self.scene().addItem(item)
        text = QGraphicsSimpleTextItem(kpi_name(name), item)
        font = QFont()
        font.setPointSizeF(8.5)
        text.setFont(font)
        width = text.boundingRect().width()
        if width > NODE_W - 8:
            text.setScale((NODE_W - 8) / width)
            width = NODE_W - 8
        text.setPos(point.x() - width / 2, point.y() - text.boundingRect().height() * text.scale() / 2)

    def _edge(self, edge, pos: dict[str, QPointF], hot: bool) -> None:
        a, b = pos[edge.src], pos[edge.dst]
        start, end = _border(a, b), _border(b, a)
        path = QPainterPath(start)
        mid = QPointF((start.x() + end.x()) / 2, (start.y() + end.y()) / 2)
        normal = QPointF(-(end.y() - start.y()), end.x() - start.x())
        length = math.hypot(normal.x(), normal.y()) or 1.0
        bend = 0.12 * length
        ctrl = QPointF(mid.x() + normal.x() / length * bend, mid.y() + normal.y() / length * bend)
        path.quadTo(ctrl, end)
        color = QColor(HOT if hot else (POS if edge.sign > 0 else NEG))
        if not hot:
            color.setAlpha(110)
        width = (2.2 if hot else 1.0) + min(2.0, math.log1p(edge.strength))
        pen = QPen(color, width)
        if edge.lag > 0:
            pen.setStyle(Qt.PenStyle.DashLine)
        item = QGraphicsPathItem(path)
        item.setPen(pen)
        item.setZValue(1 if hot else 0)
        sign = "+" if edge.sign > 0 else "−"
        item.setToolTip(f"{edge.id}: {kpi_name(edge.src)} → {kpi_name(edge.dst)}  ({sign}, "
                        f"{edge.lag} {self.tr('wk')}, {edge.strength:.2f})\n{edge_note(edge, self.lang)}")
        self.scene().addItem(item)
        self.edge_items[edge.id] = item
        angle = math.atan2(end.y() - ctrl.y(), end.x() - ctrl.x())
        size = 9.0 if hot else 7.0
        head = QPolygonF([end, QPointF(end.x() - size * math.cos(angle - 0.4), end.y() - size * math.sin(angle - 0.4)),
                          QPointF(end.x() - size * math.cos(angle + 0.4), end.y() - size * math.sin(angle + 0.4))])
        arrow = QGraphicsPolygonItem(head)
        arrow.setBrush(QBrush(color))
        arrow.setPen(QPen(color, 1))
        arrow.setZValue(item.zValue())
        self.scene().addItem(arrow)

    def fit(self) -> None:
        if not self.scene().sceneRect().isEmpty():
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit()

