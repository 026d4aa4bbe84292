"""A shown main window in one language at one screen size; English is installed again afterwards."""

from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def sized_window(make_window, qapp, workspace, lang: str, size: tuple[int, int]):
    from vendordesk.ui.i18n import install_language

    try:
        window = make_window(workspace, lang)
        window.resize(*size)
        yield window
    finally:
        install_language(qapp, "en")
