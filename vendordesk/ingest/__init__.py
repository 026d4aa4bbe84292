"""VendorDesk ingest (no Qt)."""
