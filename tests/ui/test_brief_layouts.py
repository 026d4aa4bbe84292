"""Issue 17, the printed briefs, laid out as they print (ui/printing.make_document, A4):

- the management brief's "Kennzahlen" heading sat on the date line above it, and every heading on
  the paragraph before it: the stylesheet's margins were in pt, which Qt's rich text ignores (only
  px counts), so no heading had any room above it in any brief;
- the internal negotiation brief's scenario columns were squeezed by a label column that never
  wrapped ("Minimum: 6 % in zwei Stufen" stood on four lines).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt
ROOM = 8          # px between a heading and what stands above it (a 5 pt line is about 9 px)


def _briefs(ws, lang: str) -> dict:
    """Every printed brief of the demo: (html, images) by name."""
    from PySide6.QtWidgets import QApplication

    from vendordesk.briefs.management import build_html
    from vendordesk.ops.department_brief import department_html, forecast_plan
    from vendordesk.ops.influence import load_views
    from vendordesk.ops.negotiation import account_facts, analyse_negotiation
    from vendordesk.ui.briefs.management_brief import _charts, products
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.negotiation.brief import brief_document

    data = load_views(ws.path, lang, None, None, whatif=False)
    data["products"] = products(ws)
    images = _charts(data, lang)
    out = {"management": (build_html(data, lang, set(images)), images)}
    analysis = analyse_negotiation(ws, 1).value
    for audience in ("internal", "amazon"):
        out[f"negotiation-{audience}"] = brief_document(analysis, lang, account_facts(ws, analysis.case.asins),
                                                        audience)
    for department in ("logistics", "marketing"):
        out[f"department-{department}"] = (department_html(ws, department, lang)[0], {})
    from vendordesk.ui.forecast.texts import orders_brief

    install_language(QApplication.instance(), lang)
    try:
        out["orders"] = (orders_brief(None, forecast_plan(ws), "EUR"), {})
    finally:
        install_language(QApplication.instance(), "en")
    return out


def _laid_out(html: str, images: dict):
    """The brief as it prints: paginated and laid out (a table's lines are laid out lazily)."""
    from vendordesk.ui.printing import make_document

    doc = make_document(html, images)
    assert doc.pageCount() >= 1
    return doc


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def _cramped_headings(doc) -> list[str]:
    """Section headings (h2, h3) with less than ROOM px above their first line (the first line of a
    page excepted; the title may have its kicker "INTERN – nur für uns" right above it)."""
    layout, page = doc.documentLayout(), doc.pageSize().height()
    found, above = [], None
    for block in _blocks(doc):
        rect = layout.blockBoundingRect(block)
        if block.blockFormat().headingLevel() >= 2 and above is not None and block.text().strip():
            top = rect.top() + block.layout().lineAt(0).y()
            gap = top - above
            if gap < ROOM and top % page > 1:
                found.append(f"{block.text()[:40]!r}: {gap:.0f} px")
        lines = block.layout().lineCount()
        if lines and block.text().strip():
            last = block.layout().lineAt(lines - 1)
            above = rect.top() + last.y() + last.height()
    return found


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_heading_of_every_brief_has_room_above_it(qapp, demo_workspace, lang):
    cramped = {}
    for name, (html, images) in _briefs(demo_workspace, lang).items():
        found = _cramped_headings(_laid_out(html, images))
        if found:
            cramped[name] = found
    assert cramped == {}


def _table_of(doc, text: str):
    """The table holding a cell whose text is ``text``."""
    from PySide6.QtGui import QTextCursor

    block = next(b for b in _blocks(doc) if b.text().replace("\xa0", " ") == text)   # nowrap: no-break spaces
    return QTextCursor(block).currentTable()


def _cell_lines(doc, table, row: int, column: int) -> int:
    cell = table.cellAt(row, column)
    block, end, lines = doc.findBlock(cell.firstPosition()), cell.lastPosition(), 0
    while block.isValid() and block.position() <= end:
        lines += block.layout().lineCount()
        block = block.next()
    return lines


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_scenario_columns_hold_their_names_and_numbers(qapp, demo_workspace, lang):
    """Each scenario's name fits on two lines and no number of the table wraps."""
    from vendordesk.briefs.negotiation_texts import t
    html, images = _briefs(demo_workspace, lang)["negotiation-internal"]
    doc = _laid_out(html, images)
    table = _table_of(doc, t("sc_increase", lang))
    assert table is not None and table.columns() >= 3
    names = [_cell_lines(doc, table, 0, c) for c in range(1, table.columns())]
    assert max(names) <= 2, names
    wrapped = [(r, c) for r in range(1, table.rows()) for c in range(1, table.columns())
               if _cell_lines(doc, table, r, c) > 1]
    assert wrapped == []


def _lines_starting_with_a_unit(doc) -> list[str]:
    found = []
    for block in _blocks(doc):
        layout, text = block.layout(), block.text()
        for k in range(1, layout.lineCount()):
            line = layout.lineAt(k)
            start = text[line.textStart():line.textStart() + line.textLength()].lstrip()
            before = text[:line.textStart()].rstrip()[-1:]         # "€182,130" may start a line, "€" after 3 not
            if start[:1] == "%" or (start[:1] == "€" and before and (before.isdigit() or before in "−+-T")):
                found.append(text[max(0, line.textStart() - 30):line.textStart() + 10])
    return found


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_number_is_parted_from_its_unit_at_a_line_end(qapp, demo_workspace, lang):
    """The management brief broke "Durchschnittspreis −3" / "%." over two lines (the sentences of
    the gears' model write "3 %" with a plain space)."""
    parted = {}
    for name, (html, images) in _briefs(demo_workspace, lang).items():
        found = _lines_starting_with_a_unit(_laid_out(html, images))
        if found:
            parted[name] = found
    assert parted == {}
