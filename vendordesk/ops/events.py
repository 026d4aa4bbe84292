"""The event calendar (``vendordesk events``): list, add and remove the KAM's own events."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vendordesk.ops.workspace import WorkspaceArg, opened

if TYPE_CHECKING:
    from vendordesk.core.forecast.calendar import Event


def calendar(workspace: WorkspaceArg, first_year: int, last_year: int) -> list[Event]:
    """Built-in events of the years, corrected and extended by the stored ones (store.events.calendar)."""
    from vendordesk.store.events import calendar as stored

    with opened(workspace) as ws:
        return stored(ws, first_year, last_year)


def add_event(workspace: WorkspaceArg, event: Event) -> int:
    """Store ``event``; the value is its id."""
    from vendordesk.store.events import add_event as store

    with opened(workspace) as ws:
        return store(ws, event)


def remove_event(workspace: WorkspaceArg, event_id: int) -> bool:
    """Remove a stored event; False when there is no such id."""
    from vendordesk.store.events import remove_event as remove

    with opened(workspace) as ws:
        return remove(ws, event_id)
