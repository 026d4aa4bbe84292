"""Run a sync: createReport -> poll getReport -> getReportDocument -> import, per request.

An operation (it composes the sync client, ingest and the store), for ``ui.workers.run_task`` and the CLI: ``progress(fraction)`` and
``cancelled()`` as everywhere. It opens its own workspace connection (it runs on a worker
thread). Each fetched document is kept in ``raw_reports`` before it is imported in one
transaction, so a retry after a failure neither asks Amazon twice nor imports half.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from vendordesk.errors import Cancelled, UserError
from vendordesk.secrets import Credentials
from vendordesk.store import raw_reports
from vendordesk.sync.client import Endpoint, reports_client
from vendordesk.sync.explain import (
    ReportFailed,
    SyncStopped,
    cancelled_error,
    explain,
    fatal_error,
    timeout_error,
)
from vendordesk.sync.plan import ReportRequest
from vendordesk.text import N_, Day, Message, texts

if TYPE_CHECKING:
    from vendordesk.ops.base import OpResult
    from vendordesk.store.db import Workspace

log = logging.getLogger(__name__)
FINISHED = ("DONE", "FATAL", "CANCELLED")


@dataclass(frozen=True)
class SyncOptions:
    poll_seconds: float = 30.0           # Amazon's getReport allows 2 rps; a report takes minutes
    timeout_seconds: float = 3600.0      # give up on a report stuck IN_QUEUE/IN_PROGRESS
    retry_tries: int = 8                 # throttled (429) calls, with the library's back-off
    retry_delay: float = 5.0
    endpoint: Endpoint | None = None     # None: Amazon; tests point at a local fake


@dataclass
class SyncResult:
    imported: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)     # imported by an earlier run
    failures: list[str] = field(default_factory=list)
    import_ids: list[int] = field(default_factory=list)
    stopped: str | None = None                           # why the whole run stopped early
    period: SyncPeriod | None = None                     # what the op asked for (``sync``)

    @property
    def ok(self) -> bool:
        return not self.failures and self.stopped is None

    def summary(self, lang: str | None = None) -> str:
        """"2 reports imported, 1 already in the workspace, 1 failed" in ``lang``."""
        _ = texts(lang)
        parts = [_.ngettext("{n} report imported", "{n} reports imported", len(self.imported),
                            n=len(self.imported)),
                 _("{n} already in the workspace", n=len(self.already))]
        if self.failures:
            parts.append(_("{n} failed", n=len(self.failures)))
        return ", ".join(parts)


class SyncPeriod(NamedTuple):
    """The days a sync asks for and why: ``why`` is "chosen" (given dates), "weeks" (the last N full
    weeks) or ``sync.plan.proposed_period``'s reason; ``known`` is the day the workspace has data to."""

    start: dt.date
    end: dt.date
    why: str
    known: dt.date | None = None

    def note(self, lang: str | None) -> str:
        """One line for the command line: the period in the reader's dates and why it was chosen."""
        _ = texts(lang)
        days = {"start": Day(self.start).text(lang), "end": Day(self.end).text(lang),
                "known": Day(self.known).text(lang) if self.known else ""}
        reasons = {
            "chosen": N_("Period {start} to {end}, as given."),
            "weeks": N_("Period {start} to {end}: the last full weeks, as given."),
            "no_data": N_("Period {start} to {end}: no data in this workspace yet, so the last 4 full weeks."),
            "after_data": N_("Period {start} to {end}: your data runs to {known}, so the time since then, to "
                             "the last full week."),
            "after_sync": N_("Period {start} to {end}: the last sync fetched up to {known}, so the time since "
                             "then, to the last full week."),
            "up_to_date": N_("Period {start} to {end}: your data runs to {known}, past the last full week, so "
                             "the last 4 weeks again, which Amazon may still revise."),
            "lookback": N_("Period {start} to {end}: your data runs to {known}; Amazon keeps only the last 4 "
                           "years, so what it still has, to the last full week."),
        }
        return _(reasons.get(self.why, reasons["chosen"]), **days)


class _Run:
    """One sync run over one workspace connection and one client.

    ``client`` is an ``sp_api.api.Reports`` client; python-amazon-sp-api ships no type hints, so it
    and the responses of its calls are ``Any`` here.
    """

    def __init__(self, ws: Workspace, client: Any, options: SyncOptions, progress: Callable[[float], None],
                 cancelled: Callable[[], bool], sleep: Callable[[float], None]) -> None:
        self.ws, self.client, self.options = ws, client, options
        self.progress, self.cancelled, self.sleep = progress, cancelled, sleep

    def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        from sp_api.util import throttle_retry

        return throttle_retry(tries=self.options.retry_tries, delay=self.options.retry_delay)(fn)(*args, **kwargs)

    def check_cancel(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def fetch(self, request: ReportRequest, report: Callable[[float], None]) -> str:
        """The decoded document for ``request`` (resuming an earlier report when there is one)."""
        from sp_api.base.exceptions import SellingApiNotFoundException

        raw = raw_reports.get(self.ws, request.key())
        report_id = raw.report_id if raw is not None and raw.status == "requested" else None
        try:
            state = self.poll(request, report_id or self.create(request), report)
        except SellingApiNotFoundException:
            if report_id is None:
                raise
            log.info("sync: %s: the earlier report is gone at Amazon; requesting it again", request.label())
            state = self.poll(request, self.create(request), report)
        document_id = state.get("reportDocumentId")
        if state["processingStatus"] != "DONE" or not document_id:
            self.fail(request, state, document_id)
        self.check_cancel()
        document: str | bytes = self.call(self.client.get_report_document, document_id,
                                          download=True).payload["document"]
        if isinstance(document, bytes):
            document = document.decode("utf-8")
        json.loads(document)  # a cut-off plain document fails here, before it is kept
        raw_reports.record_document(self.ws, request.key(), document)
        report(0.8)
        return document

    def create(self, request: ReportRequest) -> str:
        payload = self.call(self.client.create_report, **request.create_kwargs()).payload
        report_id = str(payload["reportId"])
        raw_reports.record_request(self.ws, request.key(), request.report_type, request.marketplace_id,
                                   json.dumps(request.report_options), _iso(request.start), _iso(request.end),
                                   report_id)
        return report_id

    def poll(self, request: ReportRequest, report_id: str, report: Callable[[float], None]) -> dict[str, Any]:
        report(0.15)
        started = time.monotonic()
        while True:
            state: dict[str, Any] = self.call(self.client.get_report, report_id).payload
            status = state.get("processingStatus", "")
            if status in FINISHED:
                return state
            waited = time.monotonic() - started
            if waited >= self.options.timeout_seconds:
                raise timeout_error(request.title(), status, self.options.timeout_seconds / 60)
            report(0.15 + 0.5 * min(1.0, waited / self.options.timeout_seconds))
            self.wait(self.options.poll_seconds)

    def wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.check_cancel()
            self.sleep(min(left, 0.25))

    def fail(self, request: ReportRequest, state: dict[str, Any], document_id: str | None) -> None:
        status = state.get("processingStatus")
        if status == "CANCELLED":
            error = cancelled_error(request.title())
        else:
            details: object = Message(N_("no error document"))
            if document_id:
                text = self.call(self.client.get_report_document, document_id, download=True).payload["document"]
                try:
                    details = json.loads(text).get("errorDetails", text)
                except (ValueError, AttributeError):
                    details = str(text)[:500]
            error = fatal_error(request.title(), details)
        raw_reports.record_fatal(self.ws, request.key(), str(error))
        raise error

    def import_document(self, request: ReportRequest, document: str) -> int:
        from vendordesk.ingest.detect import load_json_text
        from vendordesk.ingest.spapi import parse_document
        from vendordesk.store.facts import write_report

        label = f"SP-API {request.label()}"
        report = parse_document(load_json_text(document, label), label, self.ws.meta("currency"))
        digest = hashlib.sha256(document.encode("utf-8")).hexdigest()
        import_id = write_report(self.ws, report, file_hash=digest)
        raw_reports.record_imported(self.ws, request.key(), import_id)
        return import_id

    def one(self, request: ReportRequest, result: SyncResult, report: Callable[[float], None]) -> None:
        raw = raw_reports.get(self.ws, request.key())
        if raw is not None and raw.status == "imported":
            result.already.append(request.label())
            return
        document = raw.document if raw is not None and raw.status == "fetched" and raw.document else None
        try:
            if document is None:
                document = self.fetch(request, report)
        except (Cancelled, UserError):
            raise
        except Exception as exc:
            raise explain(exc, request.title()) from exc
        self.check_cancel()
        try:
            result.import_ids.append(self.import_document(request, document))
        except UserError as exc:
            raw_reports.record_error(self.ws, request.key(), str(exc))
            raise _failed(exc) from exc
        result.imported.append(request.label())


def deferred(exc: UserError) -> str:
    """What ``exc`` says, kept as a catalogue message (``Message``: English as a ``str``, the reader's
    language in ``text``) when it was raised as one, else its text."""
    english = exc.msgid.format(**exc.values) if exc.values else exc.msgid
    return Message(exc.msgid, **exc.values) if exc.msgid and str(exc) == english else str(exc)


def _failed(exc: UserError) -> ReportFailed:
    """A refused import as one report's failure, in the reader's language where it is shown."""
    return ReportFailed(exc.msgid, **exc.values) if isinstance(deferred(exc), Message) else ReportFailed(str(exc))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def sync_reports(workspace_path: Path | str, requests: list[ReportRequest], credentials: Credentials, *,
                 progress: Callable[[float], None] | None = None, cancelled: Callable[[], bool] | None = None,
                 options: SyncOptions = SyncOptions(), sleep: Callable[[float], None] = time.sleep) -> SyncResult:
    """Fetch and import every request; a failed report does not stop the others."""
    from vendordesk.store import open_workspace

    progress = progress or (lambda _f: None)
    cancelled = cancelled or (lambda: False)
    result = SyncResult()
    ws = open_workspace(workspace_path, create=False)
    client = None
    try:
        marketplace_id = requests[0].marketplace_id if requests else ""
        client = reports_client(credentials, marketplace_id, options.endpoint) if requests else None
        run = _Run(ws, client, options, progress, cancelled, sleep)
        for index, request in enumerate(requests):
            run.check_cancel()

            def report(fraction: float, index: int = index) -> None:
                progress((index + fraction) / len(requests))

            try:
                run.one(request, result, report)
            except ReportFailed as exc:
                log.warning("sync: %s", exc)
                result.failures.append(deferred(exc))
            except SyncStopped as exc:
                log.warning("sync stopped: %s", exc)
                result.stopped = deferred(exc)
                break
            report(1.0)
    finally:
        if client is not None:
            client.close()
        ws.close()
    return result


def sync(workspace_path: Path | str, report_types: list[str], period: str, start: dt.date | None = None,
         end: dt.date | None = None, weeks: int | None = None, view: str = "MANUFACTURING",
         program: str = "RETAIL", progress: Callable[[float], None] | None = None,
         cancelled: Callable[[], bool] | None = None, today: dt.date | None = None) -> OpResult[SyncResult]:
    """The ``vendordesk sync`` op: plan the requests (``start``..``end``; else the last ``weeks`` full
    weeks; else the period the sync dialog proposes from the data, ``proposed_period``), for the
    workspace's marketplace, else the settings', read the keyring's credentials, run them. The value is
    the ``SyncResult`` (its ``period`` says what was asked and why); its changes say facts when
    anything was imported."""
    from vendordesk import secrets, settings
    from vendordesk.changes import Changes
    from vendordesk.ops.base import OpResult
    from vendordesk.store import open_workspace
    from vendordesk.sync.plan import plan_requests

    path, today = Path(workspace_path), today or dt.date.today()
    if (start is None) != (end is None):
        raise UserError(N_("--from and --to go together: give both days, or neither for the period "
                           "proposed from your data."))
    with open_workspace(path, create=False) as ws:
        market = ws.meta("marketplace_id")
        chosen = _period(ws, start, end, weeks, today)
    prefs = settings.load()
    requests = plan_requests(report_types, period, chosen.start, chosen.end, market or prefs.marketplace_id,
                             view, program, today=today)
    credentials = secrets.store().load()
    if credentials is None:
        raise UserError(N_("SP-API credentials are missing from the keyring. Enter them in the app under "
                           "File › Settings › SP-API, then run the sync again."))
    options = SyncOptions(poll_seconds=prefs.sync_poll_seconds, timeout_seconds=prefs.sync_timeout_minutes * 60)
    result = sync_reports(path, requests, credentials, progress=progress, cancelled=cancelled, options=options)
    result.period = chosen
    return OpResult(result, Changes(facts=bool(result.imported)))


def _period(ws: Workspace, start: dt.date | None, end: dt.date | None, weeks: int | None,
            today: dt.date) -> SyncPeriod:
    from vendordesk.sync.plan import last_full_weeks

    if start is not None and end is not None:
        return SyncPeriod(start, end, "chosen")
    if weeks is not None:
        if weeks < 1:
            raise UserError(N_("--weeks {weeks}: choose 1 week or more."), weeks=weeks)
        return SyncPeriod(*last_full_weeks(weeks, today), "weeks")
    return proposed_period(ws, today)


def proposed_period(ws: Workspace, today: dt.date | None = None) -> SyncPeriod:
    """The sync dialog's proposal (``sync.plan.proposed_period``) from this workspace's newest fact and
    its last sync, and the date the workspace has data to (None without data)."""
    from vendordesk.store.facts_read import data_as_of
    from vendordesk.sync import plan

    def day(text: str | None) -> dt.date | None:
        return dt.date.fromisoformat(text[:10]) if text else None

    data_end, synced_end = day(data_as_of(ws)), day(raw_reports.last_imported_end(ws))
    start, end, why = plan.proposed_period(data_end, synced_end, today or dt.date.today())
    known = max((d for d in (data_end, synced_end) if d is not None), default=None)
    return SyncPeriod(start, end, why, known)
