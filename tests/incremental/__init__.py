"""Incremental runs against full refreshes."""
