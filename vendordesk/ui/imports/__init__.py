"""Importing reports: files, preview, history, sync."""
