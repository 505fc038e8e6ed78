"""Textual CSS themes (data shipped with the package)."""
