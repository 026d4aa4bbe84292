"""Credentials: keyring round trip (in-memory backend from conftest), session-only fallback,
refused backends, nothing secret in repr or logs."""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.errors
import pytest

from vendordesk import secrets

CREDS = secrets.Credentials("amzn1.application-oa2-client.0123456789", "amzn1.oa2-cs.v1.SECRETSECRET", "Atzr|REFRESH-TOKEN-XYZ")


def test_round_trip_one_entry_per_field(isolated_env):
    store = secrets.CredentialStore()
    assert store.load() is None
    assert store.save(CREDS) is True
    assert store.load() == CREDS
    assert not store.session_only
    assert isolated_env.store[("VendorDesk", "lwa_client_secret")] == CREDS.lwa_client_secret
    assert {key[1] for key in isolated_env.store} == set(secrets.FIELDS)


def test_empty_value_deletes_the_entry(isolated_env):
    store = secrets.CredentialStore()
    store.save(CREDS)
    store.set("refresh_token", "  ")
    assert store.get("refresh_token") is None
    assert store.load() is None
    assert ("VendorDesk", "refresh_token") not in isolated_env.store


def test_unknown_field_is_refused():
    with pytest.raises(ValueError):
        secrets.CredentialStore().get("password")


class _Failing(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("no")

    def delete_password(self, service, username):
        raise keyring.errors.PasswordDeleteError("no")


def test_failing_keyring_keeps_values_for_the_session_only(caplog):
    keyring.set_keyring(_Failing())
    store = secrets.CredentialStore()
    with caplog.at_level(logging.DEBUG):
        assert store.save(CREDS) is False
    assert store.session_only and "session only" in store.notice
    assert store.load() == CREDS                    # usable for this run
    assert secrets.CredentialStore().load() is None  # a new run must ask again
    for value in CREDS.values():
        assert value not in caplog.text


@pytest.mark.parametrize("backend", ["keyring.backends.null.Keyring", "keyring.backends.fail.Keyring"])
def test_null_and_fail_backends_are_not_trusted(backend):
    import importlib

    module, _, name = backend.rpartition(".")
    keyring.set_keyring(getattr(importlib.import_module(module), name)())
    store = secrets.CredentialStore()
    assert store.save(CREDS) is False
    assert store.session_only and module in store.notice
    assert store.load() == CREDS


def test_plaintext_file_backend_is_refused(tmp_path, monkeypatch):
    fake_alt = type("PlaintextKeyring", (keyring.backend.KeyringBackend,), {
        "priority": 1, "__module__": "keyrings.alt.file",
        "get_password": lambda self, s, u: None,
        "set_password": lambda self, s, u, p: pytest.fail("wrote a secret to a plain file"),
        "delete_password": lambda self, s, u: None})
    keyring.set_keyring(fake_alt())
    store = secrets.CredentialStore()
    assert store.set("lwa_client_secret", "s3cret-value") is False
    assert "keyrings.alt" in store.notice


def test_repr_and_mask_hide_secrets():
    text = repr(CREDS) + str(CREDS)
    for value in CREDS.values():
        assert value not in text
    assert secrets.mask("amzn1.application-oa2-client.0123456789") == "…6789"
    assert secrets.mask("short") == "••••••••"
    assert secrets.mask("") == ""


def test_store_is_a_process_singleton():
    assert secrets.store() is secrets.store()


def test_backend_errors_outside_keyring_errors_fall_back_too():
    class _DBusBroken(_Failing):
        def get_password(self, service, username):
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

        def set_password(self, service, username, password):
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    keyring.set_keyring(_DBusBroken())
    store = secrets.CredentialStore()
    assert store.get("refresh_token") is None and store.session_only
    assert store.save(CREDS) is False and store.load() == CREDS
