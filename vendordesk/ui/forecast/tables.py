"""Tables of the Forecast tab: all ASINs, divergence, drift, risk weeks, orders coming."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from vendordesk.ui.forecast import labels
from vendordesk.ui.models.frame_model import Column, FrameModel
from vendordesk.ui.models.headers import two_line_header

RED, AMBER = "#ffebee", "#fff8e1"


def _t(text: str) -> str:
    return QCoreApplication.translate("ForecastTables", text)


# Fusion draws the sort arrow inside the section's right edge, on top of a right-aligned (numeric)
# header ("Differenz %▼"); the padding keeps the text clear of it.
HEADER_STYLE = "QHeaderView::section { padding-left: 4px; padding-right: 14px; }"
HEADER_PADDING = 4 + 14


def make_view(key: str | None = None, parent=None) -> tuple[QTableView, FrameModel]:
    model = FrameModel(key=key, parent=parent)
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setStyleSheet(HEADER_STYLE)
    view.setWordWrap(False)
    return view, model


def fit_columns(view: QTableView, maximum: int = 220) -> None:
    """Each column as wide as its figures or its header's longest line with the arrow's room beside
    it (not Qt's header size hint, which adds room for a sort arrow on every column and made
    "P80-Bedarf" over three-digit numbers 130 px wide), at least 60 px, at most ``maximum``."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    last = model.columns()[-1] if hasattr(model, "columns") and model.columns() else None
    stretch = last is not None and last.kind == "text"
    header.setStretchLastSection(stretch)
    for i in range(header.count() - 1 if stretch else header.count()):   # a stretched text column fills the rest
        title = str(model.headerData(i, Qt.Orientation.Horizontal) or "")
        text = max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0)
        need = max(view.sizeHintForColumn(i) + 12, text + HEADER_PADDING + 10)
        header.resizeSection(i, min(max(need, 60), maximum))
    if view.property("fold_columns") is not None and isinstance(model, FrameModel):
        view.setProperty("fitted_widths", {c.key: header.sectionSize(i) for i, c in enumerate(model.columns())})
        fit_to_view(view)


# The overview's columns a narrow screen leaves out first (least read first): the ASIN page and the
# export carry them all; at 1280×720 twenty columns were 2,335 px in a 906 px table.
OVERVIEW_FOLD = ("seasonal_naive_mase", "ours_mase", "ours_bias", "better_3", "better_2", "better_1", "better_0",
                 "model", "amazon_13w", "p50_13w", "divergence", "flags_text", "diff_pct", "source")


class _Refit(QObject):
    """Fits the table again when its viewport changes width (the window or the splitter moved)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            fit_to_view(self.view)
        return False


def fold_to_fit(view: QTableView, fold: tuple[str, ...]) -> None:
    """Let ``view`` leave out the columns of ``fold`` (in that order) when it is too narrow for all
    of them, instead of scrolling sideways (applied by fit_columns and on every resize)."""
    view.setProperty("fold_columns", list(fold))
    view.viewport().installEventFilter(_Refit(view))


def fit_to_view(view: QTableView) -> None:
    """The fitted widths, shrunk to the view's width: numbers keep theirs (their header's text or
    their figures), a text column gives up to 180 px, then columns are left out (ui.models.fit)."""
    from vendordesk.ui.models.fit import fit_to_width

    natural = view.property("fitted_widths")
    model = view.model()
    if not natural or not hasattr(model, "columns"):
        return
    columns = model.columns()
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    floors = {}
    for column in columns:
        text = max((metrics.horizontalAdvance(line) for line in column.title.split("\n")), default=0)
        least = text + HEADER_PADDING + 10
        floors[column.key] = max(least, min(180, natural[column.key])) if column.kind == "text" else natural[column.key]
    widths = {c.key: natural[c.key] for c in columns}
    fitted, folded = fit_to_width(widths, floors, view.viewport().width(), view.property("fold_columns") or ())
    for i, column in enumerate(columns):
        view.setColumnHidden(i, column.key in folded)
        if column.key in fitted and header.sectionSize(i) != fitted[column.key]:
            header.resizeSection(i, fitted[column.key])


def better_columns() -> list[Column]:
    """Per horizon bucket (core.forecast.calib.BUCKETS) whose forecast has been better."""
    from vendordesk.core.forecast.calib import BUCKETS

    names = {"amazon": _t("Amazon's"), "ours": _t("Ours"), "": ""}
    return [Column(f"better_{j}", _t("Better, wk %1–%2").replace("%1", str(lo)).replace("%2", str(hi)),
                   labels=names) for j, (lo, hi) in enumerate(BUCKETS)]


def overview_columns() -> list[Column]:
    return [
        Column("asin", _t("ASIN")), Column("title", _t("Product")),
        Column("model", _t("Model"), labels=labels.model_labels()),
        Column("source", _t("Forecast used"), labels=labels.source_labels()),
        *better_columns(),
        Column("ours_wape", _t("WAPE ours"), "percent", decimals=0),
        Column("ours_mase", _t("MASE ours"), "number", decimals=2, tip_key="mase_tip"),
        Column("seasonal_naive_mase", _t("MASE seas. naive"), "number", decimals=2, tip_key="mase_tip"),
        Column("amazon_wape", _t("WAPE Amazon"), "percent", decimals=0),
        Column("ours_bias", _t("Bias ours"), "percent", decimals=0),
        Column("p50_13w", _t("Ours 13 wk"), "number", decimals=0),
        Column("amazon_13w", _t("Amazon 13 wk"), "number", decimals=0),
        Column("diff_pct", _t("Difference"), "percent", decimals=0),
        Column("divergence", _t("Divergence"), labels=labels.divergence_labels()),
        Column("risk_weeks", _t("Risk weeks"), "int"),
        Column("eur_at_risk", _t("At risk"), "money", decimals=0),
        Column("flags_text", _t("Data notes")),
    ]


def overview_colors(frame) -> list:
    return [RED if r > 0 else AMBER if d else None for r, d in zip(frame["risk_weeks"], frame["divergence"])]


def divergence_columns() -> list[Column]:
    return [Column("asin", _t("ASIN")), Column("weeks", _t("Weeks"), "int"),
            Column("ours", _t("Ours (P50)"), "number", decimals=0),
            Column("amazon", _t("Amazon (mean)"), "number", decimals=0),
            Column("diff", _t("Difference"), "number", decimals=0),
            Column("diff_pct", _t("Difference %"), "percent", decimals=0),
            Column("flag", _t("Flag"), labels=labels.divergence_labels())]


def drift_columns() -> list[Column]:
    return [Column("asin", _t("ASIN")), Column("generation_date", _t("Newest generation"), "date"),
            Column("mean_units", _t("Amazon next 13 wk"), "number", decimals=0),
            Column("since_first", _t("Since 1st generation"), "percent", decimals=0),
            Column("change", _t("Last revision"), "percent", decimals=0),
            Column("oos_before", _t("OOS rate before"), "percent", decimals=0),
            Column("flag", _t("Flag"), labels=labels.drift_labels())]


def risk_columns() -> list[Column]:
    return [Column("asin", _t("ASIN")), Column("week_start", _t("Week"), "date"),
            Column("p80", _t("P80 demand"), "number", decimals=0),
            Column("p90", _t("P90 demand"), "number", decimals=0),
            Column("amazon_stock", _t("Available at Amazon"), "number", decimals=0),
            Column("capacity", _t("Capacity"), "number", decimals=0),
            Column("short_p90", _t("Units short (P90)"), "number", decimals=0),
            Column("eur_at_risk", _t("At risk"), "money", decimals=0),
            Column("risk", _t("Risk"), labels=labels.risk_labels())]


def orders_columns() -> list[Column]:
    return [Column("week_start", _t("Week"), "date"),
            Column("expected_order", _t("Expected new orders"), "number", decimals=0),
            Column("open_po", _t("Open PO units due"), "number", decimals=0),
            Column("total", _t("Total units"), "number", decimals=0),
            Column("value", _t("Value"), "money", decimals=0),
            Column("asins", _t("ASINs ordering"), "int")]


def set_table(view: QTableView, model: FrameModel, frame, columns: list[Column], colors=None,
              sort: tuple[str, bool] | None = None) -> None:
    columns = [two_line_header(c) for c in columns]
    model.set_frame(frame, columns)
    if colors is not None:
        model.set_row_colors(colors)
    if sort is not None:
        keys = [c.key for c in columns]
        order = Qt.SortOrder.AscendingOrder if sort[1] else Qt.SortOrder.DescendingOrder
        view.sortByColumn(keys.index(sort[0]), order)
    fit_columns(view)
