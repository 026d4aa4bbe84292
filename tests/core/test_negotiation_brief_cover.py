"""The brief's cover names the case's status as the tab does: a capitalised word in a table cell
(issue 17's PDF pages: the English cover said "draft" beside the tab's "Draft")."""

import re

import pandas as pd
import pytest

from vendordesk.briefs.negotiation import build_html
from vendordesk.core.negotiation import analysis as n


@pytest.mark.parametrize(("lang", "status", "word"), [("en", "draft", "Draft"), ("en", "submitted", "Submitted"),
                                                      ("de", "draft", "Entwurf"), ("de", "submitted", "Eingereicht")])
def test_the_cover_capitalises_the_status(lang, status, word):
    case = n.Case(id=1, title="CPI", status=status, items=[n.Item("B0COVER001", 10.0, 10.5)])
    html = build_html(n.analyse(case, n.Market(weekly=pd.DataFrame(), contra_rate=0.1, target=0.35)), lang)
    assert re.search(rf"<td[^>]*>{word}</td>", html)
