"""Run one corpus case through the real CLI and judge the outcome.

A case is right when it is either (a) stored exactly as the file meant it (exit 0, values read back
with sqlite3 equal the ones computed by hand in the case) or (b) refused (exit 2, the message names
the file and, where it matters, the row and field; the workspace is byte-identical and no -wal is
left). Anything else (exit 1, a traceback, exit 0 with wrong numbers or missing rows) fails.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 120
MEMORY_LIMIT = 3 << 30   # address space per CLI run: a bomb fails fast instead of filling the machine


# Taken once, at import: the corpus starts CLI runs from worker threads while each test's fixtures
# set and restore variables in os.environ, and iterating os.environ during a change raises KeyError.
_BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VENDORDESK"))}


def cli_env(home: Path) -> dict[str, str]:
    env = dict(_BASE_ENV)
    env.update(PYTHONPATH=str(REPO), HOME=str(home), VENDORDESK_HOME=str(home / "vendordesk"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"),
               QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return env


def _limit_memory(pid: int) -> None:
    """Cap the child's address space (set from outside: preexec_fn is unsafe with threads)."""
    import contextlib
    import resource

    with contextlib.suppress(ProcessLookupError):   # already gone: nothing left to cap
        resource.prlimit(pid, resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@dataclass
class Run:
    code: int
    out: str
    err: str
    peak_mb: float = 0.0   # the CLI process's peak resident memory

    @property
    def text(self) -> str:
        return self.out + "\n" + self.err


# The CLI's own high-water mark (VmHWM of its memory map), written at exit. wait4's ru_maxrss is not
# enough: a forked child starts with the parent's resident pages, so a big pytest process would
# count as the CLI's peak.
PEAK_LAUNCHER = """
import atexit, os, runpy, sys
def _peak():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmHWM:'):
                with open(os.environ['VENDORDESK_PEAK_FILE'], 'w') as out:
                    out.write(line.split()[1])
atexit.register(_peak)
sys.argv = ['vendordesk', *sys.argv[1:]]
runpy.run_module('vendordesk', run_name='__main__', alter_sys=True)
"""


def _own_peak_mb(path: Path, fallback: float) -> float:
    try:
        return int(path.read_text()) / 1024
    except (OSError, ValueError):
        return fallback


def vendordesk(home: Path, *args: str, cwd: Path | None = None) -> Run:
    """``python -m vendordesk ARGS`` from this repository, with its own HOME; measures peak memory."""
    import tempfile
    import threading

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        env = cli_env(home) | {"VENDORDESK_PEAK_FILE": str(peak_file)}
        launcher = [sys.executable, "-c", PEAK_LAUNCHER] if Path("/proc/self/status").exists() else \
            [sys.executable, "-m", "vendordesk"]
        child = subprocess.Popen([*launcher, *args], stdout=out, stderr=err,
                                 stdin=subprocess.DEVNULL, env=env, cwd=cwd or home)
        _limit_memory(child.pid)
        timer = threading.Timer(TIMEOUT, child.kill)
        timer.start()
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(child.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   _own_peak_mb(peak_file, usage.ru_maxrss / 1024))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- what a case expects ----------------------------------------------------------------------
@dataclass
class Stored:
    """Outcome (a): the facts one import must leave, per table: {asin: {column: value}}.

    ``warn``: words that must all appear in the output (an assumption has to be named).
    ``check``: extra read-back for cases the tables alone cannot express.
    """

    table: str = "sales_facts"
    rows: dict[str, dict[str, float | str | None]] = field(default_factory=dict)
    currency: str | None = None
    marketplace: str | None = None
    period: tuple[str, str] | None = None
    warn: tuple = ()
    check: Callable[[sqlite3.Connection, int | None], None] | None = None
    new_imports: int | None = 1   # None: do not count report_imports rows (chargebacks)


@dataclass
class Refused:
    """Outcome (b): exit 2. ``rows``: accepted row numbers (file line or data-row index);
    ``field``: a column header or JSON field the message must name."""

    rows: tuple[int, ...] = ()
    field: str | None = None


@dataclass
class Case:
    id: str
    name: str                                   # the file's name (it must appear in a refusal)
    data: bytes | Callable[[Path], bytes | None]
    stored: Stored | tuple[Stored, ...] | None = None   # several: any one of them is right
    refused: Refused | None = None
    slow: bool = False
    max_peak_mb: float | None = None            # bounded memory: the CLI's peak RSS must stay below
    output_check: Callable[[Run], list[str]] | None = None

    def write(self, folder: Path, shared: Path) -> Path:
        path = folder / self.name
        data = self.data(shared) if callable(self.data) else self.data
        if data is not None:
            path.write_bytes(data)
        else:   # the builder made a shared file; link it under the case's name
            os.symlink(shared / self.name, path)
        return path


# --- judging ----------------------------------------------------------------------------------
def close(got, want) -> bool:
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, str):
        return got == want
    return isinstance(got, (int, float)) and math.isfinite(got) and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)


def _rows_of(conn: sqlite3.Connection, table: str, import_id: int) -> dict[str, dict]:
    cursor = conn.execute(f"SELECT * FROM {table} WHERE import_id = ?", (import_id,))
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row)) for row in cursor.fetchall()}


def stored_problems(ws: Path, start_id: int, want: Stored) -> list[str]:
    """What differs between the workspace and the expected facts (empty: all right)."""
    with sqlite3.connect(f"file:{ws}?mode=ro", uri=True) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM report_imports WHERE id > ? ORDER BY id", (start_id,))]
        if want.new_imports is not None and len(ids) != want.new_imports:
            return [f"expected exactly one new import, found {len(ids)}"]
        import_id = ids[0] if ids else None
        problems = []
        if want.rows:
            got = _rows_of(conn, want.table, import_id)
            if set(got) != set(want.rows):
                problems.append(f"{want.table}: ASINs {sorted(map(repr, got))}, expected {sorted(map(repr, want.rows))}")
            for asin, columns in want.rows.items():
                row = got.get(asin)
                for column, value in columns.items():
                    if row is not None and not close(row.get(column), value):
                        problems.append(f"{want.table} {asin} {column} = {row.get(column)!r}, expected {value!r}")
                if row is not None and want.currency and "currency" in row and row["currency"] != want.currency:
                    problems.append(f"{asin}: currency {row['currency']!r}, expected {want.currency!r}")
                if row is not None and want.marketplace and row["marketplace_id"] != want.marketplace:
                    problems.append(f"{asin}: marketplace {row['marketplace_id']!r}, expected {want.marketplace!r}")
                if row is not None and want.period and (row["period_start"], row["period_end"]) != want.period:
                    problems.append(f"{asin}: period {row['period_start']}..{row['period_end']}, expected {want.period}")
        if want.check:
            try:
                want.check(conn, import_id)
            except AssertionError as exc:
                problems.append(f"check: {exc}")
    return problems


def warnings_of(run: Run) -> str:
    """The warnings a run printed: stdout lines that say so, and all of stderr."""
    said = [line for line in run.out.splitlines() if re.search(r"warn|hinweis|achtung", line, re.IGNORECASE)]
    return "\n".join(said) + "\n" + run.err


def _mentions(text: str, word: str) -> bool:
    if word.isupper() and len(word) <= 3:          # a code such as EUR or DE: the word itself
        return re.search(rf"\b{re.escape(word)}\b", text) is not None
    return word.lower() in text.lower()


def warn_problems(run: Run, words: tuple) -> list[str]:
    """Each entry must appear in a warning; a tuple entry: any one of its words."""
    text = warnings_of(run)
    missing = [w for w in words if not any(_mentions(text, a) for a in ((w,) if isinstance(w, str) else w))]
    return [f"exit 0 without a warning naming {missing}: {run.text.strip()[:400]}"] if missing else []


_ROW = re.compile(r"\b(?:rows?|lines?|zeilen?|lignes?)\s*(\d+)", re.IGNORECASE)


def refusal_problems(run: Run, name: str, want: Refused) -> list[str]:
    problems = []
    shown = name.replace("\n", "\\n").replace("\r", "\\r")
    if name not in run.err and shown not in run.err and name.split("\n")[-1] not in run.err:
        problems.append(f"stderr does not name the file {name!r}")
    said = run.err
    for form in (name, shown, name.split("\n")[-1]):   # the file name itself does not count as row or field
        said = said.replace(form, "<file>")
    if want.rows and not set(map(int, _ROW.findall(said))) & set(want.rows):
        problems.append(f"stderr does not name row {' or '.join(map(str, want.rows))}")
    if want.field and want.field.lower() not in " ".join(said.lower().split()):
        problems.append(f"stderr does not name the field {want.field!r}")
    return problems


def judge(case: Case, run: Run, ws: Path, before: str, start_id: int) -> list[str]:
    """Every way the run breaks the rules; empty when it is (a) or (b) as the case allows."""
    problems = case.output_check(run) if case.output_check else []
    if case.max_peak_mb is not None and run.peak_mb > case.max_peak_mb:
        problems.append(f"peak memory {run.peak_mb:.0f} MB, more than {case.max_peak_mb:.0f} MB")
    if "Traceback" in run.text:
        problems.append("a traceback in the output")
    if run.code == 0:
        wanted = case.stored if isinstance(case.stored, tuple) else (case.stored,) if case.stored else ()
        if not wanted:
            return problems + [f"exit 0, but this input must be refused: {run.text.strip()[:400]}"]
        tries = [stored_problems(ws, start_id, w) + warn_problems(run, w.warn) for w in wanted]
        best = min(tries, key=len)
        return problems + best
    if run.code == 2:
        if case.refused is None:
            problems.append("refused (exit 2), but this input must be imported")
        problems += refusal_problems(run, case.name, case.refused or Refused())
        if sha256(ws) != before:
            problems.append("the workspace changed although the file was refused")
        if Path(str(ws) + "-wal").exists():
            problems.append("a -wal file is left beside the workspace")
        return problems
    return problems + [f"exit {run.code}: {run.err.strip()[-600:]}"]
