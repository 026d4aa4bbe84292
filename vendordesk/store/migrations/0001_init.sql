-- VendorDesk workspace schema, version 1.
-- One SQLite file per vendor account. Dates are ISO strings (YYYY-MM-DD).
-- Money is REAL in the row's currency; rates and margins are fractions (0.12 = 12 %).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE products (
    asin               TEXT PRIMARY KEY,
    parent_asin        TEXT,
    title              TEXT,
    brand              TEXT,
    category           TEXT,
    subcategory        TEXT,
    model_number       TEXT,
    ean                TEXT,
    replenishment_code TEXT,
    status             TEXT NOT NULL DEFAULT 'active',
    launch_date        TEXT
);

-- Provenance of every file or API document that brought facts.
CREATE TABLE report_imports (
    id               INTEGER PRIMARY KEY,
    source           TEXT NOT NULL,            -- csv, xlsx, api, manual, demo
    file_name        TEXT,
    file_hash        TEXT,
    report_type      TEXT NOT NULL,            -- sales, traffic, inventory, net_ppm, forecast, purchase_orders, ...
    distributor_view TEXT,
    selling_program  TEXT,
    grain            TEXT,                     -- hour, day, week, month, quarter, year
    period_start     TEXT,
    period_end       TEXT,
    marketplace_id   TEXT,
    locale           TEXT,
    currency         TEXT,
    row_count        INTEGER NOT NULL DEFAULT 0,
    asin_count       INTEGER NOT NULL DEFAULT 0,
    warnings_json    TEXT NOT NULL DEFAULT '[]',
    imported_at      TEXT NOT NULL
);
CREATE INDEX report_imports_hash ON report_imports(file_hash);

-- Fact tables share one key: asin ('' = account aggregate), marketplace, view, program, grain, period.
CREATE TABLE sales_facts (
    asin             TEXT NOT NULL,
    marketplace_id   TEXT NOT NULL DEFAULT '',
    distributor_view TEXT NOT NULL DEFAULT 'MANUFACTURING',
    selling_program  TEXT NOT NULL DEFAULT 'RETAIL',
    grain            TEXT NOT NULL,
    period_start     TEXT NOT NULL,
    period_end       TEXT NOT NULL,
    currency         TEXT,
    ordered_revenue  REAL,
    ordered_units    REAL,
    shipped_revenue  REAL,
    shipped_cogs     REAL,
    shipped_units    REAL,
    customer_returns REAL,
    import_id        INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (asin, marketplace_id, distributor_view, selling_program, grain, period_start)
) WITHOUT ROWID;
CREATE INDEX sales_facts_period ON sales_facts(grain, period_start);
CREATE INDEX sales_facts_import ON sales_facts(import_id);

CREATE TABLE traffic_facts (
    asin             TEXT NOT NULL,
    marketplace_id   TEXT NOT NULL DEFAULT '',
    distributor_view TEXT NOT NULL DEFAULT 'MANUFACTURING',
    selling_program  TEXT NOT NULL DEFAULT 'RETAIL',
    grain            TEXT NOT NULL,
    period_start     TEXT NOT NULL,
    period_end       TEXT NOT NULL,
    glance_views     REAL,
    import_id        INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (asin, marketplace_id, distributor_view, selling_program, grain, period_start)
) WITHOUT ROWID;
CREATE INDEX traffic_facts_period ON traffic_facts(grain, period_start);
CREATE INDEX traffic_facts_import ON traffic_facts(import_id);

CREATE TABLE inventory_facts (
    asin                                      TEXT NOT NULL,
    marketplace_id                            TEXT NOT NULL DEFAULT '',
    distributor_view                          TEXT NOT NULL DEFAULT 'MANUFACTURING',
    selling_program                           TEXT NOT NULL DEFAULT 'RETAIL',
    grain                                     TEXT NOT NULL,
    period_start                              TEXT NOT NULL,
    period_end                                TEXT NOT NULL,
    currency                                  TEXT,
    procurable_product_out_of_stock_rate      REAL,
    uft                                       REAL,
    vendor_confirmation_rate                  REAL,
    receive_fill_rate                         REAL,
    average_vendor_lead_time_days             REAL,
    sell_through_rate                         REAL,
    open_purchase_order_units                 REAL,
    net_received_inventory_units              REAL,
    net_received_inventory_cost               REAL,
    unfilled_customer_ordered_units           REAL,
    sellable_on_hand_inventory_units          REAL,
    sellable_on_hand_inventory_cost           REAL,
    unsellable_on_hand_inventory_units        REAL,
    unsellable_on_hand_inventory_cost         REAL,
    aged90_plus_days_sellable_inventory_units REAL,
    aged90_plus_days_sellable_inventory_cost  REAL,
    unhealthy_inventory_units                 REAL,
    unhealthy_inventory_cost                  REAL,
    highly_available_inventory                REAL,
    import_id                                 INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (asin, marketplace_id, distributor_view, selling_program, grain, period_start)
) WITHOUT ROWID;
CREATE INDEX inventory_facts_period ON inventory_facts(grain, period_start);
CREATE INDEX inventory_facts_import ON inventory_facts(import_id);

CREATE TABLE net_ppm_facts (
    asin                    TEXT NOT NULL,
    marketplace_id          TEXT NOT NULL DEFAULT '',
    distributor_view        TEXT NOT NULL DEFAULT 'MANUFACTURING',
    selling_program         TEXT NOT NULL DEFAULT 'RETAIL',
    grain                   TEXT NOT NULL,
    period_start            TEXT NOT NULL,
    period_end              TEXT NOT NULL,
    net_pure_product_margin REAL,
    contra_cogs             REAL,
    sales_discount          REAL,
    import_id               INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (asin, marketplace_id, distributor_view, selling_program, grain, period_start)
) WITHOUT ROWID;
CREATE INDEX net_ppm_facts_period ON net_ppm_facts(grain, period_start);
CREATE INDEX net_ppm_facts_import ON net_ppm_facts(import_id);

-- Columns an importer did not recognise: kept, never dropped.
CREATE TABLE extra_facts (
    asin             TEXT NOT NULL,
    marketplace_id   TEXT NOT NULL DEFAULT '',
    distributor_view TEXT NOT NULL DEFAULT 'MANUFACTURING',
    selling_program  TEXT NOT NULL DEFAULT 'RETAIL',
    grain            TEXT NOT NULL,
    period_start     TEXT NOT NULL,
    period_end       TEXT NOT NULL,
    metric           TEXT NOT NULL,
    value            REAL,
    raw              TEXT,
    import_id        INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (asin, marketplace_id, distributor_view, selling_program, grain, period_start, metric)
) WITHOUT ROWID;
CREATE INDEX extra_facts_import ON extra_facts(import_id);

-- Every generation of Amazon's forecast.
CREATE TABLE amazon_forecasts (
    asin            TEXT NOT NULL,
    marketplace_id  TEXT NOT NULL DEFAULT '',
    selling_program TEXT NOT NULL DEFAULT 'RETAIL',
    generation_date TEXT NOT NULL,
    week_start      TEXT NOT NULL,
    week_end        TEXT NOT NULL,
    mean_units      REAL,
    p70_units       REAL,
    p80_units       REAL,
    p90_units       REAL,
    import_id       INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (asin, marketplace_id, selling_program, generation_date, week_start)
) WITHOUT ROWID;
CREATE INDEX amazon_forecasts_import ON amazon_forecasts(import_id);

CREATE TABLE purchase_orders (
    po_number      TEXT PRIMARY KEY,
    vendor_code    TEXT,
    marketplace_id TEXT,
    order_date     TEXT,
    status         TEXT,               -- open, confirmed, closed, cancelled
    window_start   TEXT,
    window_end     TEXT,
    ship_to        TEXT,
    import_id      INTEGER REFERENCES report_imports(id) ON DELETE SET NULL
);

CREATE TABLE po_lines (
    po_number     TEXT NOT NULL REFERENCES purchase_orders(po_number) ON DELETE CASCADE,
    asin          TEXT NOT NULL,
    requested_qty REAL,
    accepted_qty  REAL,
    received_qty  REAL,
    cancelled_qty REAL,
    unit_cost     REAL,
    currency      TEXT,
    expected_date TEXT,
    PRIMARY KEY (po_number, asin)
);
CREATE INDEX po_lines_asin ON po_lines(asin);

CREATE TABLE cost_prices (
    asin       TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    cost       REAL NOT NULL,
    currency   TEXT NOT NULL,
    PRIMARY KEY (asin, valid_from)
);

-- Back-end terms: co-op, allowances, payment terms (rate as fraction of cost/COGS).
CREATE TABLE terms (
    id         INTEGER PRIMARY KEY,
    term_type  TEXT NOT NULL,          -- MDF, DA, FA, VIR, SRA, payment_terms, ...
    name       TEXT,
    rate       REAL NOT NULL,
    basis      TEXT NOT NULL DEFAULT 'cogs',
    valid_from TEXT,
    valid_to   TEXT,
    note       TEXT
);

CREATE TABLE departments (
    id      TEXT PRIMARY KEY,          -- marketing, sales, logistics, production, finance, management, content
    name_de TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE tickets (
    case_id          TEXT PRIMARY KEY,
    subject          TEXT NOT NULL,
    category         TEXT,
    status           TEXT NOT NULL DEFAULT 'open',  -- open, waiting_amazon, needs_info, reopened, resolved
    opened_on        TEXT,
    last_contact_on  TEXT,
    next_follow_up   TEXT,
    escalation_level INTEGER NOT NULL DEFAULT 0,
    gear             TEXT,
    owner_department TEXT REFERENCES departments(id),
    resolved_on      TEXT,
    notes            TEXT
);
CREATE INDEX tickets_status ON tickets(status);

CREATE TABLE ticket_links (
    case_id TEXT NOT NULL REFERENCES tickets(case_id) ON DELETE CASCADE ON UPDATE CASCADE,
    kind    TEXT NOT NULL,             -- asin, po, invoice
    ref     TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, ref)
);

CREATE TABLE ticket_events (
    id          INTEGER PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES tickets(case_id) ON DELETE CASCADE ON UPDATE CASCADE,
    happened_on TEXT NOT NULL,
    kind        TEXT NOT NULL,         -- contact_in, contact_out, note, status
    text        TEXT
);
CREATE INDEX ticket_events_case ON ticket_events(case_id);

-- Chargebacks and shortage claims with their dispute windows.
CREATE TABLE chargebacks (
    id               INTEGER PRIMARY KEY,
    external_id      TEXT UNIQUE,
    kind             TEXT NOT NULL DEFAULT 'chargeback',   -- chargeback, shortage
    type             TEXT,
    issue_group      TEXT,
    po_number        TEXT,
    asin             TEXT,
    invoice_number   TEXT,
    amount           REAL NOT NULL,
    currency         TEXT NOT NULL,
    raised_on        TEXT NOT NULL,
    dispute_due      TEXT,
    dispute_count    INTEGER NOT NULL DEFAULT 0,
    dispute_status   TEXT NOT NULL DEFAULT 'open',          -- open, disputed, won, lost, accepted
    recovered_amount REAL NOT NULL DEFAULT 0,
    case_id          TEXT REFERENCES tickets(case_id) ON DELETE SET NULL ON UPDATE CASCADE,
    note             TEXT,
    import_id        INTEGER REFERENCES report_imports(id) ON DELETE SET NULL
);
CREATE INDEX chargebacks_raised ON chargebacks(raised_on);

CREATE TABLE tasks (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    reason        TEXT,
    department_id TEXT REFERENCES departments(id),
    assignee      TEXT,
    gear          TEXT,
    case_id       TEXT REFERENCES tickets(case_id) ON DELETE SET NULL ON UPDATE CASCADE,
    asin          TEXT,
    created_on    TEXT NOT NULL,
    due_on        TEXT,
    status        TEXT NOT NULL DEFAULT 'open',   -- open, in_progress, waiting, done
    done_on       TEXT
);

-- Price-increase negotiations.
CREATE TABLE negotiations (
    id                 INTEGER PRIMARY KEY,
    title              TEXT NOT NULL,
    currency           TEXT NOT NULL,
    requested_on       TEXT,
    effective_date     TEXT,
    tariff_driven      INTEGER NOT NULL DEFAULT 0,
    status             TEXT NOT NULL DEFAULT 'draft',   -- draft, submitted, accepted, rejected, withdrawn
    opening_pct        REAL,
    target_pct         REAL,
    walk_away_pct      REAL,
    notes              TEXT,
    updated_at         TEXT NOT NULL
);

CREATE TABLE negotiation_items (
    negotiation_id INTEGER NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
    asin           TEXT NOT NULL,
    cost_before    REAL,
    cost_after     REAL,
    PRIMARY KEY (negotiation_id, asin)
);

CREATE TABLE negotiation_drivers (
    negotiation_id INTEGER NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
    driver         TEXT NOT NULL,       -- materials, energy, labour, freight, tariffs, fx
    weight         REAL NOT NULL,       -- share of the cost, fraction
    change_pct     REAL NOT NULL,       -- fraction
    index_name     TEXT,
    source         TEXT,
    PRIMARY KEY (negotiation_id, driver)
);

CREATE TABLE negotiation_scenarios (
    id             INTEGER PRIMARY KEY,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    params_json    TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE negotiation_concessions (
    id             INTEGER PRIMARY KEY,
    negotiation_id INTEGER NOT NULL REFERENCES negotiations(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,       -- final_order_old_cost, fill_rate, content, advertising, phased
    description    TEXT,
    value_to_amazon REAL,
    cost_to_us     REAL,
    offered        INTEGER NOT NULL DEFAULT 0
);

-- The nine gears (names editable) and the interdependency graph.
CREATE TABLE gears (
    id              TEXT PRIMARY KEY,
    position        INTEGER NOT NULL,
    name_de         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    custom_name     TEXT,
    thresholds_json TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE kpi_edges (
    id              TEXT PRIMARY KEY,    -- E01 ...
    from_kpi        TEXT NOT NULL,
    to_kpi          TEXT NOT NULL,
    sign            INTEGER NOT NULL CHECK (sign IN (-1, 1)),
    lag_weeks       INTEGER NOT NULL DEFAULT 0,
    strength        REAL NOT NULL,
    note            TEXT,
    calibrated_json TEXT
);

-- KPIs entered by hand where no report exists (ad spend, rating, content score).
CREATE TABLE manual_kpis (
    gear         TEXT NOT NULL,
    kpi          TEXT NOT NULL,
    asin         TEXT NOT NULL DEFAULT '',
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    value        REAL NOT NULL,
    PRIMARY KEY (gear, kpi, asin, period_start)
);

CREATE TABLE sales_targets (
    year   INTEGER NOT NULL,
    month  INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    target REAL NOT NULL,            -- shipped COGS (the vendor's revenue), account currency
    PRIMARY KEY (year, month)
);

-- The vendor's own supply side.
CREATE TABLE supply_params (
    asin                  TEXT PRIMARY KEY,
    weekly_capacity_units REAL,
    lead_time_weeks       REAL,
    own_stock_units       REAL,
    own_stock_as_of       TEXT
);

CREATE TABLE capacity_plan (
    asin       TEXT NOT NULL,
    week_start TEXT NOT NULL,
    units      REAL NOT NULL,
    PRIMARY KEY (asin, week_start)
);
