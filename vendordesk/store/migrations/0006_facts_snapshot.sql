-- A columnar snapshot of the weekly facts (store.facts_snapshot): one BLOB per column of the
-- frame store.facts_read.weekly_frame returns. It is a cache inside the workspace: every
-- import deletes it and bumps meta 'data_version' in its own transaction; the next read
-- rebuilds it. A snapshot whose version differs from the workspace's is never used.
CREATE TABLE facts_snapshot (
    part TEXT PRIMARY KEY,     -- 'head' (JSON), 'asin', 'start', 'end', 'has:<table>', '<metric>'
    data BLOB NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('data_version', '0');
