"""Persistence: the only code that opens a board's files."""
