"""The Forecast tab: our forecast against Amazon's, supply, out-of-stock risk, orders coming.

The forecast runs through the window's ``OpRunner`` (kind ``forecast.plan``: a new run replaces
the old; progress bar, cancel); pandas, pyqtgraph and the pages are
imported when the tab is first shown, never on the way to the first window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout

from vendordesk.ui.tab_base import BaseTab, EmptyState

RUN = "forecast.plan"


class ForecastTab(BaseTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.stack = QStackedWidget()
        self.empty = EmptyState(self.tr("No sales history yet"), self.tr("Import weekly Vendor Central Sales reports and Amazon's Forecast report (File › Import…) to compare our forecast with Amazon's."))
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.content = None
        self.index = None
        self.inputs = None

    def title(self) -> str:
        return self.tr("Forecast")

    @property
    def ops(self):
        from vendordesk.ui.operations import runner_for

        return runner_for(self.ctx)

    @property
    def task(self):
        """The running forecast (None when idle)."""
        return self.ops.task(RUN)

    # --- building -------------------------------------------------------------------
    def _build(self) -> None:
        from vendordesk.ui.forecast.view import ForecastView

        self.content = ForecastView(self)
        from vendordesk.ui.briefs.management_brief import brief_button

        self.content.layout().itemAt(0).layout().addWidget(brief_button(self))   # tool bar row
        self.stack.addWidget(self.content)
        self.run_button, self.cancel_button = self.content.run_button, self.content.cancel_button
        self.progress, self.status, self.horizon = self.content.progress, self.content.status, self.content.horizon

    # --- data -----------------------------------------------------------------------
    def _has_sales(self) -> bool:
        from vendordesk.ops.forecast_plan import has_weekly_sales

        return has_weekly_sales(self.ctx.workspace)

    def reload(self) -> None:
        if not self._has_sales():
            self.cancel_run()
            self.stack.setCurrentWidget(self.empty)
            return
        if self.content is None:
            self._build()
        self.stack.setCurrentWidget(self.content)
        self.start_run()

    def start_run(self) -> None:
        from vendordesk.ui.forecast.data import compute_plan

        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Forecasting every ASIN and backtesting it…"))
        self.ops.run(RUN, compute_plan, self.ctx.workspace.path, self.horizon.value(), on_done=self._on_done,
                     on_error=self._on_error, on_progress=lambda f: self.progress.setValue(int(f * 100)))

    def cancel_run(self) -> None:
        if self.ops.running(RUN):
            self.ops.cancel(RUN)      # the run stops at its next progress step; its result is dropped
            self._finish()
            self.status.setText(self.tr("Forecast cancelled. Press “Run forecast” to start again."))

    def _finish(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)
        self.run_button.setEnabled(True)

    def _on_error(self, exc: BaseException) -> None:
        from vendordesk.errors import UserError

        self._finish()
        if isinstance(exc, UserError):
            from vendordesk.ui.errors import user_text

            self.status.setText(user_text(exc))
        else:
            self.status.setText(self.tr("The forecast failed; details are in the log file."))
            from vendordesk.ui.errors import excepthook

            excepthook(type(exc), exc, exc.__traceback__)

    def _on_done(self, result) -> None:
        self._finish()
        self.index, self.inputs = result
        self.content.show_plan(self.index)
        self.badge_changed.emit(self._badge())

    def _badge(self) -> str:
        """ASINs at out-of-stock risk (core.forecast_supply.at_risk_asins; "" for none)."""
        from vendordesk.core.forecast.supply import at_risk_asins

        count = len(at_risk_asins(self.index.plan.risks, self.index.plan.result.weeks))
        return str(count) if count else ""

    def refresh(self, changes) -> None:
        if not self._loaded:
            return
        if changes.facts or changes.workspace:
            self.reload()
        elif changes.supply and self.index is not None:
            self.content.recompute_supply()
