"""VendorDesk sync (no Qt)."""
