"""The KPI gears tab: the nine gears at a glance, one gear opened, filters, manual values.

Reading the workspace and preparing the facts runs once through the window's ``OpRunner``
(``ops.gear_model.load_gear_model``); switching gear, filter, period or comparison then judges in
pandas on the cached model (``judge_gears``, the newest request waits for the running one).
When the interdependency panel (``vendordesk.ui.influence.tab``) is installed it sits
next to the gears in an inner tab "What moves what".
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QHideEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk.changes import Changes
from vendordesk.ui.tab_base import BaseTab, EmptyState

if TYPE_CHECKING:
    from vendordesk.core.gears.defs import GearDef
    from vendordesk.core.gears.report import GearModel, GearReport
    from vendordesk.ops.base import OpResult
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.gears.detail import GearDetail
    from vendordesk.ui.gears.tiles import GearGrid
    from vendordesk.ui.influence.tab import InfluencePanel
    from vendordesk.ui.operations import OpRunner
    from vendordesk.ui.workers import Task

PERIOD_WEEKS = (4, 13, 26, 52)
GRID_MIN_WIDTH = 3 * 150 + 2 * 8 + 4   # three tiles of TILE_MIN_WIDTH and their spacing
ASYNC_ROWS = 0           # fact rows from which re-judging runs in a worker (0: always)
LOAD, JUDGE = "gears.load", "gears.judge"     # the tab's two kinds of run (ui.operations)


def fit_popup(combo: QComboBox) -> None:
    """The open list as wide as its longest item (the closed box may be narrower)."""
    view = combo.view()
    width = max((combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    view.setMinimumWidth(width + 2 * view.frameWidth() + combo.style().pixelMetric(
        QStyle.PixelMetric.PM_ScrollBarExtent) + 16)


class CurrentTextCombo(QComboBox):
    """A combo box as wide as the item it shows (never "Alle Katego"), its list as wide as the
    longest item; it grows and shrinks when another item is picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentIndexChanged.connect(self.updateGeometry)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def _hint(self) -> QSize:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = self.fontMetrics().horizontalAdvance(self.currentText() or "x")
        base = super().sizeHint()
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, QSize(text + 4, base.height()),
                                             self)
        return QSize(size.width(), base.height())

    def sizeHint(self) -> QSize:
        return self._hint()

    def minimumSizeHint(self) -> QSize:
        return self._hint()

    def showPopup(self) -> None:
        fit_popup(self)
        super().showPopup()


class ElidingCombo(QComboBox):
    """A combo box of fixed width that ends a longer item with "…" instead of cutting it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("elide", True)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           field.width() - 2)
        self.setToolTip(self.currentText() if option.currentText != self.currentText() else "")
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def _has_influence_panel() -> bool:
    try:
        return importlib.util.find_spec("vendordesk.ui.influence.tab") is not None
    except (ImportError, ValueError):
        return False


class GearsTab(BaseTab):
    grid: GearGrid
    detail: GearDetail
    split: QSplitter

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._saved_layout: dict[str, Any] | None = None                       # remembered splitters and filters
        self._pending_sizes: list[tuple[QSplitter, list[int]]] = []  # applied again at the first render
        self.model: GearModel | None = None
        self.report: GearReport | None = None
        self.currency = "EUR"
        self.async_rows = ASYNC_ROWS
        self.content: QWidget | None = None
        self.influence: InfluencePanel | None = None
        self.inner: QTabWidget | None = None
        self._influence_dirty = True
        # The prepared model (~400 MB at 5,000 ASINs x 156 weeks) is dropped while the gears page is
        # hidden (another tab or "What moves what" shown) and read again when it is shown; the report
        # on screen is kept, so the other pages' workers never run next to it (``_park``).
        self._parked = False
        self._park_wanted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.loading = EmptyState(self.tr("Reading the gears…"), self.tr("VendorDesk reads the reports once; "
                                                                         "switching gears is instant afterwards."))
        self.empty = EmptyState(self.tr("No sales data yet"), self.tr(
            "Import Vendor Central Sales, Traffic, Inventory and Net PPM reports (File › Import…) to see the "
            "nine KPI gears and how they drive one another."), self.tr("Import reports…"))
        self.empty.action_requested.connect(self._import)
        manual = QPushButton(self.tr("Show the gears and enter values by hand"))
        manual.setFlat(True)
        manual.setStyleSheet("color: #1565c0;")
        manual.clicked.connect(self._show_content_anyway)
        empty_layout = self.empty.layout()
        assert isinstance(empty_layout, QVBoxLayout)
        empty_layout.insertWidget(empty_layout.count() - 1, manual, 0, Qt.AlignmentFlag.AlignHCenter)
        self.stack.addWidget(self.loading)
        self.stack.addWidget(self.empty)

    def title(self) -> str:
        return self.tr("KPI gears")

    @property
    def ops(self) -> OpRunner:
        from vendordesk.ui.operations import runner_for

        return runner_for(self.ctx)

    @property
    def task(self) -> Task | None:
        """The running read of the workspace (None when idle)."""
        return self.ops.task(LOAD)

    @property
    def compute_task(self) -> Task | None:
        """The running judgement (None when idle and nothing waits)."""
        return self.ops.task(JUDGE)

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        from vendordesk.core.gears.defs import GEAR_IDS
        from vendordesk.ui.gears.detail import GearDetail
        from vendordesk.ui.gears.tiles import GearGrid

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(8, 8, 8, 4)
        outer.addLayout(self._filter_bar())
        self.grid = GearGrid(GEAR_IDS)
        self.grid.selected.connect(self._show_detail)
        self.grid.manual_requested.connect(self.enter_manual)
        scroll = self.grid          # no scroll area: the nine tiles always fit (TILE_MIN_* sizes)
        self.detail = GearDetail()
        self.detail.manual_requested.connect(self.enter_manual)
        self.detail.customise_requested.connect(self.customise)
        self.detail.asin_requested.connect(self._filter_asin)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([620, 660])
        split.setChildrenCollapsible(False)
        self.split = split
        scroll.setMinimumWidth(GRID_MIN_WIDTH)
        outer.addWidget(split, 1)
        if _has_influence_panel():
            self.inner = QTabWidget()
            self.inner.addTab(page, self.tr("Gears"))
            self.inner.addTab(QWidget(), self.tr("What moves what"))
            self.inner.currentChanged.connect(self._inner_changed)
            self.content = self.inner
        else:
            self.inner = None
            self.content = page
        self.stack.addWidget(self.content)
        window = self.ctx.services.get("main_window")
        if window is not None and hasattr(window, "add_export_action"):
            window.add_export_action(self.tr("KPI gears as shown…"), self.export)

    def _filter_bar(self) -> QVBoxLayout:
        """Brand, category, ASIN, period and comparison in one row; the week shown below in small
        grey (at 1280×720 in German the row has no room left for it: "Alle Kategorien" was cut)."""
        rows = QVBoxLayout()
        rows.setSpacing(2)
        bar = QHBoxLayout()
        self.brand = CurrentTextCombo()
        self.category = CurrentTextCombo()
        self.asin = ElidingCombo()
        self.asin.setMinimumContentsLength(16)
        self.asin.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period = CurrentTextCombo()
        for weeks in PERIOD_WEEKS:
            self.period.addItem(self.tr("Last %1 weeks").replace("%1", str(weeks)), weeks)
        self.compare = CurrentTextCombo()
        self.compare.addItem(self.tr("vs. last year, else prior period"), "auto")
        self.compare.addItem(self.tr("vs. prior period"), "prior")
        self.compare.addItem(self.tr("vs. same weeks last year"), "last_year")
        self.compare.setItemData(0, self.tr("The same weeks last year where a year of data exists, "
                                            "otherwise the period before"), Qt.ItemDataRole.ToolTipRole)
        for label, combo in ((self.tr("Brand"), self.brand), (self.tr("Category"), self.category),
                             (self.tr("ASIN"), self.asin), (self.tr("Period"), self.period)):
            bar.addWidget(QLabel(label))
            bar.addWidget(combo)
        bar.addWidget(self.compare)
        bar.addStretch(1)
        from vendordesk.ui.briefs.management_brief import brief_button

        bar.addWidget(brief_button(self))
        rows.addLayout(bar)
        self.as_of = QLabel()
        self.as_of.setStyleSheet("color: #546e7a;")
        rows.addWidget(self.as_of)
        for combo in (self.brand, self.category):
            combo.currentIndexChanged.connect(self._narrow)
        for combo in (self.asin, self.period, self.compare):
            combo.currentIndexChanged.connect(self.recompute)
        return rows

    def _fill_filters(self) -> None:
        assert self.model is not None
        products = self.model.inputs.products
        combos = ((self.brand, "brand", self.tr("All brands")), (self.category, "category", self.tr("All categories")))
        for combo, column, everything in combos:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            if products is not None and column in products:
                for value in sorted(v for v in products[column].dropna().unique() if v):
                    combo.addItem(str(value), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
            combo.updateGeometry()
        self._fill_asins()

    def _fill_asins(self) -> None:
        """The ASIN list follows the brand and category chosen."""
        assert self.model is not None
        products = self.model.inputs.products
        current = self.asin.currentData()
        self.asin.blockSignals(True)
        self.asin.clear()
        self.asin.addItem(self.tr("All ASINs"), None)
        if products is not None and len(products):
            allowed = self.model.asins_for(self.brand.currentData(), self.category.currentData())
            rows = products if allowed is None else products.loc[products["asin"].isin(allowed)]
            for asin, title in zip(rows["asin"], rows["title"].fillna("")):
                self.asin.addItem(f"{asin} – {title[:40]}" if title else asin, asin)
        self.asin.setCurrentIndex(max(0, self.asin.findData(current)))
        self.asin.blockSignals(False)
        fit_popup(self.asin)

    def _narrow(self) -> None:
        if self.model is not None:
            self._fill_asins()
        self.recompute()

    # --- data -------------------------------------------------------------------------------
    def reload(self, chargebacks_only: bool = False) -> None:
        from vendordesk.ops.gear_model import load_gear_model, reload_chargebacks

        if self.model is None and not self._parked:
            self.stack.setCurrentWidget(self.loading)
        if self._parked:                # read while hidden: dropped again once judged
            self._park_wanted = True
        if chargebacks_only and self.model is not None:
            self.ops.run(LOAD, reload_chargebacks, self.ctx.workspace.path, self.model, self.currency,
                         on_done=self._loaded_model, error_parent=self)
            return
        self.ops.run(LOAD, load_gear_model, self.ctx.workspace.path, on_done=self._loaded_model, error_parent=self)
        self._influence_dirty = True
        if self.inner is not None and self.inner.currentIndex() == 1:
            self._inner_changed(1)

    def _loaded_model(self, result: OpResult[tuple[GearModel, str]]) -> None:
        self.ops.cancel(JUDGE)          # results for an older model are dropped
        self.model, self.currency = result.value
        self._parked = False
        if self.model.latest_week() is None and self.stack.currentWidget() is not self.content:
            self.stack.setCurrentWidget(self.empty)
            return
        self._show_content()

    def _show_content(self) -> None:
        if self.content is None:
            self._build()
        self._fill_filters()
        if self._saved_layout:
            self._apply_layout()
            self._fill_asins()
        assert self.content is not None
        self.stack.setCurrentWidget(self.content)
        self.recompute()

    def _show_content_anyway(self) -> None:
        if self.model is not None:
            self._show_content()

    def recompute(self) -> None:
        """Judge the gears for the current filters (pandas on the cached model; no reads).

        Runs in a worker (the newest request waits for the running one) so a filter change never
        blocks the window;
        ``async_rows`` can switch small accounts to computing in place."""
        if self.model is None or self.content is None:
            return
        asins = self.model.asins_for(self.brand.currentData(), self.category.currentData(), self.asin.currentData())
        params = {"weeks": self.period.currentData() or 4, "compare": self.compare.currentData() or "auto",
                  "asins": asins, "lang": self.ctx.lang}
        if len(self.model.prepared) < self.async_rows:
            self._render(self.model.compute(**params))
            return
        from vendordesk.ops.gear_model import judge_gears

        self.as_of.setText(self.tr("Calculating…"))
        self.ops.run(JUDGE, judge_gears, self.model, params, on_done=lambda result: self._render(result.value),
                     error_parent=self, queue=True)

    def _render(self, report: GearReport) -> None:
        from vendordesk.core.gears.defs import MANUAL_KPIS
        from vendordesk.ui import fmt

        self.report = report
        for widget, sizes in self._pending_sizes:
            widget.setSizes(sizes)
        self._pending_sizes = []
        manual_gears = {g for g, _ in MANUAL_KPIS}
        self.grid.show_report(self.report, self.currency, manual_gears)
        text = (self.tr("Week of %1").replace("%1", fmt.date(self.report.asof_week))
                if self.report.asof_week else self.tr("No data in this selection"))
        if getattr(self.report, "partial_week", None):
            text += " · " + self.tr("a newer, partial week %1 exists (too few ASINs yet)").replace(
                "%1", fmt.date(self.report.partial_week))
        self.as_of.setText(text)
        self.grid.select(self.grid.current or self._first_problem())
        if self._park_wanted:
            self._park()

    def _first_problem(self) -> str:
        order = {"red": 0, "amber": 1, "green": 2, "no-data": 3}
        assert self.report is not None
        return min(self.report.gears, key=lambda g: (order[g.status], g.score or 0)).id

    def _show_detail(self, gear_id: str) -> None:
        from vendordesk.core.gears.defs import MANUAL_KPIS

        if self.report is None or self.model is None:   # first judgement still running: shown when it lands
            return
        worst = self.model.worst_asins(self.report, gear_id)
        self.detail.show_gear(self.report, gear_id, worst, self.currency,
                              any(g == gear_id for g, _ in MANUAL_KPIS))

    def refresh(self, changes: Changes) -> None:
        if not self._loaded:
            return
        if changes.facts or changes.workspace or changes.gears:
            self.reload()
        elif changes.tickets and self.model is not None:
            self.reload(chargebacks_only=True)     # chargebacks feed the operations gear

    # --- actions --------------------------------------------------------------------------------
    def _import(self) -> None:
        window = self.ctx.services.get("main_window")
        if window is not None:
            window.import_dialog()

    def export(self) -> None:
        """Write the gears as shown (filters, period) to CSV or XLSX."""
        from pathlib import Path

        from PySide6.QtWidgets import QMessageBox

        from vendordesk.errors import UserError
        from vendordesk.ops.gear_model import export_gears
        from vendordesk.ui.export_dialog import ask_export_path

        if self.report is None:
            return
        path = ask_export_path(self, self.tr("Export KPI gears"), self.tr("KPI gears.xlsx"),
                               self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        try:
            export_gears(self.report, Path(path), self.ctx.lang)
        except UserError as exc:
            from vendordesk.ui.errors import user_text

            QMessageBox.warning(self, self.tr("Export KPI gears"), user_text(exc))

    def layout_state(self) -> dict[str, Any]:
        """What the window remembers (QSettings): splitter sizes and the filters."""
        if self.content is None:
            return {}
        return {"split": self.split.sizes(), "detail_split": self.detail.split.sizes(),
                "period": self.period.currentData(), "compare": self.compare.currentData(),
                "brand": self.brand.currentData(), "category": self.category.currentData()}

    def restore_layout(self, state: dict[str, Any]) -> None:
        """Applied when the content is first built (and again if asked later)."""
        self._saved_layout = dict(state or {})
        if self.content is not None:
            self._apply_layout()

    def _apply_layout(self) -> None:
        state = self._saved_layout or {}
        self._pending_sizes = []
        for key, widget in (("split", self.split), ("detail_split", self.detail.split)):
            sizes = [int(v) for v in state.get(key) or []]
            if len(sizes) == widget.count() and sum(sizes) > 0:
                widget.setSizes(sizes)
                self._pending_sizes.append((widget, sizes))   # again at the first render (laid out)
        for key, combo in (("period", self.period), ("compare", self.compare), ("brand", self.brand),
                           ("category", self.category)):
            value = state.get(key)
            if value not in (None, ""):
                index = combo.findData(int(value) if key == "period" else value)   # QSettings keeps text
                if index >= 0:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(index)
                    combo.blockSignals(False)
        self._saved_layout = None

    def _filter_asin(self, asin: str) -> bool:
        """Show the gears for one ASIN (from the worst list or the global search)."""
        if self.content is None:
            return False
        for combo in (self.brand, self.category):   # the ASIN may sit outside the narrowed list
            if self.asin.findData(asin) < 0 and combo.currentIndex() != 0:
                combo.setCurrentIndex(0)
        index = self.asin.findData(asin)
        if index >= 0:
            self.asin.setCurrentIndex(index)
        return index >= 0

    def _gear_def(self, gear_id: str) -> GearDef:
        assert self.model is not None
        return next(g for g in self.model.gears if g.id == gear_id)

    def _notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def enter_manual(self, gear_id: str) -> None:
        from vendordesk.ui.gears.dialogs import ManualKpiDialog
        from vendordesk.ui.undo import ManualKpiCommand, push_or_do

        if self.model is None:          # being read back after the page was hidden (_unpark)
            return

        gear = self._gear_def(gear_id)
        if not any(k.manual for k in gear.kpis):
            return
        assert self.model is not None and self.report is not None
        products = self.model.inputs.products
        asins = products["asin"].tolist() if products is not None else []
        titles = dict(zip(products["asin"], products["title"].fillna(""))) if products is not None \
            and "title" in products else {}
        dialog = ManualKpiDialog(gear, self.report.gear(gear_id).name, asins, self, titles=titles,
                                 week=self.report.asof_week or None)
        if dialog.exec():
            label = self.report.gear(gear_id).name
            push_or_do(self.ctx, ManualKpiCommand(self.ctx.workspace, self._notify, dialog.entry(), label))

    def customise(self, gear_id: str) -> None:
        from vendordesk.ops.gear_model import gear_settings

        if self.model is None:          # being read back after the page was hidden (_unpark)
            return
        from vendordesk.ui.gears.dialogs import GearSettingsDialog
        from vendordesk.ui.undo import GearSettingsCommand, push_or_do

        gear = self._gear_def(gear_id)
        custom = (gear_settings(self.ctx.workspace).value.get(gear_id) or {}).get("custom_name")
        dialog = GearSettingsDialog(gear, gear.name(self.ctx.lang), custom, self.ctx.lang, self)
        if not dialog.exec():
            return
        after = None if dialog.reset_requested else {"custom_name": dialog.custom_name(),
                                                     "thresholds": dialog.thresholds()}
        push_or_do(self.ctx, GearSettingsCommand(self.ctx.workspace, self._notify, gear, after,
                                                 gear.name(self.ctx.lang)))

    # --- the interdependency panel ------------------------------------------------------------
    # --- parking the model while the gears page is hidden ------------------------------------------
    def _gears_page_shown(self) -> bool:
        return self.isVisible() and (self.inner is None or self.inner.currentIndex() == 0)

    def _park(self) -> None:
        """Drop the prepared model, keep the report shown; waits for a running read or judgement."""
        self._park_wanted = True
        if self.model is None or self.report is None or self.task is not None or self.compute_task is not None:
            return                      # parked by _render once the running work lands
        if self._gears_page_shown():
            self._park_wanted = False
            return
        from vendordesk.ops.gear_model import release_memory

        self._park_wanted = False
        self.model = None
        self._parked = True
        release_memory()

    def _unpark(self) -> None:
        """The gears page is shown again: read the model back (the kept report stays on screen)."""
        self._park_wanted = False
        if not self._parked or self.model is not None or self.task is not None:
            return
        from vendordesk.ops.gear_model import load_gear_model

        self.ops.run(LOAD, load_gear_model, self.ctx.workspace.path, on_done=self._loaded_model, error_parent=self)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():      # another tab shown (not the window minimised)
            self._park()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._gears_page_shown():
            self._unpark()

    def _inner_changed(self, index: int) -> None:
        if self.inner is not None and index == 0:
            self._unpark()
        elif self.inner is not None and index == 1:
            self._park()
        if self.inner is None or index != 1:
            return
        if self.influence is None:
            from vendordesk.ui.influence.tab import InfluencePanel

            # the panel's module is not type-checked strictly yet: its class called as what it makes
            make_panel: Callable[[Any, QWidget], InfluencePanel] = InfluencePanel
            self.influence = make_panel(self.ctx, self.inner)
            self.inner.blockSignals(True)
            self.inner.removeTab(1)
            self.inner.addTab(self.influence, self.tr("What moves what"))
            self.inner.setCurrentIndex(1)
            self.inner.blockSignals(False)
        if self._influence_dirty:
            self._influence_dirty = False
            self.influence.reload()
