"""A local fake of the documented SP-API endpoints on 127.0.0.1, for the real library code path.

Serves the LWA token endpoint (POST /auth/o2/token), the Reports API 2021-06-30 (createReport,
getReport, getReportDocument) and the pre-signed document download (gzip). Knobs switch on
the bad cases: 403 without the Brand Analytics role, FATAL, stuck IN_PROGRESS, throttling, a
cut-off gzip, and a network that goes down.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

APP_ID = "amzn1.application-oa2-client.fake0123456789abcdef"
CLIENT_SECRET = "amzn1.oa2-cs.v1.fakeSECRETfakeSECRETfakeSECRET0042"
REFRESH_TOKEN = "Atzr|IwEBIfakeREFRESHtokenFAKErefreshTOKEN0099"
ACCESS_TOKEN = "Atza|IwEBIfakeACCESStokenFAKE7777"


@dataclass
class Scenario:
    polls_until_done: int = 2
    asins: int = 40
    forbidden: set[str] = field(default_factory=set)      # reportTypes answered with 403
    fatal: set[str] = field(default_factory=set)
    stuck: set[str] = field(default_factory=set)          # IN_PROGRESS forever
    cut_gzip_once: set[str] = field(default_factory=set)  # first download is cut off
    throttle_creates: int = 0                              # the first N createReport calls get 429
    down_after_downloads: int | None = None                # then every request is dropped


@dataclass
class _Report:
    report_id: str
    body: dict
    polls: int = 0


class FakeAmazon:
    """``with FakeAmazon() as fake: fake.endpoint`` -> vendordesk.sync.client.Endpoint."""

    def __init__(self, scenario: Scenario | None = None):
        self.scenario = scenario or Scenario()
        self.reports: dict[str, _Report] = {}
        self.calls: list[tuple[str, str]] = []
        self.downloads = 0
        self.creates = 0
        self._cut: set[str] = set()
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def endpoint(self):
        from vendordesk.sync.client import Endpoint

        return Endpoint(api=self.base, lwa_host=f"127.0.0.1:{self.server.server_address[1]}")

    def __enter__(self) -> FakeAmazon:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def count(self, name: str) -> int:
        return sum(1 for call, _ in self.calls if call == name)

    # --- the API ----------------------------------------------------------------------
    def token(self, form: dict) -> tuple[int, dict]:
        ok = (form.get("client_id") == APP_ID and form.get("client_secret") == CLIENT_SECRET
              and form.get("refresh_token") == REFRESH_TOKEN and form.get("grant_type") == "refresh_token")
        if not ok:
            return 401, {"error": "invalid_client", "error_description": "Client authentication failed"}
        return 200, {"access_token": ACCESS_TOKEN, "refresh_token": REFRESH_TOKEN, "token_type": "bearer",
                     "expires_in": 3600}

    def create(self, body: dict) -> tuple[int, dict]:
        self.creates += 1
        if self.creates <= self.scenario.throttle_creates:
            return 429, {"errors": [{"code": "QuotaExceeded", "message": "You exceeded your quota."}]}
        if not isinstance(body.get("reportOptions", {}), dict):
            return 400, {"errors": [{"code": "InvalidInput", "message": "reportOptions must be an object"}]}
        if body.get("reportType") in self.scenario.forbidden:
            return 403, {"errors": [{"code": "Unauthorized", "message": "Access to requested resource is denied.",
                                     "details": ""}]}
        report_id = str(50000 + len(self.reports) + 1)
        self.reports[report_id] = _Report(report_id, body)
        return 202, {"reportId": report_id}

    def get(self, report_id: str) -> tuple[int, dict]:
        report = self.reports.get(report_id)
        if report is None:
            return 404, {"errors": [{"code": "NotFound", "message": "Report not found"}]}
        report.polls += 1
        kind = report.body["reportType"]
        status = "IN_QUEUE" if report.polls == 1 else "IN_PROGRESS"
        if kind in self.scenario.fatal:
            status = "FATAL"
        elif kind not in self.scenario.stuck and report.polls >= self.scenario.polls_until_done:
            status = "DONE"
        payload = {"reportId": report_id, "reportType": kind, "processingStatus": status,
                   "marketplaceIds": report.body.get("marketplaceIds", []), "createdTime": "2026-11-29T10:00:00Z"}
        if status in ("DONE", "FATAL"):
            payload["reportDocumentId"] = f"amzn1.tortuga.4.eu.{report_id}"
        return 200, payload

    def document(self, document_id: str) -> tuple[int, dict]:
        return 200, {"reportDocumentId": document_id, "url": f"{self.base}/download/{document_id}",
                     "compressionAlgorithm": "GZIP"}

    def download(self, document_id: str) -> bytes | None:
        report = self.reports[document_id.rsplit(".", 1)[-1]]
        kind = report.body["reportType"]
        if kind in self.scenario.fatal:
            content = {"errorDetails": "Report date range exceeds the allowed lookback for this report type."}
        else:
            content = build_document(report.body, self.scenario.asins)
        packed = gzip.compress(json.dumps(content).encode("utf-8"))
        with self._lock:
            self.downloads += 1
            if kind in self.scenario.cut_gzip_once and kind not in self._cut:
                self._cut.add(kind)
                return packed[: len(packed) // 2]
        return packed

    def is_down(self) -> bool:
        limit = self.scenario.down_after_downloads
        return limit is not None and self.downloads >= limit


def _handler(fake: FakeAmazon):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def setup(self) -> None:
            super().setup()  # no Nagle: headers and body leave at once (no 40 ms delayed-ACK stalls)
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def _send(self, status: int, payload: dict | bytes, content_type: str = "application/json") -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _authorised(self) -> bool:
            if self.headers.get("x-amz-access-token") == ACCESS_TOKEN:
                return True
            self._send(403, {"errors": [{"code": "Unauthorized", "message": "Access token is missing or invalid"}]})
            return False

        def _dropped(self) -> bool:
            if fake.is_down():
                self.close_connection = True
                return True
            return False

        def do_POST(self) -> None:
            body = self._body()
            if self._dropped():
                return
            path = self.path.split("?")[0]
            if path == "/auth/o2/token":
                form = {k: v[0] for k, v in parse_qs(body.decode("utf-8")).items()}
                fake.calls.append(("token", ""))
                self._send(*fake.token(form))
            elif path == "/reports/2021-06-30/reports" and self._authorised():
                fake.calls.append(("createReport", body.decode("utf-8")))
                self._send(*fake.create(json.loads(body or b"{}")))

        def do_GET(self) -> None:
            if self._dropped():
                return
            path = self.path.split("?")[0]
            if path.startswith("/download/"):
                fake.calls.append(("download", path))
                self._send(200, fake.download(path.rsplit("/", 1)[-1]), "application/octet-stream")
            elif path.startswith("/reports/2021-06-30/reports/") and self._authorised():
                fake.calls.append(("getReport", path))
                self._send(*fake.get(path.rsplit("/", 1)[-1]))
            elif path.startswith("/reports/2021-06-30/documents/") and self._authorised():
                fake.calls.append(("getReportDocument", path))
                self._send(*fake.document(path.rsplit("/", 1)[-1]))
            elif not path.startswith("/reports/"):
                self._send(404, {"errors": [{"code": "NotFound", "message": path}]})

    return Handler


# --- documents following amzn/selling-partner-api-models schemas/reports ------------------
def _periods(body: dict) -> list[tuple[str, str]]:
    start = dt.date.fromisoformat(body["dataStartTime"][:10])
    end = dt.date.fromisoformat(body["dataEndTime"][:10])
    step = 7 if body.get("reportOptions", {}).get("reportPeriod") == "WEEK" else 1
    out = []
    while start <= end:
        last = min(end, start + dt.timedelta(days=step - 1))
        out.append((start.isoformat(), last.isoformat()))
        start = last + dt.timedelta(days=1)
    return out


def _money(amount: float) -> dict:
    return {"amount": round(amount, 2), "currencyCode": "EUR"}


def asin(i: int) -> str:
    return f"B0FAKE{i:04d}"


def _sales(i: int, w: int) -> dict:
    units = 10 + (i * 7 + w * 3) % 23
    return {"orderedRevenue": _money(units * 19.99), "orderedUnits": units, "shippedCogs": _money(units * 11.5),
            "shippedRevenue": _money(units * 19.5), "shippedUnits": units, "customerReturns": i % 3}


def _row(kind: str, i: int, w: int) -> dict:
    if kind == "GET_VENDOR_SALES_REPORT":
        return _sales(i, w)
    if kind == "GET_VENDOR_TRAFFIC_REPORT":
        return {"glanceViews": 200 + (i * 13 + w) % 97}
    if kind == "GET_VENDOR_INVENTORY_REPORT":
        return {"procurableProductOutOfStockRate": round((i % 5) / 100, 4), "sellableOnHandInventoryUnits": 100 + i,
                "sellableOnHandInventoryCost": _money((100 + i) * 11.5), "openPurchaseOrderUnits": 20 + w,
                "vendorConfirmationRate": 0.93, "receiveFillRate": 0.97}
    return {"netPureProductMargin": round(0.3 + (i % 10) / 100, 4)}


_KEYS = {"GET_VENDOR_SALES_REPORT": "sales", "GET_VENDOR_TRAFFIC_REPORT": "traffic",
         "GET_VENDOR_INVENTORY_REPORT": "inventory", "GET_VENDOR_NET_PURE_PRODUCT_MARGIN_REPORT": "netPureProductMargin"}


def build_document(body: dict, asins: int) -> dict:
    kind = body["reportType"]
    spec = {"reportType": kind, "reportOptions": body.get("reportOptions", {}), "lastUpdatedDate": "2026-11-28",
            "marketplaceIds": body.get("marketplaceIds", ["A1PA6795UKMFR9"])}
    if kind == "GET_VENDOR_FORECASTING_REPORT":
        first = dt.date(2026, 11, 29)
        rows = [{"forecastGenerationDate": "2026-11-22", "asin": asin(i),
                 "startDate": (first + dt.timedelta(weeks=w)).isoformat(),
                 "endDate": (first + dt.timedelta(weeks=w, days=6)).isoformat(),
                 "meanForecastUnits": 10.0 + i, "p70ForecastUnits": 12.0 + i, "p80ForecastUnits": 14.0 + i,
                 "p90ForecastUnits": 17.0 + i} for i in range(asins) for w in range(12)]
        return {"reportSpecification": spec, "forecastByAsin": rows}
    spec.update(dataStartTime=body["dataStartTime"], dataEndTime=body["dataEndTime"])
    key = _KEYS[kind]
    periods = _periods(body)
    aggregate = [{"startDate": s, "endDate": e, **_row(kind, 0, w)} for w, (s, e) in enumerate(periods)]
    by_asin = [{"startDate": s, "endDate": e, "asin": asin(i), **_row(kind, i, w)}
               for w, (s, e) in enumerate(periods) for i in range(asins)]
    return {"reportSpecification": spec, f"{key}Aggregate": aggregate, f"{key}ByAsin": by_asin}
