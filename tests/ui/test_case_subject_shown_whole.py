"""Issue 17: the case editor's "Betreff" showed a long subject cut at the field's edge at 1920×1080
("… schlägt fehl (Fehler 854"). The subject wraps onto a second line instead, at both sizes."""

from __future__ import annotations

import pytest

from tests.ui.desk_check import check_widget, report
from tests.ui.sized_window import sized_window
from tests.ui.test_tickets_layout import _tickets

pytestmark = pytest.mark.qt


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_longest_subject_is_shown_whole(qtbot, qapp, make_window, demo_workspace, lang, size):
    with sized_window(make_window, qapp, demo_workspace, lang, size) as window:
        tab = _tickets(window, qtbot)
        frame = tab.cases.model.frame()
        longest = max(frame["case_id"], key=lambda c: len(frame.loc[frame["case_id"] == c, "subject"].iloc[0] or ""))
        subject = frame.loc[frame["case_id"] == longest, "subject"].iloc[0]
        tab.open_item("case", longest)
        editor = tab.case_editor
        qtbot.waitUntil(lambda: editor.text("subject") == subject.strip(), timeout=5000)
        field = editor.fields["subject"]
        assert len(subject) > 60, subject            # the demo has one that needs the room
        found = [f for f in check_widget(field.parentWidget(), lang) if f.kind in ("clipped", "cut", "scrolls")]
        assert not found, report(found)
        # all of it in sight: its lines fit the field's height, nothing to scroll to
        qtbot.waitUntil(lambda: field.verticalScrollBar().maximum() == 0, timeout=3000)
        assert field.document().size().height() <= field.viewport().height()
        # nothing drawn over it (a measuring line edit once sat on the subject's first words)
        from PySide6.QtWidgets import QWidget

        assert not [w for w in field.findChildren(QWidget) if w.isVisible() and w.parentWidget() is field
                    and w is not field.viewport() and not w.inherits("QScrollBar")]
        # one line of text, no line breaks stored (Enter does not add one)
        assert "\n" not in editor.values([])["subject"]
