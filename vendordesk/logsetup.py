"""Logging: a rotating file in the data folder; warnings also on stderr for commands."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from vendordesk.paths import log_file

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(console: bool = False, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_vendordesk", False) for h in root.handlers):
        return
    root.setLevel(level)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._vendordesk = True  # type: ignore[attr-defined]  # marks our handler
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.ERROR)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream._vendordesk = True  # type: ignore[attr-defined]
        root.addHandler(stream)
