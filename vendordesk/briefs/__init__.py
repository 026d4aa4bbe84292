"""VendorDesk briefs (no Qt)."""
