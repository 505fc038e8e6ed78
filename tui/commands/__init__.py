"""The command line's verbs, one module per group (registered in tui/cli.py)."""
