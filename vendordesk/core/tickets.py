"""Rules of the ticket log: dispute windows, reminders, staleness, insight, case e-mails.

Pure Python + pandas; no store, no Qt. Dates are ``datetime.date``; ISO strings are accepted
where noted. Facts come from domain.md §4.3 (disputes, shortages) and §6 (support cases).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from vendordesk.text import N_, Message

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    Mask = npt.NDArray[np.bool_]        # one flag per frame row
    Texts = npt.NDArray[np.object_]     # one ISO date text (or None) per frame row

STATUSES = ("open", "waiting_amazon", "needs_info", "reopened", "resolved")
DISPUTE_STATUSES = ("open", "disputed", "won", "lost", "accepted")
TASK_STATUSES = ("open", "in_progress", "waiting", "done")
CHARGEBACK_KINDS = ("chargeback", "shortage")
DEPARTMENTS = {  # id -> (German, English)
    "marketing": ("Marketing", "Marketing"),
    "sales": ("Vertrieb", "Sales"),
    "logistics": ("Logistik", "Logistics"),
    "production": ("Produktion", "Production"),
    "finance": ("Finanzen", "Finance"),
    "management": ("Geschäftsführung", "Management"),
    "content": ("Content", "Content"),
}
CATEGORIES = ("catalog", "orders_po", "shipments", "receiving_shortages", "chargebacks", "payments",
              "coop", "returns", "costs", "reports", "account", "edi_api", "other")
# Vendor Central's own category names (as pasted from case e-mails or older logs) -> our key.
CATEGORY_ALIASES = {
    "catalog/content": "catalog", "catalogue/content": "catalog", "orders/po": "orders_po",
    "shipments/asn/appointments": "shipments", "shipments/asn": "shipments",
    "receiving/shortages": "receiving_shortages", "chargebacks": "chargebacks", "payments": "payments",
    "payments/invoices": "payments", "co-op/accruals": "coop", "returns/rtv": "returns", "costs": "costs",
    "reports": "reports", "account & users": "account", "account/users": "account",
    "edi/api integration": "edi_api", "edi/api": "edi_api", "other": "other",
}


def department_name(department: Mapping[str, str], lang: str) -> str:
    """A department's stored name in ``lang``: the table keeps one column ``name_<lang>`` per
    language; a language without its column (or an empty one) reads the English name."""
    return department.get(f"name_{lang}") or department["name_en"]


def category_key(value: object) -> str | None:
    """Our category key for a stored value (a key or Amazon's name); None when it is neither."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text in CATEGORIES:
        return text
    return CATEGORY_ALIASES.get(" ".join(text.lower().replace(" / ", "/").split()))

CHARGEBACK_WINDOW_DAYS = 30        # domain.md §4.3: from the day it was raised
MAX_CHARGEBACK_DISPUTES = 2        # rejected twice -> final
SHORTAGE_CLAIM_LEAD_DAYS = 5       # claim appears ~5 days before the invoice due date
SHORTAGE_RECONCILE_DAYS = 35       # automated reconciliation up to 35 days after due date
SHORTAGE_MAX_AGE_MONTHS = 24       # since 2025: disputes only for invoices at most 24 months old
INVOICE_PAYMENT_DAYS = 30          # invoice date -> due date when only the claim date is known (DE: 30 days)
CASE_ID_RE = re.compile(r"^[0-9]{6,15}$")
ASIN_RE = re.compile(r"^[0-9A-Z]{10}$")
DONE_DISPUTE = ("won", "lost", "accepted")


# --- dates -----------------------------------------------------------------------------
_MONTHS = {name: i + 1 for i, names in enumerate([
    ("january", "januar", "jan", "jän"), ("february", "februar", "feb"), ("march", "märz", "mar", "mär", "maerz"),
    ("april", "apr"), ("may", "mai"), ("june", "juni", "jun"), ("july", "juli", "jul"),
    ("august", "aug"), ("september", "sep", "sept"), ("october", "oktober", "oct", "okt"),
    ("november", "nov"), ("december", "dezember", "dec", "dez")]) for name in names}


def parse_date(text: str | dt.date | None) -> dt.date | None:
    """ISO, 01.03.2026, 5.12.26 (two-digit years are 20yy), 01/03/2026 (day first), 1. März 2026,
    March 1, 2026, 1 Mar 2026.

    Returns None for empty input; raises ValueError for text that is not a date.
    """
    if text is None or isinstance(text, dt.date):
        return text
    value = str(text).strip().rstrip(",")
    if not value:
        return None
    found = _find_date(value)
    if found is None:
        raise ValueError(f"not a date: {value!r}")
    return found


def _find_date(text: str) -> dt.date | None:
    """The first date inside a text, or None."""
    patterns = (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: (m[1], m[2], m[3])),
        (r"(\d{1,2})[./](\d{1,2})[./](\d{4})", lambda m: (m[3], m[2], m[1])),
        (r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])", lambda m: (2000 + int(m[3]), m[2], m[1])),
        (r"(\d{1,2})\.?\s+([A-Za-zÄÖÜäöü]{3,9})\.?\s+(\d{4})", lambda m: (m[3], _MONTHS.get(m[2].lower()), m[1])),
        (r"([A-Za-zÄÖÜäöü]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", lambda m: (m[3], _MONTHS.get(m[1].lower()), m[2])),
    )
    for pattern, parts in patterns:
        for match in re.finditer(pattern, text):
            year, month, day = parts(match)
            if month is None:
                continue
            try:
                return dt.date(int(year), int(month), int(day))
            except ValueError:
                continue
    return None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# --- validation ------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input field. severity: "error" refuses, "warning" keeps."""

    field: str
    code: str
    severity: str = "error"
    detail: str = ""

    def message(self) -> str:
        return self.text()

    def text(self) -> Message:
        """The problem as a catalogue message (English as a ``str``, any language in ``text(lang)``)."""
        return Message(MESSAGES[self.code], detail=self.detail)


MESSAGES = {
    "case_id_missing": N_("The case ID is empty. Enter the number from the Amazon case."),
    "case_id_format": N_("The case ID {detail} does not look like an Amazon case number (6-15 digits). Check it."),
    "case_id_duplicate": N_("A case with ID {detail} already exists. Merge into it or change the ID."),
    "subject_missing": N_("The subject is empty. Enter what the case is about."),
    "date_invalid": N_("{detail} is not a date. Use 01.03.2026 or 2026-03-01."),
    "asin_unknown": N_("ASIN {detail} is not in this workspace. It is kept; check the spelling."),
    "asin_format": N_("{detail} is not an ASIN (10 letters or digits). It is kept; check it."),
    "status_invalid": N_("Unknown status {detail}. Use one of: open, waiting_amazon, needs_info, reopened, resolved."),
    "mail_no_case_id": N_("No case ID found in the e-mail. Enter it by hand or paste the full e-mail."),
}


def validate_case(values: Mapping[str, Any], existing_ids: Iterable[str] = (),
                  known_asins: Collection[str] | None = None) -> list[Problem]:
    """Check a case's fields (strings as typed). ``known_asins`` None skips the ASIN check."""
    problems: list[Problem] = []
    case_id = (values.get("case_id") or "").strip()
    if not case_id:
        problems.append(Problem("case_id", "case_id_missing"))
    elif not CASE_ID_RE.match(case_id):
        problems.append(Problem("case_id", "case_id_format", "warning", case_id))
    if case_id and case_id in set(existing_ids):
        problems.append(Problem("case_id", "case_id_duplicate", "error", case_id))
    if not (values.get("subject") or "").strip():
        problems.append(Problem("subject", "subject_missing"))
    status = values.get("status") or "open"
    if status not in STATUSES:
        problems.append(Problem("status", "status_invalid", "error", status))
    for key in ("opened_on", "last_contact_on", "next_follow_up", "resolved_on"):
        try:
            parse_date(values.get(key))
        except ValueError:
            problems.append(Problem(key, "date_invalid", "error", str(values.get(key))))
    for asin in values.get("asins") or ():
        if not ASIN_RE.match(asin):
            problems.append(Problem("asins", "asin_format", "warning", asin))
        elif known_asins is not None and asin not in known_asins:
            problems.append(Problem("asins", "asin_unknown", "warning", asin))
    return problems


# --- chargebacks and shortages -----------------------------------------------------------
def chargeback_dispute_due(raised_on: dt.date) -> dt.date:
    """T24: raised 2024-03-01 -> due 2024-03-31."""
    return raised_on + dt.timedelta(days=CHARGEBACK_WINDOW_DAYS)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


@dataclass(frozen=True)
class ShortageTimeline:
    claim_visible: dt.date     # ~5 days before the invoice due date
    invoice_due: dt.date
    dispute_opens: dt.date     # after automated reconciliation (due + 35 days)
    dispute_closes: dt.date    # 24 months after the INVOICE date -> no more disputes
    invoice_date: dt.date      # given, or assumed: due - 30 days (payment terms)


def shortage_timeline(invoice_due: dt.date | None = None, invoice_date: dt.date | None = None) -> ShortageTimeline:
    """T25: due 2024-05-10 -> visible 2024-05-05, dispute from 2024-06-14; the 24-month limit
    runs from the invoice date (given, else due - 30 days): 2024-04-10 -> 2026-04-10."""
    if invoice_due is None:
        if invoice_date is None:
            raise ValueError("shortage_timeline: give the invoice due date or the invoice date")
        invoice_due = invoice_date + dt.timedelta(days=INVOICE_PAYMENT_DAYS)
    if invoice_date is None:
        invoice_date = invoice_due - dt.timedelta(days=INVOICE_PAYMENT_DAYS)
    return ShortageTimeline(invoice_due - dt.timedelta(days=SHORTAGE_CLAIM_LEAD_DAYS), invoice_due,
                            invoice_due + dt.timedelta(days=SHORTAGE_RECONCILE_DAYS),
                            add_months(invoice_date, SHORTAGE_MAX_AGE_MONTHS), invoice_date)


def _claim_timeline(raised_on: dt.date, invoice_date: dt.date | None) -> ShortageTimeline:
    """A shortage claim's timeline from its claim date (~5 days before the due date) and, when
    known, the invoice date (the 24-month limit counts from it)."""
    return shortage_timeline(raised_on + dt.timedelta(days=SHORTAGE_CLAIM_LEAD_DAYS), invoice_date)


def default_dispute_due(kind: str, raised_on: dt.date, invoice_date: dt.date | None = None) -> dt.date:
    """The deadline to store: chargebacks 30 days after raised; shortages 24 months after the
    invoice date (without it: raised + 5 days = due, due - 30 days = invoice date)."""
    if kind == "shortage":
        return _claim_timeline(raised_on, invoice_date).dispute_closes
    return chargeback_dispute_due(raised_on)


def dispute_opens(kind: str, raised_on: dt.date) -> dt.date:
    """The first day a dispute can be filed: chargebacks at once; shortages after Amazon's
    automated reconciliation, 35 days after the due date (raised + 5 + 35 = raised + 40)."""
    if kind == "shortage":
        return _claim_timeline(raised_on, None).dispute_opens
    return raised_on


def can_dispute(kind: str | None, dispute_status: str | None, dispute_count: int, dispute_due: dt.date | None,
                today: dt.date) -> bool:
    """Still disputable: not settled, under the dispute limit (chargebacks) and before the due date."""
    if dispute_status in DONE_DISPUTE:
        return False
    if kind == "chargeback" and dispute_count >= MAX_CHARGEBACK_DISPUTES:
        return False
    return dispute_due is None or today <= dispute_due


def days_left(due: dt.date | None, today: dt.date) -> int | None:
    return None if due is None else (due - today).days


# --- reminders and staleness (DataFrames from store.tickets frames; ISO date strings) -----
def _iso_col(series: pd.Series, missing: str = "9999-12-31") -> Texts:
    """ISO date strings as a numpy object array (they compare like dates); missing -> ``missing``."""
    import numpy as np
    import pandas as pd

    values = series.to_numpy(dtype=object)
    gone = pd.isna(values) | (values == "")
    return np.where(gone, missing, values)


def _before(series: pd.Series, day: dt.date) -> Mask:
    """ISO dates strictly before ``day``; missing values are not."""
    return _iso_col(series) < day.isoformat()


def _unresolved(frame: pd.DataFrame) -> Mask:
    return (frame["status"] != "resolved").to_numpy(dtype=bool)


def follow_up_mask(cases: pd.DataFrame, today: dt.date, within_days: int = 0) -> Mask:
    """Unresolved and the next follow-up is on or before today + within_days (numpy bool array)."""
    limit = (today + dt.timedelta(days=within_days)).isoformat()
    return _unresolved(cases) & (_iso_col(cases["next_follow_up"]) <= limit)


def stale_mask(cases: pd.DataFrame, today: dt.date, days: int = 14) -> Mask:
    """Unresolved and no contact (or opened, if never contacted) for more than ``days`` days."""
    last = cases["last_contact_on"].where(cases["last_contact_on"].notna(), cases["opened_on"])
    return _unresolved(cases) & _before(last, today - dt.timedelta(days=days))


def due_follow_ups(cases: pd.DataFrame, today: dt.date, within_days: int = 0) -> pd.DataFrame:
    """Unresolved cases whose next follow-up is on or before today + within_days."""
    return cases if cases.empty else cases[follow_up_mask(cases, today, within_days)]


def open_longer_than(cases: pd.DataFrame, today: dt.date, days: int) -> pd.DataFrame:
    """Unresolved cases opened more than ``days`` ago."""
    if cases.empty:
        return cases
    return cases[_unresolved(cases) & _before(cases["opened_on"], today - dt.timedelta(days=days))]


def overdue_tasks(tasks: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    if tasks.empty:
        return tasks
    return tasks[(tasks["status"] != "done").to_numpy(dtype=bool) & _before(tasks["due_on"], today)]


def disputable_mask(chargebacks: pd.DataFrame, today: dt.date) -> Mask:
    """Vectorised ``can_dispute`` over a chargebacks frame -> numpy bool array."""
    import numpy as np

    if chargebacks.empty:
        return np.zeros(0, dtype=bool)
    settled = chargebacks["dispute_status"].isin(DONE_DISPUTE).to_numpy(dtype=bool)
    used_up = ((chargebacks["kind"] == "chargeback")
               & (chargebacks["dispute_count"].astype(int) >= MAX_CHARGEBACK_DISPUTES)).to_numpy(dtype=bool)
    in_time = _iso_col(chargebacks["dispute_due"]) >= today.isoformat()
    return ~settled & ~used_up & in_time


def days_left_series(chargebacks: pd.DataFrame, today: dt.date) -> pd.Series:
    """Days until the dispute deadline while still disputable, else None (object Series)."""
    import pandas as pd

    due = pd.to_datetime(chargebacks["dispute_due"], errors="coerce", format="%Y-%m-%d")
    left = (due - pd.Timestamp(today)).dt.days
    keep = disputable_mask(chargebacks, today) & left.notna().to_numpy(dtype=bool)
    return left.astype(object).where(keep, None)


def dispute_opens_series(chargebacks: pd.DataFrame) -> Texts:
    """ISO date each row's dispute window opens (``dispute_opens``), as a numpy object array."""
    import numpy as np
    import pandas as pd

    raised = pd.to_datetime(chargebacks["raised_on"], errors="coerce", format="%Y-%m-%d")
    shift = np.where((chargebacks["kind"] == "shortage").to_numpy(dtype=bool),
                     SHORTAGE_CLAIM_LEAD_DAYS + SHORTAGE_RECONCILE_DAYS, 0)
    opens = raised + pd.to_timedelta(shift, unit="D")
    texts = opens.dt.strftime("%Y-%m-%d").to_numpy(dtype=object, copy=True)
    texts[opens.isna().to_numpy()] = None
    return texts


def deadlines_within(chargebacks: pd.DataFrame, today: dt.date, days: int = 7) -> pd.DataFrame:
    """Disputable chargebacks/shortages with an action date within ``days``: the dispute due date
    (not passed), or the day a shortage's dispute window opens (still open, not yet disputed).
    Adds ``dispute_opens``, ``action`` (dispute_opens / dispute_due) and ``action_on``."""
    if chargebacks.empty:
        return chargebacks.assign(dispute_opens=[], action=[], action_on=[])
    first, limit = today.isoformat(), (today + dt.timedelta(days=days)).isoformat()
    opens = dispute_opens_series(chargebacks)
    opens_iso = _iso_col(pd_series(opens, chargebacks.index), "0000-00-00")
    disputable = disputable_mask(chargebacks, today)
    due_near = (_iso_col(chargebacks["dispute_due"]) <= limit) & disputable
    opening = ((opens_iso >= first) & (opens_iso <= limit) & disputable
               & (chargebacks["kind"] == "shortage").to_numpy(dtype=bool)
               & (chargebacks["dispute_status"] == "open").to_numpy(dtype=bool))
    out = chargebacks.assign(dispute_opens=opens)
    out["action"] = ["dispute_opens" if o and not d else "dispute_due" for o, d in zip(opening, due_near)]
    out["action_on"] = [op if a == "dispute_opens" else due
                        for a, op, due in zip(out["action"], opens, chargebacks["dispute_due"])]
    return out[due_near | opening]


def pd_series(values: Texts, index: pd.Index) -> pd.Series:
    import pandas as pd

    return pd.Series(values, index=index, dtype=object)


@dataclass
class TodayList:
    follow_ups: pd.DataFrame
    overdue_tasks: pd.DataFrame
    deadlines: pd.DataFrame

    def count(self) -> int:
        return len(self.follow_ups) + len(self.overdue_tasks) + len(self.deadlines)


def today_list(cases: pd.DataFrame, tasks: pd.DataFrame, chargebacks: pd.DataFrame, today: dt.date,
               days: int = 7) -> TodayList:
    return TodayList(due_follow_ups(cases, today), overdue_tasks(tasks, today),
                     deadlines_within(chargebacks, today, days))


# --- insight -----------------------------------------------------------------------------
def median_resolution_days(cases: pd.DataFrame) -> pd.DataFrame:
    """Median days from opened to resolved per category -> DataFrame(category, median_days, resolved)."""
    import pandas as pd

    done = cases[(cases["status"] == "resolved")]
    opened = pd.to_datetime(done["opened_on"], errors="coerce")
    resolved = pd.to_datetime(done["resolved_on"], errors="coerce")
    days = (resolved - opened).dt.days
    keys = done["category"].map(lambda v: category_key(v) or (v if isinstance(v, str) and v else "other"))
    frame = pd.DataFrame({"category": keys, "days": days})
    frame = frame.dropna()
    out = frame.groupby("category")["days"].agg(["median", "count"]).reset_index()
    return out.rename(columns={"median": "median_days", "count": "resolved"})


def chargebacks_by_type_month(chargebacks: pd.DataFrame) -> pd.DataFrame:
    """Amount per month and type -> DataFrame(month 'YYYY-MM', type, amount)."""
    import pandas as pd

    if chargebacks.empty:
        return pd.DataFrame(columns=["month", "type", "amount"])
    frame = pd.DataFrame({"month": chargebacks["raised_on"].astype(str).str[:7],
                          "type": chargebacks["type"].fillna(chargebacks["kind"]),
                          "amount": chargebacks["amount"].astype(float)})
    # as_index=False: the sum is a frame with the group keys as columns (pandas-stubs says Series)
    return cast("pd.DataFrame", frame.groupby(["month", "type"], as_index=False)["amount"].sum())


def recovered_vs_lost(chargebacks: pd.DataFrame, today: dt.date) -> dict[str, float]:
    """recovered: money back; lost: settled or no longer disputable minus recovery; pending: the rest."""
    if chargebacks.empty:
        return {"recovered": 0.0, "lost": 0.0, "pending": 0.0}
    back = chargebacks["recovered_amount"].fillna(0.0).astype(float)
    rest = chargebacks["amount"].astype(float) - back
    pending = disputable_mask(chargebacks, today) | (chargebacks["dispute_status"] == "disputed").to_numpy(dtype=bool)
    return {"recovered": round(float(back.sum()), 2), "lost": round(float(rest[~pending].clip(lower=0).sum()), 2),
            "pending": round(float(rest[pending].sum()), 2)}


# --- Amazon case e-mails ------------------------------------------------------------------
@dataclass
class ParsedMail:
    case_id: str | None = None
    subject: str | None = None
    sent_on: dt.date | None = None
    status: str | None = None
    problems: list[Problem] = field(default_factory=list)


_CASE_ID_PATTERNS = (
    r"(?:case\s*id|case\s*number|case\s*#|case)\s*[:#]?\s*(\d{6,15})",
    r"(?:fall[-\s]*id|fallnummer|fall[-\s]*nr\.?|vorgangsnummer|ihr\s+fall|fall)\s*[:#]?\s*(\d{6,15})",
    r"\[(?:case|fall)[^\]\d]*(\d{6,15})\]",
)
_SUBJECT_RE = r"^\s*(?:subject|betreff)\s*:\s*(.+)$"
_DATE_RE = r"^\s*(?:date|sent|datum|gesendet|gesendet am)\s*:\s*(.+)$"
_STATUS_PHRASES = (  # order matters: the first match wins
    ("resolved", ("has been resolved", "was resolved", "marked as resolved", "case is closed", "has been closed",
                  "wurde gelöst", "als gelöst markiert", "wurde geschlossen", "ist geschlossen")),
    ("reopened", ("reopened", "re-opened", "wieder geöffnet", "wiedereröffnet", "erneut geöffnet")),
    ("needs_info", ("need more information", "need additional information", "please provide", "please send us",
                    "benötigen weitere informationen", "benötigen zusätzliche informationen",
                    "bitte senden sie uns", "bitte stellen sie")),
    ("waiting_amazon", ("working on your case", "we are investigating", "forwarded your case", "escalated",
                        "wir bearbeiten", "weitergeleitet", "wir prüfen", "eskaliert")),
    ("open", ("has been created", "we have received", "thank you for contacting", "wurde erstellt",
              "haben ihre anfrage erhalten", "vielen dank für ihre kontaktaufnahme")),
)


def parse_case_email(text: str) -> ParsedMail:
    """Recognise case ID, subject, date and status in an English or German Amazon case e-mail."""
    mail = ParsedMail()
    for pattern in _CASE_ID_PATTERNS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            mail.case_id = match.group(1)
            break
    subject = re.search(_SUBJECT_RE, text, re.IGNORECASE | re.MULTILINE)
    if subject:
        mail.subject = _clean_subject(subject.group(1))
    date_line = re.search(_DATE_RE, text, re.IGNORECASE | re.MULTILINE)
    mail.sent_on = _find_date(date_line.group(1)) if date_line else _find_date(text)
    lower = text.lower()
    for status, phrases in _STATUS_PHRASES:
        if any(p in lower for p in phrases):
            mail.status = status
            break
    if mail.case_id is None:
        mail.problems.append(Problem("case_id", "mail_no_case_id"))
    return mail


def _clean_subject(subject: str) -> str:
    subject = re.sub(r"^\s*((re|aw|wg|fw|fwd)\s*:\s*)+", "", subject.strip(), flags=re.IGNORECASE)
    subject = re.sub(r"\[?((your|ihr)\s+)?(case|fall)[^\]\d]{0,12}\d{6,15}\]?\s*[-:]?\s*", "", subject,
                     flags=re.IGNORECASE)
    return subject.strip(" -:") or subject
