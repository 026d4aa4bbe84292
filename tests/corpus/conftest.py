"""One template workspace per session (a de_DE/EUR/DE account made by importing a good export through
the CLI); each case gets a byte copy of it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.corpus.build_vc import sales_csv
from tests.corpus.harness import vendordesk


@dataclass(frozen=True)
class Template:
    path: Path
    last_id: int    # the highest report_imports id in the template


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Template:
    folder = tmp_path_factory.mktemp("template")
    home = folder / "home"
    home.mkdir()
    good = folder / "first-import.csv"
    good.write_bytes(sales_csv("de_DE", [["B0TPL00001", "1.234,56 €", "12"]]))
    path = folder / "account.vendordesk"
    run = vendordesk(home, "import", "--workspace", str(path), str(good))
    assert run.code == 0, run.err
    assert not Path(str(path) + "-wal").exists()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        last_id = conn.execute("SELECT MAX(id) FROM report_imports").fetchone()[0]
    assert (meta.get("locale"), meta.get("currency"), meta.get("marketplace_id")) == ("de_DE", "EUR", "A1PA6795UKMFR9")
    return Template(path, last_id)


@pytest.fixture(scope="session")
def shared_files(tmp_path_factory) -> Path:
    """Where the big inputs (bombs) are built once and shared by name."""
    return tmp_path_factory.mktemp("shared-inputs")


def pytest_terminal_summary(terminalreporter):
    """One line with the corpus' counts (inputs judged, stored right, refused, failed)."""
    import sys

    module = sys.modules.get("tests.corpus.test_corpus")
    OUTCOMES = getattr(module, "OUTCOMES", None)
    if OUTCOMES:
        counts = {kind: sum(1 for v in OUTCOMES.values() if v == kind) for kind in ("stored right", "refused", "failed")}
        terminalreporter.write_line(f"corpus: {len(OUTCOMES)} inputs, {counts['stored right']} stored right, "
                                    f"{counts['refused']} refused, {counts['failed']} failed")
