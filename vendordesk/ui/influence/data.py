"""Everything the influence views and the management brief show, read in one go.

``load_all`` opens its own connection, so it runs in a worker (vendordesk.ui.workers.run_task);
it returns plain data (dataclasses, DataFrames), never widgets or connections. The reading itself
is ``ops.influence.load_views``.
"""

from __future__ import annotations

from pathlib import Path


def load_all(path: str | Path, lang: str = "en", start: str | None = None, end: str | None = None,
             progress=None, cancelled=None) -> dict:
    from vendordesk.ops.influence import load_views

    return load_views(path, lang, start, end, progress, cancelled)
