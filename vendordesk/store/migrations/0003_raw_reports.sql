-- SP-API sync: every requested report and its fetched document, so a retry resumes and an
-- import can be repeated offline. No credentials here, ever.
CREATE TABLE raw_reports (
    id             INTEGER PRIMARY KEY,
    request_key    TEXT NOT NULL UNIQUE,      -- report type + options + period + marketplace (JSON)
    report_type    TEXT NOT NULL,             -- GET_VENDOR_SALES_REPORT, ...
    marketplace_id TEXT NOT NULL,
    options_json   TEXT NOT NULL DEFAULT '{}',
    data_start     TEXT,
    data_end       TEXT,
    report_id      TEXT,                      -- Amazon's reportId once created
    status         TEXT NOT NULL,             -- requested, fetched, imported, fatal
    document       TEXT,                      -- the decoded JSON document
    error          TEXT,
    import_id      INTEGER REFERENCES report_imports(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX raw_reports_status ON raw_reports(status);
