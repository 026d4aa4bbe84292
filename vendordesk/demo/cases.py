"""Support cases with timelines, and tasks delegated to departments, tied to the simulated stories."""

from __future__ import annotations

from datetime import date, timedelta

from vendordesk.text import N_, texts

ASSIGNEES = {"marketing": "L. Fischer", "sales": "M. Becker", "logistics": "S. Yilmaz",
             "production": "J. Hoffmann", "finance": "A. Schulz", "management": "T. Wagner",
             "content": "K. Nguyen"}
# Contacts in the KAM's language (chosen when the demo is written); Amazon's support sometimes
# answers in English whatever the language, as it does in real life.
REPLIES = (N_("Thank you for your patience. We have passed the case on to the responsible team."),
           "Thank you for contacting Vendor Central Support. We are looking into this.",
           N_("Please send us a screenshot and the ASINs concerned."),
           N_("The specialist team is reviewing your request. We will get back to you within 3–5 business days."))
FOLLOWUPS = (N_("Follow-up: is there any news?"), N_("Please escalate to the specialist team."),
             N_("Proof (POD / screenshot) attached."), "Following up on this case, please advise.")
COST_BREAKDOWN = N_("Please send a breakdown of the costs.")


class _Ids:
    """Case IDs as text: 10-11 digits, some with a leading zero."""

    def __init__(self, rng):
        self.rng, self.seen = rng, set()

    def next(self) -> str:
        while True:
            digits = "".join(str(d) for d in self.rng.integers(0, 10, 11))
            case = "0" + digits[1:10] if self.rng.random() < 0.2 else ("1" + digits[1:])
            if case not in self.seen:
                self.seen.add(case)
                return case


def build_cases(ctx: dict, tables: dict) -> dict[str, list[tuple]]:
    """Tickets (with links and events), chargeback case links and delegated tasks."""
    specs = _ticket_specs(ctx, tables)
    ids = _Ids(ctx["rng"])
    tickets, links, events = [], [], []
    for spec in specs:
        case = ids.next()
        spec["case_id"] = case
        tickets.append(_ticket_row(spec, ctx["end"]))
        links += [(case, kind, ref) for kind, ref in spec["links"]]
        events += _events(spec, ctx["rng"], ctx.get("lang", "de"))
    _link_chargebacks(specs, tables["chargebacks"])
    return {"tickets": tickets, "ticket_links": links, "ticket_events": events,
            "tasks": _tasks(ctx, specs)}


def _spec(subject, category, gear, dept, status, opened, last, esc=0, links=(), tag=None, **extra) -> dict:
    """``tag``: the name a delegated task finds its case by (demo/task_list.py), in any language."""
    return dict(subject=subject, category=category, gear=gear, dept=dept, status=status, opened=opened,
                last=last, esc=esc, links=list(links), tag=tag, **extra)


# The subjects in the KAM's language. Kept as Vendor Central names them in German too: Buy Box, CRaP,
# A+ Content, Carrier Central, EDI 856 (ASN), POD, MDF, RMA, Co-op (Amazon's product, system and
# program names, shown in English in a German Vendor Central) and an error text quoted from Amazon.
def _ticket_specs(ctx: dict, tables: dict) -> list[dict]:
    cat, end, st = ctx["cat"], ctx["end"], ctx["stories"]
    _ = texts(ctx.get("lang", "de"))
    d = lambda days: end - timedelta(days=days)
    asin = cat.asins
    specs = []
    for k, i in enumerate(st.oos_spiral):
        specs.append(_spec(_("Order quantities for {asin} ({model}) too low for weeks – check the forecast",
                             asin=asin[i], model=cat.models[i]),
                           "Orders/PO", "forecast_ordering", "sales", "waiting_amazon", d(48 - 3 * k), d(19 + k),
                           esc=1, links=[("asin", asin[i])], tag="orders"))
    if st.oos_spiral:
        i = st.oos_spiral[0]
        specs.append(_spec(_("Buy Box lost to a third-party seller while out of stock ({asin})", asin=asin[i]),
                           "Catalog/content", "price_buybox", "sales", "open", d(30), d(23), links=[("asin", asin[i])]))
    for i in st.crap_risk:
        specs.append(_spec(_("CRaP notice for {asin}: advertising restricted, please advise", asin=asin[i]), "Costs",
                           "profitability_terms", "management", "needs_info", d(20), d(3), esc=1,
                           links=[("asin", asin[i])], tag="crap"))
    if st.margin_squeeze:
        specs.append(_spec(_("Amazon's price of the hand blender range below RRP – did a price change follow?"),
                           "Costs", "price_buybox", "sales", "reopened", d(70), d(9),
                           links=[("asin", asin[j]) for j in st.margin_squeeze[:3]]))
    for k, i in enumerate(st.quality_overstock):
        specs.append(_spec(_("Negative reviews on {asin}: faulty batch, have the reviews checked", asin=asin[i]),
                           "Catalog/content", "reviews_cx", "production", "open", d(100 - 5 * k), d(36 - k),
                           links=[("asin", asin[i])], tag="reviews"))
    specs += _money_specs(ctx, tables, d, _)
    specs += _catalog_specs(cat, d, _)
    return specs


def _money_specs(ctx: dict, tables: dict, d, _) -> list[dict]:
    shortages = [r for r in tables["chargebacks"] if r[1] == "shortage" and r[12] in ("disputed", "open")]
    late = [r for r in tables["chargebacks"] if r[2] == "PO On-Time Accuracy" and r[12] == "disputed"]
    specs = []
    for k, r in enumerate(shortages[-3:]):
        specs.append(_spec(_("Shortage claim {id}: POD available, please release the payment", id=r[0]),
                           "Receiving/shortages", "ops_compliance", "finance", "waiting_amazon", d(25 - 4 * k),
                           d(16 - 4 * k), links=[("invoice", r[6]), ("po", r[4])], chargeback=r[0], tag="shortage"))
    for k, r in enumerate(late[-2:]):
        specs.append(_spec(_("Chargeback {id} (missed delivery window): Amazon moved the appointment in Carrier "
                             "Central", id=r[0]),
                           "Chargebacks", "ops_compliance", "logistics", "open", d(12 - k), d(12 - k),
                           links=[("po", r[4])], chargeback=r[0]))
    specs += [
        _spec(_("Remittance: PRICE deduction without proof on the week 44 payment"), "Payments",
              "profitability_terms", "finance", "waiting_amazon", d(33), d(26)),
        _spec(_("Co-op invoice MDF Q3 charged twice"), "Co-op/accruals", "profitability_terms", "finance",
              "resolved", d(95), d(61), resolved=d(61), tag="coop"),
        _spec(_("EDI 856 (ASN) rejected with the error 'structure mismatch'"), "EDI/API integration",
              "ops_compliance", "logistics", "open", d(8), d(4), tag="edi"),
        _spec(_("Carrier Central: no-show at DUS2 although the carrier was there on time"),
              "Shipments/ASN/appointments", "ops_compliance", "logistics", "resolved", d(140), d(121),
              resolved=d(121)),
        _spec(_("Edit item costs: the upload of the new cost prices fails (error 8541)"), "Costs",
              "profitability_terms", "sales", "needs_info", d(6), d(2), tag="costs"),
    ]
    return specs


def _catalog_specs(cat, d, _) -> list[dict]:
    a = cat.asins
    pick = lambda k: k % len(a)
    twin = next((j for j in range(pick(5) + 1, len(a)) if cat.family[j] == cat.family[pick(5)]), pick(5))
    return [
        _spec(_("New product images for {asin} are not applied", asin=a[pick(3)]), "Catalog/content", "content",
              "content", "waiting_amazon", d(44), d(31), esc=1, links=[("asin", a[pick(3)])], tag="images"),
        _spec(_("Split the variation family (twister): {asin} / {twin}", asin=a[pick(5)], twin=a[twin]),
              "Catalog/content", "content", "content", "open", d(15), d(15),
              links=[("asin", a[pick(5)]), ("asin", a[twin])]),
        _spec(_("A+ Content for {asin} rejected without a reason", asin=a[pick(11)]), "Catalog/content", "content",
              "content", "resolved", d(80), d(66), resolved=d(66), links=[("asin", a[pick(11)])]),
        _spec(_("Wrong brand name shown on the detail page of {asin}", asin=a[pick(17)]), "Catalog/content",
              "content", "content", "resolved", d(200), d(171), resolved=d(171), links=[("asin", a[pick(17)])]),
        _spec(_("Video upload for {asin} stuck in 'In progress'", asin=a[pick(21)]), "Catalog/content", "content",
              "marketing", "open", d(27), d(20), links=[("asin", a[pick(21)])]),
        _spec(_("Returns/RTV: return received without an RMA number"), "Returns/RTV", "reviews_cx", "logistics",
              "resolved", d(160), d(150), resolved=d(150)),
        _spec(_("Set up access for a new colleague (catalog role)"), "Account & users", "content",
              "management", "resolved", d(230), d(224), resolved=d(224)),
    ]


def _ticket_row(spec: dict, end: date) -> tuple:
    status, last = spec["status"], spec["last"]
    follow = None
    if status != "resolved":
        follow = (last + timedelta(days=3 if status == "needs_info" else 7)).isoformat()
    resolved = spec.get("resolved")
    return (spec["case_id"], spec["subject"], spec["category"], status, spec["opened"].isoformat(),
            last.isoformat(), follow, spec["esc"], spec["gear"], spec["dept"],
            resolved.isoformat() if resolved else None, None)


def _events(spec: dict, rng, lang: str = "de") -> list[tuple]:
    """Opened by us (the first message is the subject), then alternating replies up to the last
    contact; a status event when resolved or reopened. A status event's text is the status key
    ("resolved"), which the timeline shows in the UI language."""
    _ = texts(lang)
    case, opened, last = spec["case_id"], spec["opened"], spec["last"]
    rows = [(case, opened.isoformat(), "contact_out", spec["subject"])]
    span = (last - opened).days
    steps = min(4, span // 4)
    for k in range(1, steps + 1):
        day = opened + timedelta(days=round(span * k / (steps + 1)))
        inbound = k % 2 == 1
        choices = REPLIES if inbound else FOLLOWUPS
        rows.append((case, day.isoformat(), "contact_in" if inbound else "contact_out",
                     _(choices[int(rng.integers(len(choices)))])))
    if span > 0:
        kind = "contact_in" if spec["status"] in ("needs_info", "resolved") else "contact_out"
        text = _(COST_BREAKDOWN) if spec["status"] == "needs_info" else _(FOLLOWUPS[0])
        rows.append((case, last.isoformat(), kind, text))
    if spec["status"] == "resolved":
        rows.append((case, spec["resolved"].isoformat(), "status", "resolved"))
    if spec["status"] == "reopened":
        rows.append((case, last.isoformat(), "status", "reopened"))
    return rows


def _link_chargebacks(specs: list[dict], chargebacks: list[tuple]) -> None:
    """Point the disputed chargebacks at the case that argues them (column case_id)."""
    by_ext = {s["chargeback"]: s["case_id"] for s in specs if "chargeback" in s}
    for k, row in enumerate(chargebacks):
        if row[0] in by_ext:
            chargebacks[k] = row[:14] + (by_ext[row[0]],) + row[15:]


def _tasks(ctx: dict, specs: list[dict]) -> list[tuple]:
    from vendordesk.demo.task_list import task_rows

    return task_rows(ctx, specs)
