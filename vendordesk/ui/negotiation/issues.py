"""The case checks (core.negotiation_checks) worded for the window, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vendordesk.ui import fmt


class IssueTexts(QObject):
    def text(self, issue) -> str:
        v, asin = issue.values, issue.asin or ""
        texts = {
            "title_missing": self.tr("Enter a name for the case."),
            "currency_mismatch": self.tr("The case is in %1 but the workspace is in %2. Enter the costs in %2.")
            .replace("%1", str(v.get("case"))).replace("%2", str(v.get("workspace"))),
            "date_missing": self.tr("No effective date yet. Tick the box and choose the date the new cost applies."),
            "date_invalid": self.tr("This is not a date."),
            "date_past": self.tr("The date is in the past. Choose a date at least %1 days ahead.")
            .replace("%1", str(v.get("need"))),
            "notice_short": self.tr("Only %1 days notice; Amazon expects at least %2. Move the date later.")
            .replace("%1", str(v.get("days"))).replace("%2", str(v.get("need"))),
            "no_asins": self.tr("Add the ASINs whose cost rises."),
            "cost_before_invalid": self.tr("%1: the current cost must be above 0.").replace("%1", asin),
            "cost_after_invalid": self.tr("%1: the requested cost must be above 0.").replace("%1", asin),
            "cost_decrease": self.tr("%1: this is a cost decrease; Amazon accepts it immediately.").replace("%1", asin),
            "asin_no_facts": self.tr("%1: no sales facts in this workspace, so ASP and Net PPM are unavailable. "
                                     "Import the sales report or check the ASIN.").replace("%1", asin),
            "driver_unknown": self.tr("Unknown cost driver."),
            "weight_negative": self.tr("A weight is negative. Enter the driver's share of the unit cost."),
            "weights_sum": self.tr("The weights sum to %1, not 100 %. Correct them or click “Normalise weights”.")
            .replace("%1", fmt.percent(v.get("total"))),
        }
        return texts.get(issue.code, issue.message)
