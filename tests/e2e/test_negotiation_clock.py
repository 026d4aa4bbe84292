"""``negotiation show --json`` never reads the wall clock (issue 13: the same case gives the same JSON
whatever day it is run). Watched, not faked: ``sys.setprofile`` sees every call of a C function, so
every read of ``date.today``, ``datetime.now`` or ``time.time`` from the command's whole path (commands,
ops, store, core) is caught where it happens. The only read allowed is the workspace's integrity-check
record (store.db: when the file was last checked, which never reaches the output)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import time
from pathlib import Path

import pytest

import vendordesk
from tests.profiled import profiled
from vendordesk.cli import main

pytestmark = pytest.mark.slow
CLOCK = {dt.date.today, dt.datetime.today, dt.datetime.now, dt.datetime.utcnow, time.time, time.time_ns,
         time.localtime, time.gmtime}
ALLOWED = ("vendordesk/store/db.py",)
PACKAGE = str(Path(vendordesk.__file__).resolve().parent)


def _clock_reads(run) -> tuple[object, list[str]]:
    """(``run()``'s result, every clock read from vendordesk code while it ran: "file:line function")."""
    reads: list[str] = []

    def watch(frame, event, arg):
        if event == "c_call" and frame.f_code.co_filename.startswith(PACKAGE) and _is_clock(arg):
            reads.append(f"{frame.f_code.co_filename}:{frame.f_lineno} {arg.__qualname__}")

    return profiled(run, watch), reads


def _is_clock(function) -> bool:
    try:
        return function in CLOCK
    except TypeError:        # an unhashable callable is no clock
        return False


def _cli(args: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    return out.getvalue()


def test_the_watch_sees_a_clock_read_in_vendordesk():
    from vendordesk.core.parsed import date_bounds

    _, reads = _clock_reads(date_bounds)        # "no later than a year from today" reads the clock
    assert [r.rsplit(" ", 1)[1] for r in reads] == ["date.today"]
    assert "vendordesk/core/parsed.py" in reads[0]


def test_negotiation_show_reads_no_clock(demo_path):
    args = ["negotiation", "show", "1", "--workspace", str(demo_path), "--json", "--lang", "en"]
    text, reads = _clock_reads(lambda: _cli(args))
    doc = json.loads(str(text))
    assert doc["as_of"] and doc["net_ppm_source"] in ("reported", "derived")
    assert all(k in s for s in doc["scenarios"] for k in ("vendor_gain", "vendor_gain_net", "euro_neutral_increase"))
    assert [r for r in reads if not any(a in r for a in ALLOWED)] == []
    assert _cli(args) == text
