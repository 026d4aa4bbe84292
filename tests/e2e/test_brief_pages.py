"""The printed briefs as their readers see them, page by page (pdftotext, one page per form feed),
on the 150-ASIN demo the KAM opens first: no table split over a page break, no empty page."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from vendordesk.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo150(tmp_path_factory):
    from vendordesk.demo import build_demo

    path = tmp_path_factory.mktemp("demo150") / "demo.vendordesk"
    build_demo(path, asins=150, weeks=104, seed=7)
    return path


def page_texts(path) -> list[str]:
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils (.ci/run does)"
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    # NFKC: the PDF's ligatures ("ﬀ" in "offer") and no-break spaces as plain letters and spaces
    return [unicodedata.normalize("NFKC", page) for page in text.split("\f") if page.strip()]


def brief(args: list[str], out, lang: str) -> list[str]:
    assert main(["brief", *args, "--out", str(out), "--lang", lang]) == 0
    return page_texts(out)


@pytest.mark.parametrize("lang, timing, last_row, offer, chart", [
    ("de", "Vorgeschlagener Zeitplan", "Schlussorder zum heutigen EK möglich bis", "Was wir im Gegenzug anbieten",
     "Verkaufspreis und Einkaufspreis im Zeitverlauf"),
    ("en", "Proposed timing", "Final order at the current cost possible until", "What we offer in return",
     "Selling price and cost price over time")])
def test_amazon_brief_keeps_timing_offer_and_chart_on_one_page(demo150, tmp_path, lang, timing, last_row, offer,
                                                               chart):
    """Page 1 ended in the middle of the timing table (its last row alone on page 2), page 2 held
    that row and the short offer, and the chart stood alone on page 3. The timing now starts the
    second page, with the offer and the chart under it: two pages, no table cut."""
    pages = brief(["negotiation", "1", "--workspace", str(demo150), "--audience", "amazon"],
                  tmp_path / "amazon.pdf", lang)
    holding = [i for i, page in enumerate(pages) if timing in page]
    assert len(holding) == 1
    page = pages[holding[0]]
    assert last_row in page and offer in page and chart in page
    assert len(pages) == 2


@pytest.mark.parametrize("lang", ["de", "en"])
def test_management_brief_leaves_no_page_with_a_line_or_two(demo150, tmp_path, lang):
    """The management brief fills two pages to the bottom: a longer sentence on page 2 pushed the
    method's last line ("es erlauben.") alone onto a third page. Every page carries real content."""
    pages = brief(["management", "--workspace", str(demo150)], tmp_path / "management.pdf", lang)
    assert len(pages) == 2
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip() and not line.strip().endswith(f"/{len(pages)}")]
        assert len(lines) > 5, page
