"""Tasks the KAM delegated to departments: what, why, gear, case, ASIN, due date, status."""

from __future__ import annotations

from datetime import timedelta

from vendordesk.demo.cases import ASSIGNEES
from vendordesk.text import N_, texts


def task_rows(ctx: dict, specs: list[dict]) -> list[tuple]:
    """What and why in the KAM's language (``ctx["lang"]``); a task finds its case by the case's tag."""
    cat, end, st = ctx["cat"], ctx["end"], ctx["stories"]
    _ = texts(ctx.get("lang", "de"))
    d = lambda days: (end + timedelta(days=days)).isoformat()
    first_case = lambda tag: next((s["case_id"] for s in specs if s.get("tag") == tag), None)
    spiral = [cat.asins[i] for i in st.oos_spiral]
    squeeze = [cat.asins[i] for i in st.margin_squeeze]
    crap = [cat.asins[i] for i in st.crap_risk]
    s0 = spiral[0] if spiral else None
    q0 = cat.asins[st.quality_overstock[0]] if st.quality_overstock else None
    items = [
        # title, reason, department, gear, case, asin, created, due, status, done
        (N_("Qualify second suppliers for heating elements"), N_("Capacity of the OOS ASINs limited for weeks"),
         "production", "forecast_ordering", None, s0, -110, 10, "in_progress", None),
        (N_("Confirm the capacity plan for weeks 49–52 for the OOS ASINs"),
         N_("Amazon orders more again once it is confirmed"),
         "production", "forecast_ordering", None, s0, -20, -3, "open", None),
        (N_("Ask the vendor manager for a bulk order (VIPO)"), N_("The forecast learns from censored sales"),
         "sales", "forecast_ordering", first_case("orders"), s0, -30, -2, "open", None),
        (N_("Raise our own stock for the OOS ASINs to 6 weeks"), N_("Break the OOS spiral"),
         "logistics", "availability", None, s0, -25, 7, "in_progress", None),
        (N_("Check the ASN creation in the ERP (quantity differences)"), N_("Shortage claims and ASN chargebacks"),
         "logistics", "ops_compliance", first_case("edi"), None, -8, 5, "open", None),
        (N_("Book Carrier Central appointments two days earlier"), N_("On-time delivery of POs below 90%"),
         "logistics", "ops_compliance", None, None, -60, -30, "done", -28),
        (N_("Spot-check the carton labels of shipments to DUS2"), N_("Chargebacks: carton content differs"),
         "logistics", "ops_compliance", None, None, -21, -7, "open", None),
        (N_("Dispute shortage claims after 35 days with the POD"), N_("No automatic settlement came"),
         "finance", "ops_compliance", first_case("shortage"), None, -14, 3, "in_progress", None),
        (N_("Check open chargebacks before their deadline"), N_("A dispute is possible for 30 days only"),
         "finance", "ops_compliance", None, None, -5, 2, "open", None),
        (N_("Reconcile the Q3 co-op statement with Amazon"), N_("MDF charged twice"),
         "finance", "profitability_terms", first_case("coop"), None, -95, -65, "done", -62),
        (N_("Finalise the CPI documents for the hand mixers (evidence for the cost drivers)"),
         N_("Material costs +11%"),
         "sales", "profitability_terms", first_case("costs"), None, -12, 14, "in_progress", None),
        (N_("Upload the new product images and check the approval"), N_("The images are not applied"),
         "content", "content", first_case("images"), None, -40, -10, "waiting", None),
        (N_("Rework the bullet points of the hand blender range"), N_("Support conversion instead of cutting the price"),
         "content", "content", None, squeeze[0] if squeeze else None, -18, 12, "open", None),
        (N_("Shift advertising from OOS ASINs to available models"), N_("Ads on OOS ASINs are wasted"),
         "marketing", "advertising", None, s0, -16, -4, "open", None),
        (N_("End the coupons on the hand blender range"), N_("Net PPM below target"),
         "marketing", "price_buybox", None, squeeze[0] if squeeze else None, -9, 5, "open", None),
        (N_("Give the final approval for the Black Friday deals"), N_("The deal registration closes"),
         "marketing", "advertising", None, None, -40, -14, "done", -15),
        (N_("Analyse the faulty batch, write the 8D report"), N_("Rating fell from 4.4 to 3.4 stars"),
         "production", "reviews_cx", first_case("reviews"), q0, -95, -20, "in_progress", None),
        (N_("Overstock at Amazon: offer price protection instead of a price slide"), N_("Aged 90+ stock, markdowns"),
         "sales", "assortment", None, q0, -12, 9, "open", None),
        (N_("Prepare the annual negotiation (AVN): Net PPM target 40%"), N_("Amazon asks for more co-op"),
         "management", "profitability_terms", None, None, -10, 30, "open", None),
        (N_("Decide 1P or 3P for the CRaP ASIN"), N_("Net PPM far below target, advertising restricted"),
         "management", "assortment", first_case("crap"), crap[0] if crap else None, -15, -1, "open", None),
    ]
    rows = []
    for title, reason, dept, gear, case, asin, created, due, status, done in items:
        rows.append((_(title), _(reason), dept, ASSIGNEES[dept], gear, case, asin, d(created), d(due), status,
                     d(done) if done is not None else None))
    return rows
