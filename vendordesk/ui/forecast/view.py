"""The content of the Forecast tab: toolbar, ASIN picker and the five pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk.errors import UserError
from vendordesk.ui.forecast import labels
from vendordesk.ui.forecast import tables as ft
from vendordesk.ui.forecast.pages import AsinPage, DivergencePage, OrdersPage, TablePage
from vendordesk.ui.models.frame_model import Column


class ForecastView(QWidget):
    def __init__(self, tab):
        super().__init__(tab)
        self.tab, self.ctx, self.index, self.asin, self._syncing = tab, tab.ctx, None, "", False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.status)      # the full width under the buttons: two lines at 1280×720, not four
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._picker())
        self.pages = QTabWidget()
        self.asin_page = AsinPage(self.ctx, self._chart_labels())
        self.asin_page.generation_changed.connect(lambda _g: self.show_asin(self.asin))
        self.asin_page.supply.saved.connect(self._supply_saved)
        self.overview = TablePage(search=True, key="asin", columns=True)
        self.overview.view.doubleClicked.connect(self._open_from_overview)
        ft.fold_to_fit(self.overview.view, ft.OVERVIEW_FOLD)
        self.divergence = DivergencePage()
        self.divergence.only_flags.toggled.connect(self._filter_flags)
        self.risk = TablePage(search=True)
        self.orders = OrdersPage({"units": self.tr("Units"), "open_po": self.tr("Open PO units due"),
                                  "expected": self.tr("Expected new orders")})
        self.orders.add_button(self.tr("Print…"), self.print_orders)
        self.orders.add_button(self.tr("Export…"), self.export_orders)
        for page, title in ((self.asin_page, self.tr("ASIN")), (self.overview, self.tr("All ASINs")),
                            (self.divergence, self.tr("Amazon vs ours")), (self.risk, self.tr("Out-of-stock risk")),
                            (self.orders, self.tr("Orders coming"))):
            self.pages.addTab(page, title)
        split.addWidget(self.pages)
        # a wide screen gives the ASIN list a share of its extra width (at 1920 it kept 320 px and
        # cut every product after "Küchenwelt Handmixer 650…")
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([320, 1000])
        layout.addWidget(split, 1)

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.horizon = QSpinBox()
        self.horizon.setRange(4, 52)
        self.horizon.setValue(26)
        self.horizon.setSuffix(self.tr(" weeks"))
        self.run_button = QPushButton(self.tr("Run forecast"))
        self.run_button.clicked.connect(self.tab.start_run)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.tab.cancel_run)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #37474f;")
        self.export_button = QPushButton(self.tr("Export forecast…"))
        self.export_button.clicked.connect(self.export_forecast)
        for widget in (QLabel(self.tr("Horizon")), self.horizon, self.run_button, self.cancel_button, self.progress):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export_button)
        window = self.ctx.services.get("main_window")
        if window is not None and hasattr(window, "add_export_action"):
            window.add_export_action(self.tr("Forecast…"), self.export_forecast)
        return row

    def _picker(self) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search ASIN or product…"))
        self.search.setClearButtonEnabled(True)
        self.picker_view, self.picker_model = ft.make_view("asin", box)
        self.search.textChanged.connect(self.picker_model.set_search)
        self.picker_view.selectionModel().currentRowChanged.connect(self._picked)
        inner.addWidget(self.search)
        inner.addWidget(self.picker_view, 1)
        box.setMinimumWidth(260)
        return box

    def _chart_labels(self) -> dict[str, str]:
        return {"units": self.tr("Units per week"), "history": self.tr("Sales (units)"),
                "oos": self.tr("OOS week"), "band": self.tr("Ours P50–P90"), "p50": self.tr("Ours P50"),
                "p80": self.tr("Ours P80"), "amazon_mean": self.tr("Amazon mean"),
                "amazon_q": self.tr("Amazon P70/P80/P90"), "capacity": self.tr("Our capacity"),
                "stock": self.tr("Projected Amazon stock"), "orders": self.tr("Expected Amazon orders"),
                "capacity_short": self.tr("P90 above capacity"), "own": self.tr("Projected own stock"),
                "stock_units": self.tr("Units"), "last_year": self.tr("Last year (same weeks)"),
                "empty": self.tr("No forecast yet: press “Run forecast”.")}

    # --- showing a plan -------------------------------------------------------------
    def show_plan(self, index) -> None:
        self.index = index
        over = index.overview.copy()
        over["flags_text"] = over["flags"].map(labels.flags_text)
        over["risk_mark"] = over["risk_weeks"].map(lambda r: "⚠" if r else "")
        from vendordesk.ui.forecast.texts import mase_tip

        over["mase_tip"] = [mase_tip(row) for row in over.to_dict("records")]
        picker_cols = [Column("risk_mark", ""), Column("asin", self.tr("ASIN")), Column("title", self.tr("Product"))]
        ft.set_table(self.picker_view, self.picker_model, over, picker_cols,
                     [ft.RED if r else None for r in over["risk_weeks"]], sort=("asin", True))
        self.picker_view.setColumnWidth(0, 26)
        ft.set_table(self.overview.view, self.overview.model, over, ft.overview_columns(),
                     ft.overview_colors(over), sort=("eur_at_risk", False))
        self.overview.fill_columns_menu()
        from vendordesk.ui.forecast.texts import overview_text

        self.overview.summary.setText(overview_text(self, over, len(index.plan.result.weeks)))
        self._show_tables(index.plan)
        self.status.setText(self._backtest_text(index.plan.backtest))
        target = self.asin if self.asin in index.row else (index.asins()[0] if index.asins() else "")
        row = self.picker_model.row_of_key(target)
        if row >= 0:
            self.picker_view.selectRow(row)
        self.show_asin(target)

    def _show_tables(self, plan) -> None:
        d = self.divergence
        ft.set_table(d.div_view, d.div_model, plan.divergence, ft.divergence_columns(), sort=("diff_pct", True))
        latest = plan.drift.groupby("asin").tail(1) if len(plan.drift) else plan.drift
        ft.set_table(d.drift_view, d.drift_model, latest, ft.drift_columns(), sort=("since_first", True))
        d.summary.setText(self._divergence_text(plan))
        self._filter_flags(d.only_flags.isChecked())
        ft.set_table(self.risk.view, self.risk.model, plan.risks, ft.risk_columns(), sort=("eur_at_risk", False))
        self.risk.summary.setText(self._risk_text(plan))
        ft.set_table(self.orders.view, self.orders.model, plan.orders, ft.orders_columns(), sort=("week_start", True))
        self.orders.show_orders(plan.orders)
        self.orders.summary.setText(self._orders_text(plan))

    def _filter_flags(self, only: bool) -> None:
        for model in (self.divergence.div_model, self.divergence.drift_model):
            frame = model.frame()
            if frame is not None and "flag" in frame:
                model.set_mask("flags", (frame["flag"] != "") if only else None)

    def _picked(self, current, _previous) -> None:
        if current.isValid() and not self._syncing:
            self.show_asin(str(self.picker_model.row_key(current.row())))

    def _open_from_overview(self, index) -> None:
        asin = str(self.overview.model.row_key(index.row()))
        row = self.picker_model.row_of_key(asin)
        if row >= 0:
            self.picker_view.selectRow(row)
        self.show_asin(asin)
        self.pages.setCurrentWidget(self.asin_page)

    def show_asin(self, asin: str) -> None:
        """Redraw the ASIN page for ``asin`` (fast: data is indexed once per run)."""
        if self.index is None or not asin:
            return
        page = self.asin_page
        if asin != self.asin or page.generation.count() == 0:
            page.set_generations(self.index.generations_of(asin))
        self.asin = asin
        self._select_in_picker(asin)
        page.chart.show_asin(self.index.chart_data(asin, page.current_generation()))
        row = self.index.summary(asin)
        page.header.setText(self._header_text(asin, row))
        page.accuracy.setText(self._accuracy_text(row))
        from vendordesk.ui.forecast.texts import mase_tip

        page.accuracy.setToolTip(mase_tip(row))
        supply = self.tab.inputs.get("supply") if self.tab.inputs else None
        match = supply[supply["asin"] == asin] if supply is not None and len(supply) else None
        page.supply.set_asin(asin, match.iloc[0].to_dict() if match is not None and len(match) else None)

    def _select_in_picker(self, asin: str) -> None:
        current = self.picker_view.currentIndex()
        if current.isValid() and str(self.picker_model.row_key(current.row())) == asin:
            return
        row = self.picker_model.row_of_key(asin)
        if row >= 0:
            self._syncing = True
            self.picker_view.selectRow(row)
            self._syncing = False
            self.picker_view.scrollTo(self.picker_model.index(row, 0))

    # --- texts --------------------------------------------------------------------------
    def _header_text(self, asin: str, row: dict) -> str:
        model = labels.model_labels().get(row.get("model", ""), row.get("model", ""))
        notes = labels.flags_text(row.get("flags", ""))
        text = f"<b style='font-size:12pt'>{asin}</b> &nbsp; {row.get('title', '')}<br>"
        text += self.tr("Model: %1").replace("%1", model)
        if notes:
            text += " · " + self.tr("Data notes: %1").replace("%1", notes)
        if row.get("spiral"):
            text += " · <span style='color:#c62828'>" + self.tr("Amazon cut its forecast after OOS weeks") + "</span>"
        return text

    def _accuracy_text(self, row: dict) -> str:
        from vendordesk.ui.forecast.texts import accuracy_text

        return accuracy_text(self, row, self.index.plan.backtest.get("holdout"))

    def _backtest_text(self, doc: dict) -> str:
        from vendordesk.ui.forecast.texts import backtest_text

        return backtest_text(self, doc, self.index.plan.versus_amazon)

    def _divergence_text(self, plan) -> str:
        from vendordesk.ui.forecast.texts import divergence_text

        return divergence_text(self, plan)

    def _risk_text(self, plan) -> str:
        from vendordesk.ui.forecast.texts import risk_text

        return risk_text(self, plan, self.ctx.currency)

    def _orders_text(self, plan) -> str:
        from vendordesk.ui.forecast.texts import orders_text

        return orders_text(self, plan)

    # --- supply, print, export ------------------------------------------------------------
    def _supply_saved(self, asin: str) -> None:
        from vendordesk.changes import Changes

        self.tab.changed.emit(Changes(supply=True))

    def recompute_supply(self) -> None:
        """Re-read supply from the workspace and redo only the projection (fast, GUI thread)."""
        from vendordesk.ui.forecast.texts import recompute_supply

        self.show_plan(recompute_supply(self.tab, self.index))

    def orders_html(self) -> str:
        from vendordesk.ui.forecast.texts import orders_brief

        return orders_brief(self, self.index.plan, self.ctx.currency)

    def print_orders(self) -> None:
        if self.index is None:
            return
        from vendordesk.ui.printing import preview

        preview(self, self.orders_html())

    def export_orders(self) -> None:
        if self.index is None:
            return
        from vendordesk.ui.export_dialog import ask_export_path

        path = ask_export_path(self, self.tr("Export orders coming"), self.tr("Orders coming.xlsx"), self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.write_orders(path)

    def write_orders(self, path: str) -> None:
        self._write(self.index.plan.orders, path, "orders")

    def export_forecast(self) -> None:
        if self.index is None:
            return
        from vendordesk.ui.export_dialog import ask_export_path

        path = ask_export_path(self, self.tr("Export forecast"), self.tr("Forecast.xlsx"), self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if path:
            self.write_forecast(path)

    def write_forecast(self, path: str) -> None:
        """Our forecast (asin, week_start, p50..p90, model, flags) as CSV or XLSX: the ASINs the
        picker shows (all of them unless its search narrows them)."""
        frame = self.index.plan.result.frame()
        if self.search.text().strip():
            shown = {str(self.picker_model.row_key(i)) for i in range(self.picker_model.rowCount())}
            frame = frame[frame["asin"].isin(shown)].reset_index(drop=True)
        if path.lower().endswith(".xlsx"):       # for people: the UI's words (CSV keeps the codes)
            frame["model"] = frame["model"].map(lambda m: labels.model_labels().get(m, m))
            frame["source"] = frame["source"].map(lambda v: labels.source_labels().get(v, v))
            frame["events"] = frame["events"].map(labels.event_text)
            frame["flags"] = frame["flags"].map(labels.flags_text)
        self._write(frame, path, "forecast")

    def _write(self, frame, path: str, kind: str) -> None:
        from pathlib import Path

        from vendordesk.ops.exports import export_frame

        try:
            export_frame(frame, Path(path), kind, self.ctx.lang)
        except UserError as exc:
            from vendordesk.ui.errors import user_text

            QMessageBox.warning(self, self.tr("Export failed"), user_text(exc))
