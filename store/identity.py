"""Who is acting: UPLIFT_USER, else the login name."""

from __future__ import annotations

import getpass
import os


def current_actor() -> str:
    name = os.environ.get("UPLIFT_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
