"""Run a function under a ``sys.setprofile`` watcher, and always take the watcher off again: the
tests that watch real calls (which functions run, in which order, which clocks are read) share it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def profiled(run: Callable[[], Any], watch: Callable[..., Any]) -> Any:
    """``run()``'s result, with ``watch(frame, event, arg)`` seeing every call while it ran."""
    sys.setprofile(watch)
    try:
        return run()
    finally:
        sys.setprofile(None)
