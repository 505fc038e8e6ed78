"""The terminal interface: the Textual app, its screens and widgets, and the command line."""
