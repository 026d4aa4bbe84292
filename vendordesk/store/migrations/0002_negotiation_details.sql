-- Price-increase cases: the vendor's own unit cost (for the vendor's margin), MSRP old/new,
-- the KAM who leads the talk and the validity of the final order at the old cost.
ALTER TABLE negotiation_items ADD COLUMN own_cost_before REAL;
ALTER TABLE negotiation_items ADD COLUMN own_cost_after REAL;
ALTER TABLE negotiation_items ADD COLUMN msrp_before REAL;
ALTER TABLE negotiation_items ADD COLUMN msrp_after REAL;
ALTER TABLE negotiations ADD COLUMN kam TEXT;
ALTER TABLE negotiations ADD COLUMN final_order_until TEXT;
