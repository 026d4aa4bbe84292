"""Cell values that are safe to open: no formula from a text cell (OWASP, "CSV Injection").

A spreadsheet runs a cell that starts with ``= + - @`` (also tab and carriage return, and their
full-width forms) as a formula. Text cells that start so get a leading single quote, as OWASP
recommends; numbers stay numbers (a negative amount is a number, not text).
"""

from __future__ import annotations

import re

TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
# XML 1.0 cannot hold these; openpyxl refuses them (a pasted e-mail can contain them).
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralize(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + text if text and text[0] in TRIGGERS else text


def csv_field(value) -> str:
    """One CSV field as pandas writes it (QUOTE_MINIMAL, '' for missing), neutralized."""
    if value is None:
        return ""
    text = neutralize(str(value))
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def xlsx_text(value: str) -> str:
    """Text for an XLSX string cell: characters XML cannot store become U+FFFD."""
    return _ILLEGAL_XML.sub("\ufffd", value)

