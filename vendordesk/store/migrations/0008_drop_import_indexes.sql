-- Workspace size (issue 18), step 2. Measured on a 5,000 ASIN x 156 week demo workspace (1,200 MB,
-- 1,538 bytes per ASIN-week, before its facts snapshot is built):
-- * the import_id indexes of the WITHOUT ROWID fact tables held 341 MB (28 %): every entry repeats
--   the table's whole text primary key (asin, marketplace, view, program, grain, period: ~60 bytes)
--   for a 1-byte import id. They served only undo, "facts still owned" and an import's own
--   currency fix-up; a scan of all six tables answers those in 0.4 s of CPU at that size
--   (store.facts counts the rows of every import in one pass and keeps the counts per data version).
-- * manual_kpis was a rowid table with a text primary key, so the key was stored twice (67 MB table
--   + 56 MB automatic index). As a WITHOUT ROWID table, keyed the same, it is one 64 MB B-tree; its
--   columns, key and key order (what an unordered scan returns) stay as they were.
-- Together about -400 MB. Freed pages are reused by later imports; the file shrinks only with a
-- VACUUM, which cannot run here (all migrations run in one transaction). New workspaces never grow them.
DROP INDEX IF EXISTS sales_facts_import;
DROP INDEX IF EXISTS traffic_facts_import;
DROP INDEX IF EXISTS inventory_facts_import;
DROP INDEX IF EXISTS net_ppm_facts_import;
DROP INDEX IF EXISTS extra_facts_import;
DROP INDEX IF EXISTS amazon_forecasts_import;

CREATE TABLE manual_kpis_keyed (
    gear         TEXT NOT NULL,
    kpi          TEXT NOT NULL,
    asin         TEXT NOT NULL DEFAULT '',
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    value        REAL NOT NULL,
    PRIMARY KEY (gear, kpi, asin, period_start)
) WITHOUT ROWID;
INSERT INTO manual_kpis_keyed (gear, kpi, asin, period_start, period_end, value)
    SELECT gear, kpi, asin, period_start, period_end, value FROM manual_kpis ORDER BY gear, kpi, asin, period_start;
DROP TABLE manual_kpis;
ALTER TABLE manual_kpis_keyed RENAME TO manual_kpis;
