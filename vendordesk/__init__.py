"""VendorDesk: the desk of a Key Account Manager selling to Amazon as a 1P vendor."""

__version__ = "0.1.0"
APP_NAME = "VendorDesk"
ORG_NAME = "VendorDesk"
