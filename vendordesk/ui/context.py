"""What every tab needs: the open workspace and app services."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vendordesk.ops.workspace import Workspace


@dataclass
class AppContext:
    """The GUI thread's view of the app.

    Attributes:
        workspace: the open workspace (connection owned by the GUI thread).
        lang: "de" or "en".
        services: optional hooks set by the main window (e.g. "import_files").
    """

    workspace: Workspace
    lang: str = "de"
    services: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.workspace.path

    @property
    def currency(self) -> str:
        return self.workspace.meta("currency", "EUR") or "EUR"
