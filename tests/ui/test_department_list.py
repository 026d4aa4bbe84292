"""The printed department task list on the demo, as the window saves it: German dates, gear and
department names (no identifiers), one "today" with the tab, and no "davon 0 überfällig"."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.qt
ISO = re.compile(r"\b20\d\d-\d\d-\d\d\b")
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def _text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace("\xa0", " ")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_saved_task_list_of_the_demo_reads_as_a_document(qtbot, qapp, demo_workspace, tmp_path, lang):
    from tests.ui.test_tickets_desk import _tab
    from vendordesk.core.gears.defs import GEARS
    from vendordesk.ui.i18n import install_language

    try:
        tab = _tab(qtbot, qapp, demo_workspace, lang)
        out = tmp_path / "tasks.pdf"
        tab.department_pdf(str(out))
        text = _text(out)
    finally:
        install_language(qapp, "en")
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 5            # one page per department with tasks
    stand = "Stand 21.11.2026" if lang == "de" else "As of 21/11/2026"
    assert all(stand in page for page in pages if page.strip()), "the data's date, as in the tab"
    assert not ISO.findall(text) and not SNAKE.findall(text)
    gear_ids = {g.id for g in GEARS}
    gear_word = "Zahnrad" if lang == "de" else "Gear"
    named = re.findall(gear_word + r": ([^\n]+?)(?:\s{2,}|\n)", text)
    assert named and not gear_ids & {n.strip() for n in named}, named
    if lang == "de":
        assert "davon 0 überfällig" not in text and "keine überfällig" in text     # finance has none overdue
        assert not re.search(r"\d\d/\d\d/20\d\d", text)
        assert re.search(r"\b\d\d\.\d\d\.2026\b", text)


def test_cli_department_brief_counts_overdue_from_the_same_day_as_the_tab(demo_path, tmp_path):
    """The window printed "Stand 21.11.2026 · 1 überfällig", `vendordesk brief department` the
    calendar's date with every demo task overdue: both count from the ticket log's today."""
    from vendordesk.cli import main

    out = tmp_path / "logistics.pdf"
    assert main(["brief", "department", "--workspace", str(demo_path), "logistics", "--out", str(out)]) == 0
    text = _text(out)
    assert "Stand 21.11.2026" in text


def test_titles_are_cut_at_a_word():
    from vendordesk.briefs.department_needs import short_title

    title = "Küchenwelt Professional Kontaktgrill 1600 W, abnehmbare Platten"    # 62 characters
    assert short_title(title) == "Küchenwelt Professional Kontaktgrill 1600 W …"
    assert short_title("Toaster 2 Scheiben") == "Toaster 2 Scheiben"
