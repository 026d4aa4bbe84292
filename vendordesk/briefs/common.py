"""Shared pieces of the printable briefs, without Qt: numbers in the brief's language (Babel,
vendordesk/text: German 1.234,56 €, English €1,234.56), HTML escaping, tables and the stylesheet.

The HTML stays inside Qt's rich-text subset (HTML4 / CSS2: tables and blocks, no flexbox,
no positioning), see docs/stack.md B.4.
"""

from __future__ import annotations

import html
import re

from vendordesk.text import N_, formatter
from vendordesk.text.numbers import is_missing

# chart axis units and marks (the chart painter lives in ui/brief_charts.py; its words live here)
CHART_UNITS = {1.0: N_("€"), 1e3: N_("thousand €"), 1e6: N_("million €")}
CHART_AXIS_CUT = N_("axis cut at {v}")
CHART_PIECES = N_("units")

SPACER = "<p style='font-size:5pt; margin:0'>&nbsp;</p>"

# Margins in px (document pixels, 96 per inch): Qt's rich text ignores margins given in pt, so with
# "12pt" no heading had any room above it.
STYLE = """
body { font-family: 'DejaVu Sans'; font-size: 8.5pt; color: #1f2a30; }
h1 { font-size: 17pt; color: #0d3b66; margin-top: 0; margin-bottom: 3px; }
h2 { font-size: 11.5pt; color: #0d3b66; margin-top: 14px; margin-bottom: 5px; }
h3 { font-size: 9.5pt; color: #37474f; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0; margin-bottom: 3px; }
.sub { font-size: 10pt; color: #455a64; }
.muted { color: #607d8b; font-size: 7.5pt; }
.grid { border-collapse: collapse; border-color: #b0bec5; margin-bottom: 6pt; }
.grid td, .grid th { border: 1px solid #cfd8dc; }
.facts { border-collapse: collapse; margin-bottom: 6pt; }
.facts td, .facts th { border: 1px solid #cfd8dc; }
.grid th { background-color: #e3ebf2; color: #0d3b66; font-weight: bold; font-size: 6.8pt; }
.grid td { font-size: 7.5pt; }
.grid th.cap { background-color: #ffffff; color: #0d3b66; font-size: 11.5pt; border-width: 0;
               padding-top: 8pt; padding-bottom: 3pt; }
.facts td { font-size: 8.5pt; }
.facts th { background-color: #f1f5f8; font-weight: normal; text-align: left; font-size: 8.5pt; }
td.num, th.num { text-align: right; }
.risk { color: #b71c1c; font-weight: bold; }
.ok { color: #1b5e20; }
.warn { color: #e65100; }
.total td { font-weight: bold; background-color: #f5f7f9; }
.key td { background-color: #f5f8fb; }
.key .big { font-size: 13pt; font-weight: bold; color: #0d3b66; }
.key .label { font-size: 7.5pt; color: #546e7a; }
"""


def missing(value) -> bool:
    return is_missing(value)


def na(lang: str) -> str:
    return formatter(lang).unavailable


def number(value, lang: str, decimals: int = 0, signed: bool = False) -> str:
    """1,234.5 (en) or 1.234,5 (de); the language's 'unavailable' for None/NaN."""
    return formatter(lang).number(value, decimals, signed)


def money(value, currency: str, lang: str, decimals: int = 2, signed: bool = False) -> str:
    """1.234,56 € (de) or €1,234.56 (en)."""
    return formatter(lang).money(value, currency, decimals, signed)


def percent(fraction, lang: str, decimals: int = 1, signed: bool = False) -> str:
    """A fraction as percent: 0.125 -> 12,5 % (de) or 12.5% (en)."""
    return formatter(lang).percent(fraction, decimals, signed)


def points(fraction, lang: str, decimals: int = 1) -> str:
    """A difference of two fractions in percentage points: -0.035 -> −3,5 Punkte / −3.5 points."""
    return formatter(lang).points(fraction, decimals)


def date(value, lang: str) -> str:
    """01.03.2026 (de) or 01/03/2026 (en); text that is not a date is shown as it is."""
    try:
        return formatter(lang).date(value)
    except ValueError:
        return esc(value)


def esc(text) -> str:
    return html.escape("" if text is None else str(text))


def table(headers: list[str], rows: list[list[str]], numeric: set[int] | None = None,
          widths: list[int] | None = None, css: str = "grid", total: list[str] | None = None,
          nowrap: tuple[int, ...] = (0,), caption: str | None = None) -> str:
    """A bordered table; cells are HTML already. ``numeric`` columns are right-aligned,
    ``nowrap`` body columns never break (ASINs). A ``caption`` is the section heading as the first
    header row: it repeats on every page and is never left alone at the foot of a page."""
    numeric = numeric or set()

    def cell(tag: str, i: int, content: str) -> str:
        attrs = ' class="num"' if i in numeric else ""
        if tag == "td" and (i in nowrap or i in numeric):
            attrs += ' style="white-space: nowrap"'
        if widths and tag == "th":
            attrs += f' width="{widths[i]}%"'
        if tag == "th" and content and " " not in content and "<" not in content:
            attrs += ' style="white-space: nowrap"'   # one word never breaks mid-word
        return f"<{tag}{attrs}>{content}</{tag}>"

    head = "<tr>" + "".join(cell("th", i, h) for i, h in enumerate(headers)) + "</tr>"
    if caption:
        head = f'<tr><th class="cap" colspan="{len(headers)}" align="left">{caption}</th></tr>' + head
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    if total:
        body += '<tr class="total">' + "".join(cell("td", i, c) for i, c in enumerate(total)) + "</tr>"
    return (f'<table class="{css}" width="100%" border="1" cellspacing="0" cellpadding="2">'
            f"<thead>{head}</thead><tbody>{body}</tbody></table>{SPACER}")


def h2(text: str) -> str:
    """A section heading with space above (Qt ignores margin-top after tables)."""
    return f"{SPACER}<h2>{text}</h2>"


def unbroken(text: str) -> str:
    """A number keeps its unit and its sign at a line end: "3 %" (the model's sentences write a plain
    space) and "−€18,559" never part ("Durchschnittspreis −3" / "%." stood on two lines)."""
    text = re.sub(r"(?<=\d) (?=%|€|T €|Pp\.)", "\u00a0", text)
    text = re.sub(r"(?<=\d\u00a0T) €", "\u00a0€", text)
    return re.sub(r"([−+-])€", "\\1\u2060€", text)       # a word joiner: no break, nothing drawn


def document(title: str, body: str, lang: str) -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f"<style>{STYLE}</style></head><body>{unbroken(body)}</body></html>")
