"""Shared fixtures. No Qt here: pure tests must run without PySide6."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def fresh_token_cache():
    """python-amazon-sp-api caches access tokens per refresh token across clients: a sync test
    starts and ends without them (``pytestmark = pytest.mark.usefixtures("fresh_token_cache")``)."""
    from sp_api.auth import access_token_client

    access_token_client.cache.clear()
    yield
    access_token_client.cache.clear()


class MemoryKeyring:
    """An in-memory keyring backend (never the real keychain in tests)."""

    def __new__(cls):
        import keyring.backend

        class _Memory(keyring.backend.KeyringBackend):
            priority = 1

            def __init__(self):
                super().__init__()
                self.store: dict[tuple[str, str], str] = {}

            def get_password(self, service, username):
                return self.store.get((service, username))

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def delete_password(self, service, username):
                import keyring.errors

                if (service, username) not in self.store:
                    raise keyring.errors.PasswordDeleteError(username)
                del self.store[(service, username)]

        return _Memory()


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory, monkeypatch):
    """Every test: its own VENDORDESK_HOME and HOME, an in-memory keyring."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("VENDORDESK_HOME", str(home / "vendordesk"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    import keyring

    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def workspace(tmp_path):
    """A new, empty, migrated workspace."""
    from vendordesk.store import open_workspace

    ws = open_workspace(tmp_path / "test.vendordesk")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    from vendordesk.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.vendordesk"
    build_demo(path, asins=30, weeks=104, seed=7)
    return path


@pytest.fixture
def demo_path(_demo_template, tmp_path) -> Path:
    """A private copy of a small demo workspace (30 ASINs x 104 weeks)."""
    path = tmp_path / "demo.vendordesk"
    shutil.copy(_demo_template, path)
    return path


@pytest.fixture
def demo_workspace(demo_path):
    from vendordesk.store import open_workspace

    ws = open_workspace(demo_path)
    yield ws
    ws.close()
