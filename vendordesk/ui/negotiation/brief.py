"""The negotiation brief as a document: HTML from briefs/, the chart image from ui/, then
preview, print or PDF through ui/printing.py. Used by the tab and by ``vendordesk brief``.

Every function takes the ``audience``: ``amazon`` (the brief to hand over) or ``internal``."""

from __future__ import annotations

from pathlib import Path

from vendordesk.briefs.negotiation import CHART_URL, build_html


def brief_title(analysis, lang: str, audience: str) -> str:
    from vendordesk.briefs.negotiation_amazon import a
    from vendordesk.briefs.negotiation_texts import t

    head = a("title", lang) if audience == "amazon" else t("doc_title", lang)
    return f"{head} – {analysis.case.title}"


def chart_series(analysis, lang: str) -> tuple[list[str], list] | None:
    """(weeks, series) of the brief's chart: ASP and cost price per week, and the requested cost
    from the week of the requested effective date (else the week after the last one) for a quarter
    after it; the weeks run on that far. None without data."""
    import datetime as dt

    from vendordesk.briefs.negotiation_texts import t

    chart = analysis.chart.dropna(subset=["asp"]) if not analysis.chart.empty else analysis.chart
    if chart.empty:
        return None
    weeks = [str(w)[:10] for w in chart["period_start"]]
    series = [(t("lg_asp", lang), "#1565c0", list(chart["asp"].astype(float)), False),
              (t("lg_cost", lang), "#ef6c00", list(chart["unit_cost"].astype(float)), False)]
    requested = analysis.requested_unit_cost
    if requested is None:
        return weeks, series
    last = dt.date.fromisoformat(weeks[-1])
    start = _effective(analysis.case) or last + dt.timedelta(days=7)
    week = last + dt.timedelta(days=7)
    while week <= start + dt.timedelta(weeks=13):
        weeks.append(week.isoformat())
        week += dt.timedelta(days=7)
    series = [(name, color, values + [float("nan")] * (len(weeks) - len(values)), dashed)
              for name, color, values, dashed in series]
    held = [requested if dt.date.fromisoformat(w) + dt.timedelta(days=6) >= start else float("nan") for w in weeks]
    return weeks, series + [(t("lg_req", lang), "#c62828", held, True)]


def _effective(case):
    import datetime as dt

    try:
        return dt.date.fromisoformat(case.effective_date) if case.effective_date else None
    except ValueError:
        return None


def chart_image(analysis, lang: str):
    """ASP, unit cost and the requested cost per week, from zero, in € (ui.brief_charts); None without data."""
    from vendordesk.text import formatter
    from vendordesk.ui.briefs.brief_charts import lines_image

    drawn = chart_series(analysis, lang)
    if drawn is None:
        return None
    unit = formatter(lang).symbol(analysis.case.currency)
    return lines_image(*drawn, lang, unit)


def brief_document(analysis, lang: str, account: dict, audience: str = "internal") -> tuple[str, dict]:
    """(html, images) of the brief; GUI thread (the chart is painted on a QImage)."""
    image = chart_image(analysis, lang)
    html = build_html(analysis, lang, account, has_chart=image is not None, audience=audience)
    return html, ({CHART_URL: image} if image is not None else {})


def write_pdf(analysis, lang: str, account: dict, out: str | Path, audience: str = "internal") -> Path:
    from vendordesk.ui.printing import html_to_pdf

    html, images = brief_document(analysis, lang, account, audience)
    return html_to_pdf(html, out, title=brief_title(analysis, lang, audience), images=images)


def preview_brief(parent, html: str, images: dict) -> None:
    """A modal print preview: the same pages as the PDF (ui.printing)."""
    from vendordesk.ui.printing import preview

    preview(parent, html, images)
