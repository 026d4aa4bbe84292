"""The workspace store: sqlite3 only, no Qt."""

from vendordesk.store.db import Workspace, open_workspace

__all__ = ["Workspace", "open_workspace"]
