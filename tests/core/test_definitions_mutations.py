"""Issue 13: tests that kill mutations surviving before (MASE on known weeks only, fr_FR as a
decimal-comma locale, the one "is missing" helper). Worked by hand in the comments."""

import math

import numpy as np
import pandas as pd

from vendordesk.core.forecast.backtest import scores
from vendordesk.core.missing import is_missing, known


def test_mase_counts_only_weeks_with_actuals():
    forecast = np.array([[10.0, 10.0, 10.0, 10.0]])
    actual = np.array([[12.0, np.nan, 8.0, np.nan]])
    train = np.array([[10.0, 12.0, 10.0, 12.0]])
    # naive scale: mean |diff| of 2, 2, 2 = 2; MAE over the 2 known weeks: (2 + 2) / 2 = 2 -> MASE 1.0
    # (dividing by all 4 weeks would give 0.5)
    assert scores(forecast, actual, train)["mase"][0] == 1.0


def test_fr_fr_is_a_decimal_comma_locale():
    from vendordesk.ingest.numbers import decimal_comma, parse_number

    assert decimal_comma("fr_FR") is True
    # "1 234,5" in French: 1234.5, not 1.2345 or 12345
    assert parse_number("1\u202f234,5", "fr_FR") == 1234.5
    assert parse_number("12,5", "fr_FR") == 12.5


def test_is_missing_is_the_one_test():
    assert is_missing(None) and is_missing(float("nan")) and is_missing(np.float64("nan"))
    assert is_missing(pd.NA) and is_missing(pd.NaT)
    assert not is_missing(0.0) and not is_missing(0) and not is_missing("") and not is_missing("x")
    assert known(-0.0) and not known(math.nan)


def test_no_ad_hoc_nan_checks_in_the_number_modules():
    """x != x and x == x are spelled is_missing(x) (the influence modules are still to follow)."""
    import pathlib
    import re

    core = pathlib.Path(__file__).resolve().parents[2] / "vendordesk" / "core"
    pattern = re.compile(r"\b([A-Za-z_][\w.]*) (?:!=|==) \1\b(?![\w.(\[])")
    names = ("gears/kpis", "gears/report", "gears/defs", "gears/manual", "margin", "bridge", "tickets",
             "forecast/supply", "influence/target", "negotiation/analysis", "negotiation/checks",
             "negotiation/levers", "negotiation/model", "negotiation/results")
    offenders = [f"{name}.py:{i}" for name in names
                 for i, line in enumerate((core / f"{name}.py").read_text("utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []
