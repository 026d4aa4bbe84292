"""The one "is this value missing?" test for core: None, NaN (float or numpy) and pandas NA.

A missing value is unknown, never 0; use ``is_missing`` instead of ad hoc ``x != x`` checks.
"""

from __future__ import annotations

import math


def is_missing(value: object) -> bool:
    """True for None, float/numpy NaN and pandas NA/NaT; False for every real number or text."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return True
    try:
        return bool(value != value)  # noqa: PLR0124 - the one NaN test (numpy floating NaN)
    except (TypeError, ValueError):
        return False


def known(value: object) -> bool:
    return not is_missing(value)
