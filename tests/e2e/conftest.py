"""End-to-end tests may render briefs in-process: the CLI then makes a QGuiApplication, which would
leave no room for the QApplication a later widget test needs. Give every e2e test the one
QApplication of pytest-qt first (the CLI reuses an existing instance)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _one_qapplication(qapp):
    return qapp
