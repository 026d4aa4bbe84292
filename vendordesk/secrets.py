"""SP-API credentials in the OS keyring: the only module that touches them.

Service ``VendorDesk``, one entry per field (``lwa_app_id``, ``lwa_client_secret``,
``refresh_token``). When no keyring backend works (a Linux box without Secret Service), the
values live in memory for this run only and ``notice`` says so. Never keyrings.alt, never a
file, never a log line with a secret in it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)
SERVICE = "VendorDesk"
FIELDS = ("lwa_app_id", "lwa_client_secret", "refresh_token")
# Backends that do not keep secrets safely (plain files) or at all.
_REFUSED = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")
# keyring.errors.KeyringError, plus what backends leak unwrapped (D-Bus, jeepney, Windows API).
_BACKEND_ERRORS = (Exception,)


@dataclass(frozen=True)
class Credentials:
    lwa_app_id: str
    lwa_client_secret: str
    refresh_token: str

    def __repr__(self) -> str:  # never print the values
        return f"Credentials(lwa_app_id={mask(self.lwa_app_id)!r}, lwa_client_secret='***', refresh_token='***')"

    __str__ = __repr__

    def as_sp_api(self) -> dict[str, str]:
        """The ``credentials=`` dict of python-amazon-sp-api."""
        return {"lwa_app_id": self.lwa_app_id, "lwa_client_secret": self.lwa_client_secret,
                "refresh_token": self.refresh_token}

    def values(self) -> tuple[str, str, str]:
        return self.lwa_app_id, self.lwa_client_secret, self.refresh_token


def mask(value: str | None) -> str:
    """A hint that a value is set, safe to show: the last 4 characters at most."""
    if not value:
        return ""
    return "…" + value[-4:] if len(value) > 12 else "•" * 8


def backend_name() -> str:
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception as exc:
        return f"unavailable ({type(exc).__name__})"
    return f"{type(backend).__module__}.{type(backend).__name__}"


class CredentialStore:
    """Read and write the three fields; falls back to this session's memory, never to a file."""

    def __init__(self) -> None:
        self._session: dict[str, str] = {}
        self.notice = ""

    @property
    def session_only(self) -> bool:
        return bool(self.notice)

    def _backend(self):
        """The keyring module when a safe backend is active, else None (and a notice)."""
        name = backend_name()
        if name.startswith(_REFUSED) or name.startswith("unavailable"):
            self._fall_back(f"no usable keyring backend ({name})")
            return None
        import keyring

        return keyring

    def _fall_back(self, reason: str) -> None:
        if not self.notice:
            log.warning("credentials kept for this session only: %s", reason)
        self.notice = (f"No secure password store (keyring) is available on this computer: {reason}. "
                       "The credentials are kept for this session only; enter them again next time.")

    def get(self, field: str) -> str | None:
        _check(field)
        if field in self._session:
            return self._session[field]
        keyring = self._backend()
        if keyring is None:
            return None
        try:
            return keyring.get_password(SERVICE, field)
        except _BACKEND_ERRORS as exc:
            self._fall_back(type(exc).__name__)
            return None

    def set(self, field: str, value: str) -> bool:
        """Store one field; True when it went to the keyring, False when session-only."""
        _check(field)
        value = value.strip()
        if not value:
            self.delete(field)
            return not self.session_only
        keyring = self._backend()
        if keyring is not None:
            try:
                keyring.set_password(SERVICE, field, value)
                self._session.pop(field, None)
                log.info("credential %s saved in the keyring", field)
                return True
            except _BACKEND_ERRORS as exc:
                self._fall_back(type(exc).__name__)
        self._session[field] = value
        return False

    def delete(self, field: str) -> None:
        _check(field)
        self._session.pop(field, None)
        keyring = self._backend()
        if keyring is None:
            return
        try:
            keyring.delete_password(SERVICE, field)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: nothing to delete
        except _BACKEND_ERRORS as exc:
            self._fall_back(type(exc).__name__)

    def load(self) -> Credentials | None:
        """All three fields, or None when any is missing."""
        values = [self.get(field) for field in FIELDS]
        if not all(values):
            return None
        return Credentials(*values)  # type: ignore[arg-type]

    def save(self, credentials: Credentials) -> bool:
        stored = [self.set(field, value) for field, value in zip(FIELDS, credentials.values(), strict=True)]
        return all(stored)  # every field is written, even after one failed


def _check(field: str) -> None:
    if field not in FIELDS:
        raise ValueError(f"unknown credential field {field!r}")


_store: CredentialStore | None = None


def store() -> CredentialStore:
    """The app-wide credential store (one per process, so session-only values are shared)."""
    global _store
    if _store is None:
        _store = CredentialStore()
    return _store
