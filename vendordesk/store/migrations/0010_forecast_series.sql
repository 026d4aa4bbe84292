-- Workspace size (issue 18), step 4: Amazon's forecasts keep their text key once, as the weekly
-- facts do since 0009. Up to schema 9 every row of amazon_forecasts repeated ASIN, marketplace,
-- program and three ISO dates as text (60 of its ~108 bytes; 244 MB at 5,000 ASINs x 156 weeks).
-- Now one row per series (asin, marketplace, program) in forecast_series, and amazon_forecasts_k
-- keeps (series_id, generation, week, span): generation = generation_date and week = week_start as
-- days since 1970-01-01, span = week_end - week_start in days. A date that is no 'YYYY-MM-DD' keeps
-- its text (generation/week hold it, week_end holds its text, span is NULL). generation and week
-- have no declared type, so such a text is kept as it is and never read as a number.
-- The old name is a VIEW with the same columns, in the same order and with the same text dates,
-- so every reader stays as it was. store.facts and the demo write amazon_forecasts_k directly
-- (store.fact_series.FORECASTS); the INSTEAD OF triggers serve anything else that writes the
-- old name (tests, a hand-made fix).
CREATE TABLE forecast_series (
    id              INTEGER PRIMARY KEY,
    asin            TEXT NOT NULL,
    marketplace_id  TEXT NOT NULL DEFAULT '',
    selling_program TEXT NOT NULL DEFAULT 'RETAIL',
    UNIQUE (asin, marketplace_id, selling_program)
);
INSERT INTO forecast_series (asin, marketplace_id, selling_program)
    SELECT DISTINCT asin, marketplace_id, selling_program FROM amazon_forecasts
    ORDER BY asin, marketplace_id, selling_program;

CREATE TABLE amazon_forecasts_k (
    series_id  INTEGER NOT NULL REFERENCES forecast_series(id),
    generation NOT NULL,       -- generation_date as days since 1970-01-01 (its text if no ISO date)
    week       NOT NULL,       -- week_start as days since 1970-01-01 (its text if no ISO date)
    span       INTEGER,        -- week_end - week_start in days, when both are dates
    week_end   TEXT,           -- NULL unless week_start or week_end is no 'YYYY-MM-DD' date
    mean_units REAL,
    p70_units  REAL,
    p80_units  REAL,
    p90_units  REAL,
    import_id  INTEGER REFERENCES report_imports(id) ON DELETE CASCADE,
    PRIMARY KEY (series_id, generation, week)
) WITHOUT ROWID;
INSERT INTO amazon_forecasts_k (series_id, generation, week, span, week_end, mean_units, p70_units, p80_units, p90_units, import_id)
    SELECT s.id,
           CASE WHEN date(f.generation_date) IS f.generation_date THEN CAST(julianday(f.generation_date) - 2440587.5 AS INTEGER) ELSE f.generation_date END,
           CASE WHEN date(f.week_start) IS f.week_start THEN CAST(julianday(f.week_start) - 2440587.5 AS INTEGER) ELSE f.week_start END,
           CASE WHEN date(f.week_start) IS f.week_start AND date(f.week_end) IS f.week_end THEN CAST(julianday(f.week_end) - julianday(f.week_start) AS INTEGER) END,
           CASE WHEN date(f.week_start) IS f.week_start AND date(f.week_end) IS f.week_end THEN NULL ELSE f.week_end END,
           f.mean_units, f.p70_units, f.p80_units, f.p90_units, f.import_id
    FROM amazon_forecasts f JOIN forecast_series s USING (asin, marketplace_id, selling_program) ORDER BY 1, 2, 3;
DROP TABLE amazon_forecasts;
CREATE VIEW amazon_forecasts AS
    SELECT s.asin, s.marketplace_id, s.selling_program,
           CASE WHEN typeof(f.generation) = 'integer' THEN date(f.generation + 2440587.5) ELSE f.generation END AS generation_date,
           CASE WHEN typeof(f.week) = 'integer' THEN date(f.week + 2440587.5) ELSE f.week END AS week_start,
           COALESCE(f.week_end, date(f.week + f.span + 2440587.5)) AS week_end,
           f.mean_units, f.p70_units, f.p80_units, f.p90_units, f.import_id
    FROM amazon_forecasts_k f JOIN forecast_series s ON s.id = f.series_id;
CREATE TRIGGER amazon_forecasts_insert INSTEAD OF INSERT ON amazon_forecasts BEGIN
    INSERT OR IGNORE INTO forecast_series (asin, marketplace_id, selling_program)
        VALUES (NEW.asin, COALESCE(NEW.marketplace_id, ''), COALESCE(NEW.selling_program, 'RETAIL'));
    INSERT INTO amazon_forecasts_k (series_id, generation, week, span, week_end, mean_units, p70_units, p80_units, p90_units, import_id)
        VALUES ((SELECT id FROM forecast_series WHERE asin = NEW.asin AND marketplace_id = COALESCE(NEW.marketplace_id, '') AND selling_program = COALESCE(NEW.selling_program, 'RETAIL')),
                CASE WHEN date(NEW.generation_date) IS NEW.generation_date THEN CAST(julianday(NEW.generation_date) - 2440587.5 AS INTEGER) ELSE NEW.generation_date END,
                CASE WHEN date(NEW.week_start) IS NEW.week_start THEN CAST(julianday(NEW.week_start) - 2440587.5 AS INTEGER) ELSE NEW.week_start END,
                CASE WHEN date(NEW.week_start) IS NEW.week_start AND date(NEW.week_end) IS NEW.week_end THEN CAST(julianday(NEW.week_end) - julianday(NEW.week_start) AS INTEGER) END,
                CASE WHEN date(NEW.week_start) IS NEW.week_start AND date(NEW.week_end) IS NEW.week_end THEN NULL ELSE NEW.week_end END,
                NEW.mean_units, NEW.p70_units, NEW.p80_units, NEW.p90_units, NEW.import_id);
END;
CREATE TRIGGER amazon_forecasts_update INSTEAD OF UPDATE ON amazon_forecasts BEGIN
    UPDATE amazon_forecasts_k SET span = CASE WHEN date(NEW.week_start) IS NEW.week_start AND date(NEW.week_end) IS NEW.week_end THEN CAST(julianday(NEW.week_end) - julianday(NEW.week_start) AS INTEGER) END,
        week_end = CASE WHEN date(NEW.week_start) IS NEW.week_start AND date(NEW.week_end) IS NEW.week_end THEN NULL ELSE NEW.week_end END,
        mean_units = NEW.mean_units, p70_units = NEW.p70_units, p80_units = NEW.p80_units, p90_units = NEW.p90_units, import_id = NEW.import_id
    WHERE series_id = (SELECT id FROM forecast_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND selling_program = OLD.selling_program)
      AND generation = CASE WHEN date(OLD.generation_date) IS OLD.generation_date THEN CAST(julianday(OLD.generation_date) - 2440587.5 AS INTEGER) ELSE OLD.generation_date END
      AND week = CASE WHEN date(OLD.week_start) IS OLD.week_start THEN CAST(julianday(OLD.week_start) - 2440587.5 AS INTEGER) ELSE OLD.week_start END;
END;
CREATE TRIGGER amazon_forecasts_delete INSTEAD OF DELETE ON amazon_forecasts BEGIN
    DELETE FROM amazon_forecasts_k WHERE series_id = (SELECT id FROM forecast_series WHERE asin = OLD.asin AND marketplace_id = OLD.marketplace_id AND selling_program = OLD.selling_program)
      AND generation = CASE WHEN date(OLD.generation_date) IS OLD.generation_date THEN CAST(julianday(OLD.generation_date) - 2440587.5 AS INTEGER) ELSE OLD.generation_date END
      AND week = CASE WHEN date(OLD.week_start) IS OLD.week_start THEN CAST(julianday(OLD.week_start) - 2440587.5 AS INTEGER) ELSE OLD.week_start END;
END;
