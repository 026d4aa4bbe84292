"""What every operation takes and returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from vendordesk.changes import Changes

T = TypeVar("T")
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


def no_progress(_fraction: float) -> None:
    """The progress callback of a caller that shows none."""


def never_cancelled() -> bool:
    return False


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """An operation's value, what it changed in the workspace, and what the user should read."""

    value: T
    changes: Changes = field(default_factory=Changes)
    warnings: tuple[str, ...] = ()
