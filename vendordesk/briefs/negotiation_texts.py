"""Words of the negotiation brief (English message ids; translations in vendordesk/locale).

The tab reuses ``objection`` and ``checklist`` so that the screen and the paper argue with the
same sentences and the same numbers.
"""

from __future__ import annotations

from vendordesk.text import N_, texts

L = {
    "doc_title": N_("Cost price increase: negotiation brief"),
    "cover": N_("Case"),
    "vendor_code": N_("Vendor code"), "account": N_("Account"),
    "marketplace": N_("Marketplace"), "kam": N_("Key account manager"),
    "prepared": N_("Prepared on"), "effective": N_("Requested effective date"),
    "notice": N_("Notice"), "days": N_("days"),
    "final_order": N_("Final order at old cost valid until"),
    "status": N_("Status"), "currency": N_("Currency"), "asins": N_("ASINs"),
    "tariff": N_("Tariff-driven"), "yes": N_("yes"), "no": N_("no"),
    "summary": N_("Summary"),
    "requested": N_("Requested increase"), "justified": N_("Justified by cost drivers"),
    "impact": N_("Extra COGS for Amazon per year"),
    "impact_def": N_("Extra COGS for Amazon per year = units of the last 52 weeks × (new cost − cost now), "
                     "over the ASINs: {impact}, that is {share} on the {base} those units cost at today's "
                     "cost. Scenarios and positions apply their increase to the same {base}."),
    "ppm_before": N_("Net PPM today"), "ppm_after": N_("Net PPM after, ASP unchanged"),
    "ppm_pt": N_("Net PPM after, ASP follows"),
    "target": N_("Amazon's Net PPM target"), "crap": N_("ASINs at CRaP risk"),
    "our_ask": N_("Our ask:"),
    "ask_text": N_("open at {o} on cost from {d}, aim for {t}, do not go below {w}."),
    "open_points": N_("Open points before the meeting"),
    "drivers": N_("Cost drivers"), "driver": N_("Driver"), "weight": N_("Weight"),
    "change": N_("Change"), "contribution": N_("Contribution"), "index": N_("Index"),
    "source": N_("Source"), "total": N_("Total"),
    "per_asin": N_("Cost and price per ASIN"),
    "margins": N_("Net PPM before and after, break-even and our margin"),
    "asp_front": N_("ASP trend and front margin"),
    "msrp_old": N_("MSRP now"), "msrp_new": N_("MSRP new"),
    "fm_now": N_("Front margin now"), "fm_new": N_("Front margin new"),
    "asp_pt": N_("ASP if it follows"),
    "vm_now": N_("Our margin now"), "vm_new": N_("Our margin new"),
    "asin": N_("ASIN"), "product": N_("Product"), "cost_old": N_("Cost now"),
    "cost_new": N_("Cost new"), "msrp": N_("MSRP now → new"),
    "asp13": N_("ASP 13 w"), "asp26": N_("ASP 26 w"), "asp52": N_("ASP 52 w"),
    "trend": N_("ASP trend"), "units52": N_("Units 52 w"), "cogs52": N_("COGS 52 w"),
    "fm": N_("Front margin now → new"), "npm_b": N_("Net PPM now"),
    "npm_a": N_("Net PPM new"), "npm_pt": N_("Net PPM, ASP follows"),
    "be": N_("Break-even ASP"), "risk": N_("CRaP risk"),
    "vm": N_("Our margin now → new"), "vol": N_("Units if ASP follows"),
    "chart": N_("ASP and cost price over time"),
    "chart_note": N_("Weekly ASP (shipped revenue / units) and cost price (shipped COGS / units) of the case's ASINs; "
                   "the dashed line is the requested cost, from the date it is to apply."),
    "lg_asp": N_("ASP"), "lg_cost": N_("Cost price (COGS / units)"), "lg_req": N_("Requested cost"),
    "no_chart": N_("No weekly sales facts for these ASINs: the chart is unavailable."),
    "scenarios": N_("Scenarios side by side"),
    "sc_increase": N_("Increase on cost (end state)"),
    "sc_first": N_("Increase in the first year"), "sc_coop": N_("Extra co-op"),
    "sc_follow": N_("Retail price follows (share of the increase)"),
    "sc_impact": N_("Extra COGS for Amazon, year 1"),
    "sc_coop_cost": N_("Cost of extra co-op to us"),
    "sc_gain": N_("Our extra gross profit, year 1"),
    "sc_ppm": N_("Amazon's Net PPM afterwards"),
    "sc_crap": N_("ASINs below target"),
    "levers": N_("Levers we can offer"), "lever": N_("Lever"),
    "description": N_("Detail"), "value_amazon": N_("Value to Amazon"),
    "cost_us": N_("Cost to us"), "offered": N_("Offered"),
    "suggested": N_("Suggested from the facts (no levers entered yet); values are estimates."),
    "no_csa": N_("We offer these levers instead of a cost support agreement."),
    "positions": N_("Our positions"), "position": N_("Position"),
    "opening": N_("Opening"), "target_pos": N_("Target"), "walk_away": N_("Walk-away"),
    "per_year": N_("Extra COGS per year"),
    "pos_default": N_("No opening entered in the case: the opening is the requested increase. A target or walk-away the case does not hold is shown as not set."),
    "objections": N_("Likely objections and our answers"),
    "checklist": N_("Checklist"), "notes": N_("Notes"),
    "legend": N_("n/a = not available (no sales facts or no ASP for this ASIN). Margins are Amazon's unless marked 'our'. "
               "Net PPM = (ASP − cost + contra-COGS) / ASP; contra-COGS = back-end terms of {rate} of cost ({src}). "
               "Our margin = (cost × (1 − terms) − our own unit cost) / cost; it needs our own unit cost in the case."),
    "src_terms": N_("from the recorded terms"),
    "src_facts": N_("from the Net PPM reports"),
    "src_none": N_("no terms recorded"),
    "el_default": N_("default elasticity {e}, not calibrated"),
    "el_calibrated": N_("elasticity {e}, calibrated from the gear model"),
    "page_cont": N_("continued"),
    "as_of": N_("Figures as of"),
    "not_set": N_("not set"),
    "base_reported": N_("Net PPM today: Amazon's reported figure (13 weeks)."),
    "base_derived": N_("Net PPM today: derived from revenue, COGS and terms."),
    "conditional": N_("Conditional, not counted"),
    "internal_banner": N_("INTERNAL – for our side only, do not hand to Amazon"),
    "sc_gain_net": N_("Our gain net of our own cost increase, year 1"),
    "sc_neutral": N_("Euro-neutral increase (our own cost increase on the cost price)"),
    "own_cost": N_("Our own unit cost now → new"),
}

DRIVER_NAMES = {"materials": N_("Raw materials"), "energy": N_("Energy"),
                "labour": N_("Labour"), "freight": N_("Freight"),
                "tariffs": N_("Tariffs (HTS)"), "fx": N_("FX")}
CONCESSION_NAMES = {
    "final_order_old_cost": N_("Final order at the old cost"),
    "fill_rate": N_("Better fill rate and on-time (fewer chargebacks)"),
    "content": N_("Content investment"),
    "advertising": N_("Advertising investment"),
    "phased": N_("Phased increase"),
    "other": N_("Other")}
SCENARIO_NAMES = {"full": N_("Full increase"), "phased": N_("Phased"),
                  "half_coop": N_("Half plus co-op")}


def t(key: str, lang: str) -> str:
    return texts(lang)(L[key])


def pick(table: dict, key: str, lang: str) -> str:
    """The name of ``key`` in ``table`` in the brief's language; an unknown key as it is."""
    message = table.get(key)
    return key if message is None else texts(lang)(message)
