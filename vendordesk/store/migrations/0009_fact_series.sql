-- Workspace size (issue 18), step 3: the four weekly fact tables keep their text key once.
-- Up to schema 8 every row of sales/traffic/inventory/net_ppm_facts repeated its whole key as text
-- (ASIN, marketplace, view, program, grain, two ISO dates: ~67 bytes of the demo's ~135-210 a row).
-- Now one row per series (asin, marketplace, view, program, grain) in fact_series, and each table
-- keeps (series_id, day, span): day = period_start as days since 1970-01-01, span = period_end -
-- period_start in days (6 for a week, 0 for a day; stored, as a month has no fixed length), each a
-- 1-3 byte integer. A period that is no 'YYYY-MM-DD' date (the hours of the real-time reports)
-- keeps its text: day holds period_start's text, period_end its text, span is NULL.
-- The old names are VIEWs that give back the same columns, in the same order and with the same
-- text dates, so every reader stays as it was. The store's writers write the *_k tables directly
-- (store.fact_series); the INSTEAD OF triggers are there for anything else that writes the old
-- names (tests, a hand-made fix), not for imports (they look the series up per row).
CREATE TABLE fact_series (
    id               INTEGER PRIMARY KEY,
    asin             TEXT NOT NULL,
    marketplace_id   TEXT NOT NULL DEFAULT '',
    distributor_view TEXT NOT NULL DEFAULT 'MANUFACTURING',
    selling_program  TEXT NOT NULL DEFAULT 'RETAIL',
    grain            TEXT NOT NULL,
    UNIQUE (asin, marketplace_id, distributor_view, selling_program, grain)
);
INSERT INTO fact_series (asin, marketplace_id, distributor_view, selling_program, grain)
    SELECT asin, marketplace_id, distributor_view, selling_program, grain FROM sales_facts
    UNION SELECT asin, marketplace_id, distributor_view, selling_program, grain FROM traffic_facts
    UNION SELECT asin, marketplace_id, distributor_view, selling_program, grain FROM inventory_facts
    UNION SELECT asin, marketplace_id, distributor_view, selling_program, grain FROM net_ppm_facts
    ORDER BY asin, marketplace_id, distributor_view, selling_program, grain;

CREATE TABLE sales_facts_k (
    series_id INTEGER NOT NULL REFERENCES fact_series(id),
    day       INTEGER NOT NULL,   -- period_start as days since 1970-01-01 (its text if no ISO date: hours)
    span      INTEGER,            -- period_end - period_start in days, when period_end is a date
    period_end TEXT,              -- NULL unless period_end is no 'YYYY-MM-DD' date (then span is NULL)
    currency                                  TEXT,
    ordered_revenue                           REAL,
    ordered_units                             REAL,
    shipped_revenue                           REAL,
    shipped_cogs                              REAL,
    shipped_units                             REAL,
    customer_returns                          REAL,
    import_id INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, day)
) WITHOUT ROWID;
INSERT INTO sales_facts_k (series_id, day, span, period_end, currency, ordered_revenue, ordered_units, shipped_revenue, shipped_cogs, shipped_units, customer_returns, import_id)
    SELECT s.id, CASE WHEN date(f.period_start) IS f.period_start THEN CAST(julianday(f.period_start) - 2440587.5 AS INTEGER) ELSE f.period_start END,
           CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN CAST(julianday(f.period_end) - julianday(f.period_start) AS INTEGER) END, CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN NULL ELSE f.period_end END,
           f.currency, f.ordered_revenue, f.ordered_units, f.shipped_revenue, f.shipped_cogs, f.shipped_units, f.customer_returns, f.import_id
    FROM sales_facts f JOIN fact_series s USING (asin, marketplace_id, distributor_view, selling_program, grain) ORDER BY 1, 2;
DROP TABLE sales_facts;
CREATE VIEW sales_facts AS
    SELECT s.asin, s.marketplace_id, s.distributor_view, s.selling_program, s.grain,
           CASE WHEN typeof(f.day) = 'integer' THEN date(f.day + 2440587.5) ELSE f.day END AS period_start, COALESCE(f.period_end, date(f.day + f.span + 2440587.5)) AS period_end,
           f.currency, f.ordered_revenue, f.ordered_units, f.shipped_revenue, f.shipped_cogs, f.shipped_units, f.customer_returns, f.import_id
    FROM sales_facts_k f JOIN fact_series s ON s.id = f.series_id;
CREATE TRIGGER sales_facts_insert INSTEAD OF INSERT ON sales_facts BEGIN
    INSERT OR IGNORE INTO fact_series (asin, marketplace_id, distributor_view, selling_program, grain) VALUES (NEW.asin, COALESCE(NEW.marketplace_id, ''),
        COALESCE(NEW.distributor_view, 'MANUFACTURING'), COALESCE(NEW.selling_program, 'RETAIL'), NEW.grain);
    INSERT INTO sales_facts_k (series_id, day, span, period_end, currency, ordered_revenue, ordered_units, shipped_revenue, shipped_cogs, shipped_units, customer_returns, import_id)
        VALUES ((SELECT id FROM fact_series WHERE asin = NEW.asin AND marketplace_id = COALESCE(NEW.marketplace_id, '') AND distributor_view = COALESCE(NEW.distributor_view, 'MANUFACTURING') AND selling_program = COALESCE(NEW.selling_program, 'RETAIL') AND grain = NEW.grain),
                CASE WHEN date(NEW.period_start) IS NEW.period_start THEN CAST(julianday(NEW.period_start) - 2440587.5 AS INTEGER) ELSE NEW.period_start END,
                CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END, CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
                NEW.currency, NEW.ordered_revenue, NEW.ordered_units, NEW.shipped_revenue, NEW.shipped_cogs, NEW.shipped_units, NEW.customer_returns, NEW.import_id);
END;
CREATE TRIGGER sales_facts_update INSTEAD OF UPDATE ON sales_facts BEGIN
    UPDATE sales_facts_k SET span = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END,
        period_end = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
        currency = NEW.currency, ordered_revenue = NEW.ordered_revenue, ordered_units = NEW.ordered_units, shipped_revenue = NEW.shipped_revenue, shipped_cogs = NEW.shipped_cogs, shipped_units = NEW.shipped_units, customer_returns = NEW.customer_returns, import_id = NEW.import_id
    WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;
CREATE TRIGGER sales_facts_delete INSTEAD OF DELETE ON sales_facts BEGIN
    DELETE FROM sales_facts_k WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;

CREATE TABLE traffic_facts_k (
    series_id INTEGER NOT NULL REFERENCES fact_series(id),
    day       INTEGER NOT NULL,   -- period_start as days since 1970-01-01 (its text if no ISO date: hours)
    span      INTEGER,            -- period_end - period_start in days, when period_end is a date
    period_end TEXT,              -- NULL unless period_end is no 'YYYY-MM-DD' date (then span is NULL)
    glance_views                              REAL,
    import_id INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, day)
) WITHOUT ROWID;
INSERT INTO traffic_facts_k (series_id, day, span, period_end, glance_views, import_id)
    SELECT s.id, CASE WHEN date(f.period_start) IS f.period_start THEN CAST(julianday(f.period_start) - 2440587.5 AS INTEGER) ELSE f.period_start END,
           CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN CAST(julianday(f.period_end) - julianday(f.period_start) AS INTEGER) END, CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN NULL ELSE f.period_end END,
           f.glance_views, f.import_id
    FROM traffic_facts f JOIN fact_series s USING (asin, marketplace_id, distributor_view, selling_program, grain) ORDER BY 1, 2;
DROP TABLE traffic_facts;
CREATE VIEW traffic_facts AS
    SELECT s.asin, s.marketplace_id, s.distributor_view, s.selling_program, s.grain,
           CASE WHEN typeof(f.day) = 'integer' THEN date(f.day + 2440587.5) ELSE f.day END AS period_start, COALESCE(f.period_end, date(f.day + f.span + 2440587.5)) AS period_end,
           f.glance_views, f.import_id
    FROM traffic_facts_k f JOIN fact_series s ON s.id = f.series_id;
CREATE TRIGGER traffic_facts_insert INSTEAD OF INSERT ON traffic_facts BEGIN
    INSERT OR IGNORE INTO fact_series (asin, marketplace_id, distributor_view, selling_program, grain) VALUES (NEW.asin, COALESCE(NEW.marketplace_id, ''),
        COALESCE(NEW.distributor_view, 'MANUFACTURING'), COALESCE(NEW.selling_program, 'RETAIL'), NEW.grain);
    INSERT INTO traffic_facts_k (series_id, day, span, period_end, glance_views, import_id)
        VALUES ((SELECT id FROM fact_series WHERE asin = NEW.asin AND marketplace_id = COALESCE(NEW.marketplace_id, '') AND distributor_view = COALESCE(NEW.distributor_view, 'MANUFACTURING') AND selling_program = COALESCE(NEW.selling_program, 'RETAIL') AND grain = NEW.grain),
                CASE WHEN date(NEW.period_start) IS NEW.period_start THEN CAST(julianday(NEW.period_start) - 2440587.5 AS INTEGER) ELSE NEW.period_start END,
                CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END, CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
                NEW.glance_views, NEW.import_id);
END;
CREATE TRIGGER traffic_facts_update INSTEAD OF UPDATE ON traffic_facts BEGIN
    UPDATE traffic_facts_k SET span = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END,
        period_end = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
        glance_views = NEW.glance_views, import_id = NEW.import_id
    WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;
CREATE TRIGGER traffic_facts_delete INSTEAD OF DELETE ON traffic_facts BEGIN
    DELETE FROM traffic_facts_k WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;

CREATE TABLE inventory_facts_k (
    series_id INTEGER NOT NULL REFERENCES fact_series(id),
    day       INTEGER NOT NULL,   -- period_start as days since 1970-01-01 (its text if no ISO date: hours)
    span      INTEGER,            -- period_end - period_start in days, when period_end is a date
    period_end TEXT,              -- NULL unless period_end is no 'YYYY-MM-DD' date (then span is NULL)
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
    import_id INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, day)
) WITHOUT ROWID;
INSERT INTO inventory_facts_k (series_id, day, span, period_end, currency, procurable_product_out_of_stock_rate, uft, vendor_confirmation_rate, receive_fill_rate, average_vendor_lead_time_days, sell_through_rate, open_purchase_order_units, net_received_inventory_units, net_received_inventory_cost, unfilled_customer_ordered_units, sellable_on_hand_inventory_units, sellable_on_hand_inventory_cost, unsellable_on_hand_inventory_units, unsellable_on_hand_inventory_cost, aged90_plus_days_sellable_inventory_units, aged90_plus_days_sellable_inventory_cost, unhealthy_inventory_units, unhealthy_inventory_cost, highly_available_inventory, import_id)
    SELECT s.id, CASE WHEN date(f.period_start) IS f.period_start THEN CAST(julianday(f.period_start) - 2440587.5 AS INTEGER) ELSE f.period_start END,
           CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN CAST(julianday(f.period_end) - julianday(f.period_start) AS INTEGER) END, CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN NULL ELSE f.period_end END,
           f.currency, f.procurable_product_out_of_stock_rate, f.uft, f.vendor_confirmation_rate, f.receive_fill_rate, f.average_vendor_lead_time_days, f.sell_through_rate, f.open_purchase_order_units, f.net_received_inventory_units, f.net_received_inventory_cost, f.unfilled_customer_ordered_units, f.sellable_on_hand_inventory_units, f.sellable_on_hand_inventory_cost, f.unsellable_on_hand_inventory_units, f.unsellable_on_hand_inventory_cost, f.aged90_plus_days_sellable_inventory_units, f.aged90_plus_days_sellable_inventory_cost, f.unhealthy_inventory_units, f.unhealthy_inventory_cost, f.highly_available_inventory, f.import_id
    FROM inventory_facts f JOIN fact_series s USING (asin, marketplace_id, distributor_view, selling_program, grain) ORDER BY 1, 2;
DROP TABLE inventory_facts;
CREATE VIEW inventory_facts AS
    SELECT s.asin, s.marketplace_id, s.distributor_view, s.selling_program, s.grain,
           CASE WHEN typeof(f.day) = 'integer' THEN date(f.day + 2440587.5) ELSE f.day END AS period_start, COALESCE(f.period_end, date(f.day + f.span + 2440587.5)) AS period_end,
           f.currency, f.procurable_product_out_of_stock_rate, f.uft, f.vendor_confirmation_rate, f.receive_fill_rate, f.average_vendor_lead_time_days, f.sell_through_rate, f.open_purchase_order_units, f.net_received_inventory_units, f.net_received_inventory_cost, f.unfilled_customer_ordered_units, f.sellable_on_hand_inventory_units, f.sellable_on_hand_inventory_cost, f.unsellable_on_hand_inventory_units, f.unsellable_on_hand_inventory_cost, f.aged90_plus_days_sellable_inventory_units, f.aged90_plus_days_sellable_inventory_cost, f.unhealthy_inventory_units, f.unhealthy_inventory_cost, f.highly_available_inventory, f.import_id
    FROM inventory_facts_k f JOIN fact_series s ON s.id = f.series_id;
CREATE TRIGGER inventory_facts_insert INSTEAD OF INSERT ON inventory_facts BEGIN
    INSERT OR IGNORE INTO fact_series (asin, marketplace_id, distributor_view, selling_program, grain) VALUES (NEW.asin, COALESCE(NEW.marketplace_id, ''),
        COALESCE(NEW.distributor_view, 'MANUFACTURING'), COALESCE(NEW.selling_program, 'RETAIL'), NEW.grain);
    INSERT INTO inventory_facts_k (series_id, day, span, period_end, currency, procurable_product_out_of_stock_rate, uft, vendor_confirmation_rate, receive_fill_rate, average_vendor_lead_time_days, sell_through_rate, open_purchase_order_units, net_received_inventory_units, net_received_inventory_cost, unfilled_customer_ordered_units, sellable_on_hand_inventory_units, sellable_on_hand_inventory_cost, unsellable_on_hand_inventory_units, unsellable_on_hand_inventory_cost, aged90_plus_days_sellable_inventory_units, aged90_plus_days_sellable_inventory_cost, unhealthy_inventory_units, unhealthy_inventory_cost, highly_available_inventory, import_id)
        VALUES ((SELECT id FROM fact_series WHERE asin = NEW.asin AND marketplace_id = COALESCE(NEW.marketplace_id, '') AND distributor_view = COALESCE(NEW.distributor_view, 'MANUFACTURING') AND selling_program = COALESCE(NEW.selling_program, 'RETAIL') AND grain = NEW.grain),
                CASE WHEN date(NEW.period_start) IS NEW.period_start THEN CAST(julianday(NEW.period_start) - 2440587.5 AS INTEGER) ELSE NEW.period_start END,
                CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END, CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
                NEW.currency, NEW.procurable_product_out_of_stock_rate, NEW.uft, NEW.vendor_confirmation_rate, NEW.receive_fill_rate, NEW.average_vendor_lead_time_days, NEW.sell_through_rate, NEW.open_purchase_order_units, NEW.net_received_inventory_units, NEW.net_received_inventory_cost, NEW.unfilled_customer_ordered_units, NEW.sellable_on_hand_inventory_units, NEW.sellable_on_hand_inventory_cost, NEW.unsellable_on_hand_inventory_units, NEW.unsellable_on_hand_inventory_cost, NEW.aged90_plus_days_sellable_inventory_units, NEW.aged90_plus_days_sellable_inventory_cost, NEW.unhealthy_inventory_units, NEW.unhealthy_inventory_cost, NEW.highly_available_inventory, NEW.import_id);
END;
CREATE TRIGGER inventory_facts_update INSTEAD OF UPDATE ON inventory_facts BEGIN
    UPDATE inventory_facts_k SET span = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END,
        period_end = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
        currency = NEW.currency, procurable_product_out_of_stock_rate = NEW.procurable_product_out_of_stock_rate, uft = NEW.uft, vendor_confirmation_rate = NEW.vendor_confirmation_rate, receive_fill_rate = NEW.receive_fill_rate, average_vendor_lead_time_days = NEW.average_vendor_lead_time_days, sell_through_rate = NEW.sell_through_rate, open_purchase_order_units = NEW.open_purchase_order_units, net_received_inventory_units = NEW.net_received_inventory_units, net_received_inventory_cost = NEW.net_received_inventory_cost, unfilled_customer_ordered_units = NEW.unfilled_customer_ordered_units, sellable_on_hand_inventory_units = NEW.sellable_on_hand_inventory_units, sellable_on_hand_inventory_cost = NEW.sellable_on_hand_inventory_cost, unsellable_on_hand_inventory_units = NEW.unsellable_on_hand_inventory_units, unsellable_on_hand_inventory_cost = NEW.unsellable_on_hand_inventory_cost, aged90_plus_days_sellable_inventory_units = NEW.aged90_plus_days_sellable_inventory_units, aged90_plus_days_sellable_inventory_cost = NEW.aged90_plus_days_sellable_inventory_cost, unhealthy_inventory_units = NEW.unhealthy_inventory_units, unhealthy_inventory_cost = NEW.unhealthy_inventory_cost, highly_available_inventory = NEW.highly_available_inventory, import_id = NEW.import_id
    WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;
CREATE TRIGGER inventory_facts_delete INSTEAD OF DELETE ON inventory_facts BEGIN
    DELETE FROM inventory_facts_k WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;

CREATE TABLE net_ppm_facts_k (
    series_id INTEGER NOT NULL REFERENCES fact_series(id),
    day       INTEGER NOT NULL,   -- period_start as days since 1970-01-01 (its text if no ISO date: hours)
    span      INTEGER,            -- period_end - period_start in days, when period_end is a date
    period_end TEXT,              -- NULL unless period_end is no 'YYYY-MM-DD' date (then span is NULL)
    net_pure_product_margin                   REAL,
    contra_cogs                               REAL,
    sales_discount                            REAL,
    import_id INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, day)
) WITHOUT ROWID;
INSERT INTO net_ppm_facts_k (series_id, day, span, period_end, net_pure_product_margin, contra_cogs, sales_discount, import_id)
    SELECT s.id, CASE WHEN date(f.period_start) IS f.period_start THEN CAST(julianday(f.period_start) - 2440587.5 AS INTEGER) ELSE f.period_start END,
           CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN CAST(julianday(f.period_end) - julianday(f.period_start) AS INTEGER) END, CASE WHEN date(f.period_start) IS f.period_start AND date(f.period_end) IS f.period_end THEN NULL ELSE f.period_end END,
           f.net_pure_product_margin, f.contra_cogs, f.sales_discount, f.import_id
    FROM net_ppm_facts f JOIN fact_series s USING (asin, marketplace_id, distributor_view, selling_program, grain) ORDER BY 1, 2;
DROP TABLE net_ppm_facts;
CREATE VIEW net_ppm_facts AS
    SELECT s.asin, s.marketplace_id, s.distributor_view, s.selling_program, s.grain,
           CASE WHEN typeof(f.day) = 'integer' THEN date(f.day + 2440587.5) ELSE f.day END AS period_start, COALESCE(f.period_end, date(f.day + f.span + 2440587.5)) AS period_end,
           f.net_pure_product_margin, f.contra_cogs, f.sales_discount, f.import_id
    FROM net_ppm_facts_k f JOIN fact_series s ON s.id = f.series_id;
CREATE TRIGGER net_ppm_facts_insert INSTEAD OF INSERT ON net_ppm_facts BEGIN
    INSERT OR IGNORE INTO fact_series (asin, marketplace_id, distributor_view, selling_program, grain) VALUES (NEW.asin, COALESCE(NEW.marketplace_id, ''),
        COALESCE(NEW.distributor_view, 'MANUFACTURING'), COALESCE(NEW.selling_program, 'RETAIL'), NEW.grain);
    INSERT INTO net_ppm_facts_k (series_id, day, span, period_end, net_pure_product_margin, contra_cogs, sales_discount, import_id)
        VALUES ((SELECT id FROM fact_series WHERE asin = NEW.asin AND marketplace_id = COALESCE(NEW.marketplace_id, '') AND distributor_view = COALESCE(NEW.distributor_view, 'MANUFACTURING') AND selling_program = COALESCE(NEW.selling_program, 'RETAIL') AND grain = NEW.grain),
                CASE WHEN date(NEW.period_start) IS NEW.period_start THEN CAST(julianday(NEW.period_start) - 2440587.5 AS INTEGER) ELSE NEW.period_start END,
                CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END, CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
                NEW.net_pure_product_margin, NEW.contra_cogs, NEW.sales_discount, NEW.import_id);
END;
CREATE TRIGGER net_ppm_facts_update INSTEAD OF UPDATE ON net_ppm_facts BEGIN
    UPDATE net_ppm_facts_k SET span = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN CAST(julianday(NEW.period_end) - julianday(NEW.period_start) AS INTEGER) END,
        period_end = CASE WHEN date(NEW.period_start) IS NEW.period_start AND date(NEW.period_end) IS NEW.period_end THEN NULL ELSE NEW.period_end END,
        net_pure_product_margin = NEW.net_pure_product_margin, contra_cogs = NEW.contra_cogs, sales_discount = NEW.sales_discount, import_id = NEW.import_id
    WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;
CREATE TRIGGER net_ppm_facts_delete INSTEAD OF DELETE ON net_ppm_facts BEGIN
    DELETE FROM net_ppm_facts_k WHERE series_id = (SELECT id FROM fact_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND distributor_view = OLD.distributor_view AND selling_program = OLD.selling_program AND grain = OLD.grain) AND day = CASE WHEN date(OLD.period_start) IS OLD.period_start THEN CAST(julianday(OLD.period_start) - 2440587.5 AS INTEGER) ELSE OLD.period_start END;
END;
