"""Export and print of a what-if result (the window's part; the tables and the page are built
Qt-free in core.influence.report, the workbook in exports.whatif through ops.exports)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox

from vendordesk.ui.influence.charts import draw_path_waterfall
from vendordesk.ui.influence.labels import signed_money


def _tr(text: str) -> str:
    return QCoreApplication.translate("WhatIfView", text)


def core_lang() -> str:
    """The window's language for the Qt-free texts (vendordesk.text)."""
    return QLocale().name().split("_")[0] or "en"


if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget        # the checker sees the widget the mixin always sits on
else:
    _Widget = object


class WhatIfOutput(_Widget):
    """Mixed into WhatIfView: needs ``result``, ``info`` and ``currency``."""

    result: Any
    info: Any
    currency: str

    def export_to(self, path) -> None:
        from vendordesk.ops.exports import export_whatif

        export_whatif(self.result, self.info or {"currency": self.currency}, path, core_lang())

    def export_dialog(self) -> None:
        if self.result is None:
            return
        from vendordesk.ui.export_dialog import ask_export_path

        # opens in the last export folder, else Documents (never the install folder)
        path = ask_export_path(self, _tr("Export what-if"), _tr("What-if.xlsx"), _tr("Excel (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        from vendordesk.errors import UserError

        try:
            self.export_to(Path(path))
        except UserError as exc:
            QMessageBox.warning(self, _tr("Export what-if"), str(exc))

    def page(self) -> tuple[str, dict]:
        """The printable page (HTML from core.influence.report) and its chart image."""
        from vendordesk.core.influence.report import html, waterfall
        from vendordesk.ui.influence.charts import chart_image

        lang = core_lang()
        steps = waterfall(self.result, "vendor_revenue", lang)
        image = chart_image(lambda p: draw_path_waterfall(p, [(s.label, s.value) for s in steps[:-1]],
                                                          (steps[-1].label, steps[-1].value),
                                                          lambda v: signed_money(v, self.currency)))
        images = {"chart://whatif": image} if image is not None else {}
        return html(self.result, self.info or {"currency": self.currency}, lang,
                    {"waterfall": "chart://whatif"} if images else None), images

    def print_preview(self) -> None:
        if self.result is None:
            return
        from vendordesk.ui.printing import preview

        text, images = self.page()
        preview(self, text, images)
