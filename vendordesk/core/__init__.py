"""VendorDesk core (no Qt)."""
