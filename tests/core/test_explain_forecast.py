"""The explanation compares Amazon's forecast like with like: the same weeks last year, or the
weeks right before; never August with the Q4 build."""

from __future__ import annotations

import pandas as pd
import pytest

from vendordesk.core.influence.explain import compare_like_with_like, explain_change


def weekly(values: dict) -> pd.DataFrame:
    return pd.DataFrame({"total": list(values.values())}, index=list(values.keys()))


def weeks(start: str, n: int) -> list[str]:
    return [d.strftime("%Y-%m-%d") for d in pd.date_range(start, periods=n, freq="7D")]


def q4_account(with_last_year: bool):
    """Forecast 100 a week, 128 from October (the Q4 build); 20 % higher than a year before."""
    days = weeks("2025-01-05" if with_last_year else "2026-01-04", 104 if with_last_year else 52)
    f = {d: (128.0 if d[5:7] in ("10", "11", "12") else 100.0) * (1.2 if d >= "2026" else 1.0) for d in days}
    return weekly(f)


AUG = ("2026-08-02", "2026-08-23")
NOV = ("2026-11-01", "2026-11-22")


def test_august_vs_the_q4_build_without_last_year_says_nothing():
    # 128 x 1.2 vs 100 x 1.2 would be "+28 %": a season, not a response
    assert compare_like_with_like(q4_account(False), AUG, NOV, 2) is None


def test_with_last_year_the_same_weeks_are_compared():
    change, basis, compared = compare_like_with_like(q4_account(True), AUG, NOV, 2)
    # Nov 15 - Dec 6 2026 (two weeks later): 153.6 a week; the same weeks of 2025: 128 -> +20 %
    assert basis == "last_year" and compared == ("2026-11-15", "2026-12-06")
    assert change == pytest.approx(153.6 / 128 - 1)


def test_adjacent_periods_compare_with_the_weeks_before():
    f = weekly({d: (100.0 if d < "2026-03-01" else 90.0) for d in weeks("2026-01-04", 20)})
    a, b = ("2026-01-25", "2026-02-15"), ("2026-02-22", "2026-03-15")
    change, basis, _ = compare_like_with_like(f, a, b, 2)
    # Mar 8 - Mar 29: 90 a week; Feb 8 - Mar 1: 100, 100, 100, 90 = 97.5 -> 90 / 97.5 - 1 = -7.7 %
    assert basis == "previous" and change == pytest.approx(90 / 97.5 - 1)


def test_the_sentence_says_which_comparison():
    days = weeks("2025-01-05", 104)
    frame = pd.DataFrame([{"asin": "B1", "period_start": d, "ordered_units": 100.0 if d < "2026-10" else 80.0}
                          for d in days])
    f = q4_account(True)
    f.columns = ["B1"]
    text = explain_change(frame, AUG, NOV, forecast=f, lang="de").text
    assert "Vorjahreswochen" in text and "+28" not in text and "28 %" not in text
    en = explain_change(frame, AUG, NOV, forecast=f, lang="en").text
    assert "20% above the same weeks last year" in en
