-- The structural model's calibration on the workspace's own history (vendordesk calibrate, or the
-- window's Calibrate button). One row per calibration run; the newest one applies.
CREATE TABLE model_calibrations (
    id           INTEGER PRIMARY KEY,
    created_at   TEXT NOT NULL,
    first_week   TEXT,
    last_week    TEXT,
    weeks        INTEGER NOT NULL,
    asins        INTEGER NOT NULL,
    result_json  TEXT NOT NULL        -- {"links": {name: {estimate, low, high, se, weeks, asins, status, note}}}
);
