"""One resolver for VendorDesk's folders.

``VENDORDESK_HOME`` overrides everything: data, config, logs and the default workspace all
live below it. Otherwise the per-user folders of platformdirs are used. Core and store
receive paths; they never look them up.
"""

from __future__ import annotations

import os
from pathlib import Path

from vendordesk import APP_NAME, ORG_NAME

HOME_ENV = "VENDORDESK_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The folder that holds workspaces (created on demand)."""
    home = _home_override()
    if home is not None:
        path = home / "data"
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, ORG_NAME, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The folder for settings (created on demand)."""
    home = _home_override()
    if home is not None:
        path = home / "config"
    else:
        import platformdirs

        path = Path(platformdirs.user_config_dir(APP_NAME, ORG_NAME, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The folder for the rotating log file (created on demand)."""
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "vendordesk.log"


def default_workspace() -> Path:
    """Where the workspace lives when none is named: the demo account on first start."""
    return data_dir() / "demo.vendordesk"


def resources_dir() -> Path:
    """Bundled resources, both from a source checkout and from a PyInstaller build."""
    import sys

    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
