"""A walk over a shown widget tree that reports what a German KAM would call unfinished.

``check_widget(root, lang)`` returns a list of ``Finding`` (empty when the screen is clean):

- ``english``: a visible text that is an English message id (Qt .ts source or gettext msgid) whose
  German translation differs, shown in the German UI; or, in the English UI, a German translation
  shown instead of its English source, or a text with German-only letters (ä ö ü ß);
- ``identifier``: a snake_case word, a raw marketplace ID (``A1PA6795UKMFR9``) or a dotted module path
  (``keyring.backends.fail.Keyring``) in a visible label,
  button, cell, combo item or header;
- ``clipped``: a label narrower than its text (no word wrap, no intended eliding), a word-wrapped
  label lower than its wrapped text, a table header narrower than its text, or a text field (not
  being typed in) narrower than its text;
- ``cut``: a label, button, line edit or combo box that reaches outside a parent (other than a scroll
  area's viewport, where scrolling is the point), or a control squashed below its minimum height
  (a search box in a menu bar that is lower than the box);
- ``scrolls``: a table or list whose columns are wider than it, so it scrolls sideways and its right
  columns are out of sight (a widget that is meant to scroll says so with ``desk_check_scrolls``);
  with its horizontal scroll bar switched off, its rows are ``cut`` instead (a popup list of hits);
- ``overlap``: two visible texts (labels, buttons, fields) drawn over each other (a status word
  over a tile's title when the tile is too small for its layout).

``data_findings(root, lang)`` checks the language of the user's own words too, for a workspace
known to be written in ``lang`` (the demo).

Others call it for their tabs: ``assert not check_widget(tab, "de")``. ``allow`` takes texts that
are right as they are (a product title in English, say).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "vendordesk_de.ts"
PO = ROOT / "vendordesk" / "locale" / "de" / "LC_MESSAGES" / "vendordesk.po"

SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
DOTTED = re.compile(r"\b(?!www\.)[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,}(?:\.[A-Z]\w*)?\b")  # a.module.Path
MARKETPLACE_ID = re.compile(r"\b(?=[A-Z0-9]{10,14}\b)(?=[A-Z0-9]*\d)A[A-Z0-9]{9,13}\b")
GERMAN_LETTERS = re.compile(r"[äöüÄÖÜß]")
_TAGS = re.compile(r"<[^>]+>")
# Words and names that read the same in both languages (short labels like "ASIN", "OK").
SAME_IN_BOTH = {"ok", "asin", "ean", "po", "id", "csv", "xlsx", "pdf", "url", "status", "name"}
# Words only English uses: a sentence with two of them (and no German one) is English.
ENGLISH_ONLY = {"the", "is", "not", "this", "were", "and", "of", "to", "with", "you", "your", "nothing",
                "please", "choose", "are", "has", "have", "been", "could", "cannot", "which", "there"}
GERMAN_ONLY = {"der", "die", "das", "und", "ist", "nicht", "wurde", "wird", "mit", "für", "sie", "ein", "eine",
               "keine", "nichts", "bitte", "oder", "zum", "zur", "von", "bei", "aus"}
FILE_KINDS = {"csv", "xlsx", "xls", "json", "gz", "zip", "pdf", "txt", "ics", "vendordesk", "db", "sqlite", "log",
              "png", "ini", "tsv"}
FILE_NAME = re.compile(r"\.[A-Za-z0-9]{2,9}$")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


@dataclass(frozen=True)
class Finding:
    kind: str      # "english", "identifier", "clipped"
    widget: str    # class and object name
    text: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.widget}: {self.text!r}"


def _plain(text: str) -> str:
    import html

    return html.unescape(_TAGS.sub(" ", text.replace("<br>", "\n"))).replace("&", "").strip() if "<" in text else \
        _plain_mnemonic(text)


def _plain_mnemonic(text: str) -> str:
    """"&Datei" -> "Datei", "A && B" -> "A & B"; a lone "&" between words stays."""
    return re.sub(r"&(?=\w)", "", text.replace("&&", "\0")).replace("\0", "&").strip()


@lru_cache(maxsize=1)
def catalogue_pairs() -> dict[str, str]:
    """English source -> German, from the Qt .ts and the gettext .po (only fixed texts that differ)."""
    return {k: v for k, v in _all_pairs().items() if k != v and k.lower() not in SAME_IN_BOTH}


@lru_cache(maxsize=1)
def _all_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    if TS.exists():
        for message in ET.parse(TS).getroot().iter("message"):
            source = message.findtext("source", "")
            element = message.find("translation")
            if element is None or element.get("type") in ("vanished", "obsolete", "unfinished"):
                continue
            forms = [f.text or "" for f in element.findall("numerusform")] or [element.text or ""]
            if source and forms[0] and "%" not in source:
                pairs[_plain(source)] = _plain(forms[0])
    if PO.exists():
        for msgid, msgstr in _read_po(PO.read_text(encoding="utf-8")):
            if msgid and msgstr and "{" not in msgid:
                pairs.setdefault(msgid.strip(), msgstr.strip())
    return pairs


def _read_po(text: str):
    msgid = msgstr = None
    target = None
    for line in text.splitlines() + [""]:
        line = line.strip()
        if line.startswith("msgid "):
            if msgid is not None and msgstr is not None:
                yield msgid, msgstr
            msgid, msgstr, target = _unquote(line[6:]), None, "id"
        elif line.startswith("msgstr "):
            msgstr, target = _unquote(line[7:]), "str"
        elif line.startswith('"') and target:
            if target == "id":
                msgid += _unquote(line)
            else:
                msgstr += _unquote(line)
        elif not line:
            if msgid is not None and msgstr is not None:
                yield msgid, msgstr
            msgid = msgstr = target = None
        else:
            target = None if line.startswith(("msgid_plural", "msgctxt")) else target


def _unquote(s: str) -> str:
    s = s.strip()
    if s.startswith('"') and s.endswith('"'):
        s = s[1:-1]
    return s.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def language_findings(text: str, lang: str, where: str, allow: set[str]) -> list[Finding]:
    text = _plain(text)
    if not text or text in allow:
        return []
    pairs = catalogue_pairs()
    if lang == "de":
        if text in pairs or text.rstrip(":…") in pairs or english_sentence(text):
            return [Finding("english", where, text)]
        return []
    german = _german_texts()
    if text in german or text.rstrip(":…") in german:
        return [Finding("german", where, text)]
    return []


def english_sentence(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(w in ENGLISH_ONLY for w in words)
    return len(words) >= 3 and english >= 2 and not any(w in GERMAN_ONLY for w in words)


@lru_cache(maxsize=1)
def _german_texts() -> frozenset[str]:
    english = set(_all_pairs())      # "Net PPM" is English too, though one context writes "net PPM"
    return frozenset(g for g in catalogue_pairs().values() if g not in english and len(g) > 3)


def identifier_findings(text: str, where: str, allow: set[str]) -> list[Finding]:
    text = _plain(text)
    if not text or text in allow or "://" in text or "@" in text or "/" in text and "." in text:
        return []
    dotted = [m.group(0) for m in DOTTED.finditer(text) if m.group(0).rsplit(".", 1)[-1].lower() not in FILE_KINDS]
    # a file name is the user's own
    text = " ".join(t for t in text.split() if not FILE_NAME.search(t.rstrip(",;:)")))
    found = [m.group(0) for m in SNAKE.finditer(text)] + [m.group(0) for m in MARKETPLACE_ID.finditer(text)]
    found += dotted
    return [Finding("identifier", where, f"{word} in {text!r}") for word in found]


def _name(widget) -> str:
    name = widget.objectName()
    return f"{type(widget).__name__}#{name}" if name else type(widget).__name__


def _visible(widget) -> bool:
    return widget.isVisible()   # (some dialogs shadow QWidget.window with an attribute)


def _texts_of(widget) -> list[str]:
    """The texts a person sees on this widget (without its children)."""
    from PySide6 import QtWidgets as W

    out: list[str] = []
    if isinstance(widget, (W.QLabel, W.QAbstractButton)):
        out.append(widget.text())
    if isinstance(widget, W.QGroupBox):
        out.append(widget.title())
    if isinstance(widget, W.QLineEdit):
        out.append(widget.placeholderText())
    if isinstance(widget, W.QTabWidget):
        out += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, W.QComboBox):
        out += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, (W.QTextEdit, W.QPlainTextEdit)) and widget.isReadOnly():
        out.append(widget.toPlainText())
    if isinstance(widget, W.QAbstractItemView) and widget.model() is not None:
        out += _view_texts(widget)
    if isinstance(widget, W.QGraphicsView) and widget.scene() is not None:
        out += _scene_texts(widget.scene())
    return [t for t in out if t]


def _scene_texts(scene) -> list[str]:
    """Texts drawn as graphics items (graph node labels, chart legends and titles)."""
    from PySide6 import QtWidgets as W

    out = []
    for item in scene.items():
        if not item.isVisible():
            continue
        if isinstance(item, W.QGraphicsTextItem):
            out.append(item.toPlainText())
        elif isinstance(item, W.QGraphicsSimpleTextItem):
            out.append(item.text())
    return out


def user_data(widget) -> bool:
    """Texts the user typed or the files brought (subjects, notes, product titles, quoted reasons):
    a widget says so with the property ``desk_check_quoted``; such texts are not checked for
    language (they may be in either), but still for identifiers."""
    return bool(widget.property("desk_check_quoted"))


def _view_texts(view, max_rows: int = 60) -> list[str]:
    from PySide6.QtCore import QModelIndex, Qt

    model = view.model()
    out = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model
        columns = 1
    for section in range(columns):
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if value:
            out.append(str(value))
    hidden_col = getattr(view, "isColumnHidden", lambda c: False)
    skip = set(view.property("desk_check_data_columns") or ())
    wanted = [c for c in range(columns)
              if not hidden_col(c) and c not in skip and _header_key(model, c) not in skip]

    def walk(parent, depth):
        for row in range(min(model.rowCount(parent), max_rows)):
            for column in wanted:
                value = model.data(model.index(row, column, parent), Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str) and value:
                    out.append(value)
            child = model.index(row, 0, parent)
            if depth < 2 and columns > 0 and model.hasChildren(child):
                walk(child, depth + 1)

    try:
        walk(QModelIndex(), 0)
    except TypeError:   # list models take no parent
        for row in range(min(model.rowCount(), max_rows)):
            value = model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str) and value:
                out.append(value)
    return out


def _header_key(model, column: int):
    """A FrameModel's column key (user-data columns are named by key), else None."""
    keys = getattr(model, "visible_keys", None)
    try:
        return keys()[column] if keys else None
    except (IndexError, TypeError):
        return None


def clip_findings(widget, where: str) -> list[Finding]:
    from PySide6 import QtWidgets as W
    from PySide6.QtCore import Qt

    found = []
    if isinstance(widget, W.QLabel) and not widget.wordWrap() and widget.pixmap().isNull():
        text = _plain(widget.text())
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and "<" in widget.text() and ">" in widget.text())
        if text and not rich and "\n" not in text:
            need = widget.fontMetrics().horizontalAdvance(text) + 2 * widget.margin() + widget.indent() * 0
            if need > widget.width() + 1 and not widget.property("elide"):
                found.append(Finding("clipped", where, f"{text!r} needs {need}px, has {widget.width()}px"))
        elif text and rich:
            found += _rich_clip_findings(widget, where)
    if isinstance(widget, W.QTableView) and widget.horizontalHeader().isVisible():
        header = widget.horizontalHeader()
        model = widget.model()
        metrics = header.fontMetrics()
        margin = 2 * header.style().pixelMetric(W.QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = header.style().pixelMetric(W.QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) == 0:
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            need = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + margin
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
                need += arrow
            if text and need > header.sectionSize(section) + 1:
                found.append(Finding("clipped", where, f"header {text!r} needs {need}px, "
                                                       f"has {header.sectionSize(section)}px"))
    return found


def _rich_clip_findings(label, where: str) -> list[Finding]:
    """A rich-text label without word wrap whose laid-out lines are wider than the label (a KPI row
    of a gear tile cut at the tile's edge: "Ungesunder Bestanc", no "…")."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    need = document.idealWidth() + 2 * label.margin()
    room = label.contentsRect().width()
    if need > room + 1:
        return [Finding("clipped", where, f"{_plain(label.text())[:60]!r} needs {need:.0f}px, has {room}px")]
    return []


def line_edit_clip_findings(widget, where: str) -> list[Finding]:
    """A text field (not being typed in) whose text is wider than the field: its end is cut off
    without an "…" (the case editor's subject at 1920×1080: "…schlägt fehl (Fehler 854"); or an
    empty one whose placeholder is (the forecast's search at 1280×720: "ASIN, Produkt, M…")."""
    from PySide6 import QtWidgets as W

    if not isinstance(widget, W.QLineEdit) or widget.hasFocus() or _in_item_view(widget) \
            or widget.echoMode() != W.QLineEdit.EchoMode.Normal or widget.property("desk_check_scrolls"):
        return []
    text = widget.text() or widget.placeholderText()
    if not text:
        return []
    option = W.QStyleOptionFrame()
    widget.initStyleOption(option)
    room = widget.style().subElementRect(W.QStyle.SubElement.SE_LineEditContents, option, widget).width()
    room -= sum(action.isVisible() and 18 for action in widget.actions())   # the calendar icon etc.
    need = widget.fontMetrics().horizontalAdvance(text) + 4
    if need > room + 1:
        return [Finding("clipped", where, f"field {text[:50]!r} needs {need}px, has {room}px")]
    return []


def combo_clip_findings(widget, where: str) -> list[Finding]:
    """A combo box whose shown item is wider than its text field ("Alle Katego", "(weniger Rückbel")."""
    from PySide6 import QtWidgets as W

    if not isinstance(widget, W.QComboBox) or widget.isEditable() or not widget.currentText() \
            or widget.property("elide"):      # it ends a long item with "…" itself (the ASIN filter)
        return []
    option = W.QStyleOptionComboBox()
    widget.initStyleOption(option)
    field = widget.style().subControlRect(W.QStyle.ComplexControl.CC_ComboBox, option,
                                          W.QStyle.SubControl.SC_ComboBoxEditField, widget)
    text = _plain_mnemonic(widget.currentText())
    need = widget.fontMetrics().horizontalAdvance(text)
    if widget.iconSize().width() and not widget.itemIcon(widget.currentIndex()).isNull():
        need += widget.iconSize().width() + 4
    if need > field.width() + 1:
        return [Finding("clipped", where, f"combo {text!r} needs {need}px, has {field.width()}px")]
    return []


def wrapped_clip_findings(widget, where: str) -> list[Finding]:
    """A word-wrapped label given less height than its wrapped text needs (lines cut off below)."""
    from PySide6 import QtWidgets as W

    if not isinstance(widget, W.QLabel) or not widget.wordWrap() or not widget.text() or widget.property("elide"):
        return []
    margins = widget.contentsMargins()
    need = widget.heightForWidth(widget.width())
    if need > widget.height() + 2 and need - margins.top() - margins.bottom() > 0:
        return [Finding("clipped", where, f"{_plain(widget.text())[:60]!r} needs {need}px high, "
                                          f"has {widget.height()}px")]
    return []


def scroll_findings(widget, where: str) -> list[Finding]:
    """A table or list wider than its viewport: it scrolls sideways (the last columns are out of
    sight at a screen size the KAM uses), or, with the scroll bar switched off, its rows are cut off
    at the right edge without an "…"."""
    from PySide6 import QtWidgets as W
    from PySide6.QtCore import Qt

    if not isinstance(widget, W.QAbstractItemView) or widget.model() is None or widget.property("desk_check_scrolls"):
        return []
    bar = widget.horizontalScrollBar()
    if isinstance(widget, W.QTableView):
        header = widget.horizontalHeader()
        need = header.length()
    else:
        rows = widget.model().rowCount()
        need = max((widget.visualRect(widget.model().index(r, widget.modelColumn() if isinstance(widget, W.QListView)
                                                         else 0)).right() + 1 for r in range(min(rows, 60))),
                   default=0) + bar.value()
    room = widget.viewport().width()
    if need <= room + 1 and bar.maximum() == 0:
        return []
    if widget.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return [Finding("cut", where, f"rows need {need}px, the list shows {room}px (no scroll bar, no \u2026)")]
    return [Finding("scrolls", where, f"columns need {need}px, the table shows {room}px: it scrolls sideways")]


def _controls(widget) -> bool:
    from PySide6 import QtWidgets as W

    if isinstance(widget, W.QLabel):
        return bool(widget.text()) or not widget.pixmap().isNull()
    return isinstance(widget, (W.QAbstractButton, W.QLineEdit, W.QComboBox))


def _scrolled_viewport(widget) -> bool:
    from PySide6 import QtWidgets as W

    parent = widget.parentWidget()
    return isinstance(parent, W.QAbstractScrollArea) and parent.viewport() is widget


def cut_findings(widget, where: str) -> list[Finding]:
    """A control reaching outside an ancestor (up to the window or a scroll area's viewport), or a
    line edit, combo box or push button squashed below its minimum height."""
    from PySide6 import QtWidgets as W
    from PySide6.QtCore import QRect

    if not _controls(widget) or _in_item_view(widget):
        return []
    found = []
    if isinstance(widget, (W.QLineEdit, W.QComboBox, W.QPushButton)) and widget.parentWidget() is not None \
            and not isinstance(widget.parentWidget(), (W.QComboBox, W.QAbstractSpinBox)):
        least = widget.minimumSizeHint().height()
        if widget.height() < least - 1:
            found.append(Finding("cut", where, f"{_label_of(widget)!r} is {widget.height()}px high, "
                                               f"needs {least}px"))
    rect = QRect(0, 0, widget.width(), widget.height())
    child, ancestor = widget, widget.parentWidget()
    while ancestor is not None and not _scrolled_viewport(ancestor):
        rect.translate(child.pos())
        if not ancestor.rect().adjusted(-1, -1, 1, 1).contains(rect):
            found.append(Finding("cut", where, f"{_label_of(widget)!r} reaches outside its "
                                               f"{type(ancestor).__name__} ({rect.getRect()} in "
                                               f"{ancestor.rect().getRect()})"))
            break
        if ancestor.isWindow():
            framed = isinstance(widget, (W.QLineEdit, W.QComboBox, W.QPushButton))
            if framed and (rect.right() >= ancestor.width() - 1 or rect.bottom() >= ancestor.height() - 1):
                found.append(Finding("cut", where, f"{_label_of(widget)!r} touches the window's edge "
                                                   f"({rect.getRect()} in a {ancestor.width()}×"
                                                   f"{ancestor.height()} window): its frame is cut off"))
            break
        child, ancestor = ancestor, ancestor.parentWidget()
    return found


def _label_of(widget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    if not text and hasattr(widget, "placeholderText"):
        text = widget.placeholderText()
    if not text and hasattr(widget, "currentText"):
        text = widget.currentText()
    return _plain(text or type(widget).__name__)[:50]


def _in_item_view(widget) -> bool:
    """Editors and index widgets inside a table, and the parts of a combo box or spin box."""
    from PySide6 import QtWidgets as W

    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, (W.QAbstractItemView, W.QComboBox, W.QAbstractSpinBox, W.QGraphicsView)):
            return True
        parent = parent.parentWidget()
    return False


def overlap_findings(root, widgets) -> list[Finding]:
    """Pairs of visible controls whose visible parts cover each other by more than a few pixels."""
    from PySide6.QtCore import QPoint

    boxes = []
    for widget in widgets:
        if not _controls(widget) or not _visible(widget) or _in_item_view(widget):
            continue
        seen = widget.visibleRegion().boundingRect()
        if seen.isEmpty():
            continue
        boxes.append((widget, seen.translated(widget.mapTo(root, QPoint(0, 0)))))
    found = []
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1:]:
            if not ra.intersects(rb):
                continue
            common = ra.intersected(rb)
            if common.width() <= 3 or common.height() <= 3 or a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            found.append(Finding("overlap", f"{_name(a)} / {_name(b)}",
                                 f"{_label_of(a)!r} and {_label_of(b)!r} cover "
                                 f"{common.width()}×{common.height()}px"))
    return found


def check_widget(root, lang: str, allow: set[str] | frozenset[str] = frozenset(),
                 clipping: bool = True) -> list[Finding]:
    """Every finding on ``root`` and its visible descendants (``lang`` is the UI language)."""
    from PySide6.QtWidgets import QWidget

    allow = set(allow)
    findings: list[Finding] = []
    widgets = [root] + root.findChildren(QWidget)
    for widget in widgets:
        if not _visible(widget):
            continue
        where = _name(widget)
        quoted = user_data(widget)
        for text in _texts_of(widget):
            for line in text.splitlines():
                if not quoted:
                    findings += language_findings(line, lang, where, allow)
                findings += identifier_findings(line, where, allow)
        if clipping:
            findings += clip_findings(widget, where) + wrapped_clip_findings(widget, where)
            findings += combo_clip_findings(widget, where) + line_edit_clip_findings(widget, where)
            findings += cut_findings(widget, where) + scroll_findings(widget, where)
    if clipping:
        findings += overlap_findings(root, [w for w in widgets if _visible(w)])
    seen, unique = set(), []
    for f in findings:
        if (f.kind, f.text) not in seen:
            seen.add((f.kind, f.text))
            unique.append(f)
    return unique


def data_findings(root, lang: str, allow: set[str] | frozenset[str] = frozenset()) -> list[Finding]:
    """The language of what ``check_widget`` leaves alone as the user's own words (quoted widgets,
    a table's ``desk_check_data_columns``), for a workspace whose texts are known to be written in
    ``lang``: the demo writes its subjects, tasks, notes and price increase in the KAM's language."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractItemView, QWidget

    found: list[Finding] = []
    for widget in [root] + root.findChildren(QWidget):
        if not _visible(widget):
            continue
        texts = _texts_of(widget) if user_data(widget) else []
        keys = set(widget.property("desk_check_data_columns") or ())
        if isinstance(widget, QAbstractItemView) and keys and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                if _header_key(model, column) in keys and not widget.isColumnHidden(column):
                    texts += [str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or "")
                              for row in range(min(model.rowCount(), 60))]
        for text in texts:
            for line in text.splitlines():
                found += language_findings(line, lang, _name(widget), set(allow))
                if lang != "de" and line not in allow and german_words(line):
                    found.append(Finding("german", _name(widget), line))
    return found


def german_words(text: str) -> bool:
    """German letters, or two words only German uses."""
    words = [w.lower() for w in _WORD.findall(_plain(text))]
    return bool(GERMAN_LETTERS.search(text)) or sum(w in GERMAN_ONLY for w in words) >= 2


def report(findings: list[Finding]) -> str:
    return "\n".join(str(f) for f in findings)


def check_all_pages(root, lang: str, allow: set[str] | frozenset[str] = frozenset(), clipping: bool = True,
                    settle=None) -> list[Finding]:
    """``check_widget`` on every page of every tab widget inside ``root``, and on the pages of tab
    widgets inside those pages (the what-if and bridge pages inside "What moves what"): each shown
    in turn, then the first page restored. ``settle()`` runs after each switch (e.g. wait for
    workers)."""
    findings = check_widget(root, lang, allow, clipping)
    seen = {(f.kind, f.text) for f in findings}
    for f in _pages_findings(root, lang, allow, clipping, settle):
        if (f.kind, f.text) not in seen:
            seen.add((f.kind, f.text))
            findings.append(f)
    return findings


def _outer_tab_widgets(root) -> list:
    """The tab widgets inside ``root`` not inside another tab widget inside ``root``."""
    from PySide6.QtWidgets import QTabWidget

    out = []
    for tabs in root.findChildren(QTabWidget):
        parent = tabs.parentWidget()
        while parent is not None and parent is not root and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        if parent is root or parent is None:
            out.append(tabs)
    return out


def _pages_findings(root, lang, allow, clipping, settle, depth: int = 0) -> list[Finding]:
    found: list[Finding] = []
    if depth > 3:
        return found
    for tabs in _outer_tab_widgets(root):
        if not tabs.isVisible():
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            if settle:
                settle()
            page = tabs.widget(index)       # (a page may be built on first show: read it after)
            found += check_widget(page, lang, allow, clipping)
            found += _pages_findings(page, lang, allow, clipping, settle, depth + 1)
        tabs.setCurrentIndex(current)
    return found
