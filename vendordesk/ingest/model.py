"""Moved to ``vendordesk.core.parsed`` (store and ingest share it; neither imports the other).
This name stays for code written before the move; new code imports ``vendordesk.core.parsed``."""

from vendordesk.core.parsed import *  # noqa: F403
from vendordesk.core.parsed import (  # noqa: F401
    EARLIEST_DATE,
    EXTRA_COLUMNS,
    FORECAST_AHEAD_DAYS,
    FORECAST_COLUMNS,
    HISTORY_AHEAD_DAYS,
    KEY_COLUMNS,
    PO_COLUMNS,
    PO_LINE_COLUMNS,
    PRODUCT_COLUMNS,
    Context,
    FactBlock,
    ParsedReport,
    date_bounds,
)
