"""Issue 17: the price-increase chart drew the requested cost as a flat line over all the history, as
if Amazon had paid it for two years. The dashed line now starts on the requested effective date
(the demo case's 01.02.2027, after its last sales week) and runs a quarter on; a case without a
date starts it after the last week shown."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.test_negotiation_tab import _tab

pytestmark = pytest.mark.qt
QUARTER = 13 * 7 * 86400.0


def _stamp(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()


def _requested_curve(tab, qtbot):
    from vendordesk.ui.negotiation.chart import _labels

    tab.sections.setCurrentWidget(tab.chart_box)
    qtbot.waitUntil(lambda: tab.plot is not None and tab.plot.isVisible())
    curves = {c.name(): c for c in tab.plot.getPlotItem().listDataItems()}
    return curves[_labels(None)[2]], curves[_labels(None)[0]]


def test_the_requested_cost_starts_on_the_effective_date(main_window, qtbot):
    tab = _tab(main_window, qtbot)
    effective = dt.date.fromisoformat(tab.case.effective_date)
    requested, asp = _requested_curve(tab, qtbot)
    xs, ys = requested.getData()
    assert min(xs) == _stamp(effective) and max(xs) == _stamp(effective) + QUARTER
    assert min(asp.getData()[0]) < min(xs)             # the history before it has no requested cost
    assert len(set(ys)) == 1 and ys[0] == pytest.approx(tab.analysis.requested_unit_cost)


def test_without_a_date_it_starts_after_the_last_week(main_window, qtbot):
    from dataclasses import replace

    from vendordesk.ui.negotiation.chart import fill_plot

    tab = _tab(main_window, qtbot)
    _requested_curve(tab, qtbot)
    undated = replace(tab.analysis, case=replace(tab.analysis.case, effective_date=None))
    assert fill_plot(tab.plot, undated)
    requested, asp = _requested_curve(tab, qtbot)
    last_week = max(asp.getData()[0])
    xs, _ys = requested.getData()
    assert min(xs) == last_week + 7 * 86400.0 and max(xs) == min(xs) + QUARTER


def test_the_brief_draws_it_from_the_week_of_the_effective_date(main_window, qtbot):
    """The printed brief's chart (its own painter, ui/briefs/brief_charts) drew the same flat line
    over the history; its weeks now run on past the last sales week to a quarter after the date."""
    import math

    from vendordesk.ui.negotiation.brief import chart_series

    tab = _tab(main_window, qtbot)
    effective = dt.date.fromisoformat(tab.case.effective_date)
    weeks, series = chart_series(tab.analysis, "de")
    asp, _cost, requested = (values for _name, _color, values, _dashed in series)
    days = [dt.date.fromisoformat(w) for w in weeks]
    drawn = [d for d, v in zip(days, requested) if not math.isnan(v)]
    assert drawn[0] <= effective < drawn[0] + dt.timedelta(days=7)      # the week holding the date
    assert drawn[-1] >= effective + dt.timedelta(weeks=13) - dt.timedelta(days=7)
    assert all(math.isnan(v) for d, v in zip(days, requested) if d < drawn[0])
    history = [d for d, v in zip(days, asp) if not math.isnan(v)]
    assert history[-1] < drawn[0] and len(history) > 50                 # no requested cost over the history
