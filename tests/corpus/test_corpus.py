"""The bad-input corpus: every input through ``vendordesk import``, stored exactly right or refused.

The CLI runs are started ahead, two at a time (the machine has two cores), in the order the tests
will ask for them; each test then judges its own run. Every run has its own copy of the template.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.corpus import (
    cases_chargebacks,
    cases_csv,
    cases_files,
    cases_json,
    cases_numbers,
    cases_public,
)
from tests.corpus.harness import Case, Run, judge, sha256, vendordesk

CASES = (cases_numbers.cases() + cases_csv.cases() + cases_json.cases() + cases_files.cases()
         + cases_chargebacks.cases() + cases_public.cases())
PARAMS = [pytest.param(case, id=case.id, marks=[pytest.mark.slow] if case.slow else []) for case in CASES]
WORKERS = max(1, min(2, os.cpu_count() or 1))
OUTCOMES: dict[str, str] = {}   # case id -> "stored right" | "refused" | "failed" (summed up by conftest)


@dataclass
class Done:
    run: Run
    workspace: Path
    before: str


def run_case(case: Case, template, shared: Path, folder: Path) -> Done:
    ws = folder / "account.vendordesk"
    shutil.copyfile(template.path, ws)
    home = folder / "home"
    home.mkdir()
    inputs = folder / "input"
    inputs.mkdir()
    file = case.write(inputs, shared)
    before = sha256(ws)
    return Done(vendordesk(home, "import", "--workspace", str(ws), str(file)), ws, before)


@pytest.fixture(scope="session")
def corpus_runs(request, template, shared_files, tmp_path_factory):
    wanted = [item.callspec.params["case"] for item in request.session.items
              if getattr(item, "originalname", "") == "test_input_is_stored_right_or_refused"]
    folders = {case.id: tmp_path_factory.mktemp("case") for case in wanted}
    pool = ThreadPoolExecutor(WORKERS)
    futures = {case.id: pool.submit(run_case, case, template, shared_files, folders[case.id]) for case in wanted}
    yield futures
    pool.shutdown(wait=True, cancel_futures=True)


def test_corpus_size_and_ids():
    ids = [case.id for case in CASES]
    assert len(ids) >= 150, f"only {len(ids)} inputs"
    assert len(set(ids)) == len(ids), "case ids repeat"
    assert all(i.isascii() for i in ids), "ids must stay readable ASCII"
    assert len({case.name for case in CASES}) == len(CASES), "two cases write the same file name"


@pytest.mark.parametrize("case", PARAMS)
def test_input_is_stored_right_or_refused(case, corpus_runs, template):
    OUTCOMES[case.id] = "failed"          # until judged
    done = corpus_runs[case.id].result()
    problems = judge(case, done.run, done.workspace, done.before, template.last_id)
    OUTCOMES[case.id] = ("failed" if problems else {0: "stored right", 2: "refused"}.get(done.run.code, "failed"))
    assert not problems, f"{case.id}: exit {done.run.code}; " + "; ".join(problems)
