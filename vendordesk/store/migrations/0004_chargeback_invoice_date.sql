-- The invoice date of a shortage claim: its dispute deadline is this date + 24 months (domain.md §4.3).
ALTER TABLE chargebacks ADD COLUMN invoice_date TEXT;
