"""Typed, declared user settings with defaults and versioned upgrades (no Qt).

Stored as JSON in ``paths.config_dir() / "settings.json"``. Every setting is declared once in
``Settings`` with its type and default. A file written by an older VendorDesk is upgraded step
by step (``_UPGRADES``); a damaged file is kept aside as ``settings.json.broken`` and the
defaults are used. Credentials are never stored here: see ``vendordesk.secrets``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vendordesk.paths import config_dir

log = logging.getLogger(__name__)
SCHEMA_VERSION = 3
FILE_NAME = "settings.json"
LANGUAGES = ("", "de", "en")             # "" follows the system
SECRET_ROTATION_DAYS = 180               # Amazon: rotate the LWA client secret every 180 days
SECRET_REMIND_DAYS = 30                  # start reminding this many days before
MARKETPLACES = {                         # marketplace id -> (country, default currency)
    "A1PA6795UKMFR9": ("DE", "EUR"), "A1F83G8C2ARO7P": ("UK", "GBP"), "A13V1IB3VIYZZH": ("FR", "EUR"),
    "APJ6JRA9NG5V4": ("IT", "EUR"), "A1RKKUPIHCS9HS": ("ES", "EUR"), "A1805IZSGTT6HS": ("NL", "EUR"),
    "A1C3SOZRARQ6R3": ("PL", "PLN"), "A2NODRKZP88ZB9": ("SE", "SEK"), "AMEN7PMS3EDWL": ("BE", "EUR"),
    "ATVPDKIKX0DER": ("US", "USD"), "A2EUQ1WTGCTBG2": ("CA", "CAD"),
}


@dataclass
class Settings:
    """Every user setting with its default. Rates are fractions (0.35 = 35 %)."""

    language: str = ""
    vendor_code: str = ""
    marketplace_id: str = "A1PA6795UKMFR9"
    currency: str = "EUR"
    net_ppm_target: float = 0.35         # default for workspaces without their own target
    default_workspace: str = ""          # "" = the demo workspace in the data folder
    lwa_secret_set_on: str = ""          # ISO date the LWA client secret was entered
    sync_report_types: list[str] = field(default_factory=lambda: [
        "GET_VENDOR_SALES_REPORT", "GET_VENDOR_TRAFFIC_REPORT", "GET_VENDOR_INVENTORY_REPORT",
        "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT", "GET_VENDOR_FORECASTING_REPORT"])
    sync_poll_seconds: float = 30.0
    sync_timeout_minutes: float = 60.0

    def validated(self) -> Settings:
        """A copy where values outside their allowed range fall back to the default."""
        defaults, fixed = Settings(), dataclasses.replace(self)
        if fixed.language not in LANGUAGES:
            fixed.language = defaults.language
        if not 0.0 <= fixed.net_ppm_target < 1.0:
            fixed.net_ppm_target = defaults.net_ppm_target
        if fixed.sync_poll_seconds <= 0 or fixed.sync_timeout_minutes <= 0:
            fixed.sync_poll_seconds, fixed.sync_timeout_minutes = defaults.sync_poll_seconds, defaults.sync_timeout_minutes
        fixed.currency = fixed.currency.strip().upper()[:3] or defaults.currency
        fixed.vendor_code = fixed.vendor_code.strip().upper()
        return fixed


# --- versioned upgrades: each step takes the raw dict of version N and returns version N+1.
def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept ``lang``, a percent Net PPM target (35) and ``workspace``."""
    raw = dict(raw)
    if "lang" in raw:
        raw["language"] = raw.pop("lang")
    if isinstance(raw.get("net_ppm_target"), (int, float)) and raw["net_ppm_target"] >= 1:
        raw["net_ppm_target"] = raw["net_ppm_target"] / 100.0
    if "workspace" in raw:
        raw["default_workspace"] = raw.pop("workspace")
    return raw


def _v2_to_v3(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2 kept gear thresholds here; they live in the workspace now (store.gears), where
    the KPI gears tab reads them, so the copy here is dropped."""
    raw = dict(raw)
    raw.pop("gear_thresholds", None)
    return raw


_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3}


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring a stored dict up to ``SCHEMA_VERSION``."""
    version = int(raw.get("version", 1))
    while version < SCHEMA_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    raw["version"] = version
    return raw


def from_dict(raw: dict[str, Any]) -> Settings:
    """Typed settings from a stored dict; unknown keys are dropped, wrong types use the default."""
    defaults = Settings()
    values = {}
    for f in dataclasses.fields(Settings):
        if f.name not in raw:
            continue
        value, default = raw[f.name], getattr(defaults, f.name)
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not type(default):
            log.warning("setting %s has the wrong type (%s); using the default", f.name, type(value).__name__)
            continue
        values[f.name] = value
    return Settings(**values).validated()


def to_dict(settings: Settings) -> dict[str, Any]:
    return {"version": SCHEMA_VERSION, **dataclasses.asdict(settings)}


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def load(path: Path | None = None) -> Settings:
    """The stored settings, upgraded; the defaults when there is no (usable) file."""
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text("utf-8"))
        if not isinstance(raw, dict):
            raise TypeError("not a JSON object")
        if int(raw.get("version", 1)) > SCHEMA_VERSION:
            log.warning("%s is from a newer VendorDesk (version %s); reading what we know", path, raw["version"])
            raw["version"] = SCHEMA_VERSION
        return from_dict(upgrade(raw))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        broken = path.with_name(path.name + ".broken")
        log.warning("settings file %s is unusable (%s); kept as %s, using defaults", path, exc, broken.name)
        with contextlib.suppress(OSError):
            os.replace(path, broken)
        return Settings()


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (temp file + rename), so a crash never leaves half a file."""
    path = path or settings_path()
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(to_dict(settings.validated()), indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return path


def secret_rotation(set_on: str, today: dt.date | None = None) -> tuple[int | None, str]:
    """Days until the LWA client secret must be rotated, and "ok", "soon", "overdue" or "unknown"."""
    try:
        start = dt.date.fromisoformat(set_on)
    except ValueError:
        return None, "unknown"
    left = (start + dt.timedelta(days=SECRET_ROTATION_DAYS) - (today or dt.date.today())).days
    if left < 0:
        return left, "overdue"
    return left, "soon" if left <= SECRET_REMIND_DAYS else "ok"
