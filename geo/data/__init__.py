"""Curated data: its contract, the checks between files, loading, vocabularies and countries."""
