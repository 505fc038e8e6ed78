"""Where the user's own config file is, and its `language:` read cheaply.

Only the standard library: the command line reads the language at every run (`uplift task done
T-4` over a slow link), so it looks for the one top-level `language:` line with a regular
expression instead of loading YAML. The app reads the whole file (tui/user_config.py), and says
there what is wrong with a bad value; here a bad or missing value is simply no setting.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

CONFIG_NAME = "config.yaml"
MOST_BYTES = 1_000_000  # (as the YAML reader's cap: a config file is a few lines)
_LANGUAGE_LINE = re.compile(r"""^language[ \t]*:[ \t]*(["']?)([A-Za-z_.@-]+)\1[ \t]*(?:#.*)?$""", re.M)


def config_dir() -> Path:
    """$XDG_CONFIG_HOME/uplift, else ~/.config/uplift."""
    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(home) / "uplift"


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def language_line(text: str) -> str | None:
    """The value of a top-level `language:` line in a config file's text, as written (None: none)."""
    found = _LANGUAGE_LINE.search(text)
    return found[2] if found else None


def configured_language(path: Path | None = None) -> str | None:
    """The `language:` of the user's config file as written, or None (no file, no line, unreadable)."""
    path = path or config_path()
    try:
        with path.open("rb") as file:
            data = file.read(MOST_BYTES + 1)
    except OSError:
        return None
    if len(data) > MOST_BYTES:
        return None
    return language_line(data.decode("utf-8", errors="replace"))
