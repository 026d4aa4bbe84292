-- Workspace size (issue 18). Measured on a 5,000 ASIN x 156 week demo workspace (1.41 GB): the
-- four (grain, period_start) indexes of the WITHOUT ROWID fact tables held 53 MB each (every entry
-- repeats the text primary key), 15 % of the file. They served a few queries (the newest week,
-- "are there day facts?", a 13-week range), which a scan of the table answers in about 0.1 s of
-- CPU; a GROUP BY over all weeks even got faster without them (2.2 s -> 1.0 s). So they go.
-- Freed pages are reused by later imports; the file itself shrinks only with a VACUUM, which
-- cannot run here (all migrations run in one transaction). New workspaces never grow them.
DROP INDEX IF EXISTS sales_facts_period;
DROP INDEX IF EXISTS traffic_facts_period;
DROP INDEX IF EXISTS inventory_facts_period;
DROP INDEX IF EXISTS net_ppm_facts_period;
