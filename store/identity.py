"""Who is acting: UPLIFT_USER, else the login name."""

from __future__ import annotations

import os
import pwd


def current_actor() -> str:
    name = os.environ.get("UPLIFT_USER", "").strip()
    if name:
        return name
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # as getpass.getuser() looks
        name = os.environ.get(variable, "").strip()
        if name:
            return name
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:
        return "unknown"
