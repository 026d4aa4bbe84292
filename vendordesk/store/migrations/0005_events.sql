-- The KAM's event calendar: corrections of the built-in dates (Prime Day as announced) and
-- own events (a TV campaign, a Prime Day deal listing). Built-in movable dates (Easter, Black
-- Friday, ...) are computed by vendordesk.core.events and not stored.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,             -- prime_day, black_friday, ..., user
    name        TEXT NOT NULL,
    start_date  TEXT NOT NULL,             -- ISO date, inclusive
    end_date    TEXT NOT NULL,             -- ISO date, inclusive
    asin        TEXT,                      -- NULL = the whole account
    price_cut   REAL,                      -- a deal: share off the price (0.2 = 20 % off), else NULL
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    CHECK (end_date >= start_date)
);
CREATE INDEX events_start ON events(start_date);
