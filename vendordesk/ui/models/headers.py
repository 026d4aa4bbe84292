"""Header texts that fit narrow figure columns (pure text, no Qt)."""

from __future__ import annotations

from dataclasses import replace

from vendordesk.ui.models.frame_model import Column


def two_line_header(column: Column) -> Column:
    """A long header over a narrow figure takes two lines ("Verfügbar" over "bei Amazon"), broken at
    the space nearest its middle; text columns and short headers keep one line."""
    title = column.title
    if column.kind == "text" or " " not in title or len(title) <= 12 or "\n" in title:
        return column
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(title) / 2))
    return replace(column, title=title[:cut] + "\n" + title[cut + 1:])
