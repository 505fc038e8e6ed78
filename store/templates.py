"""The plan and checklist templates shipped in plans/ (package data): listing and reading them.

A template is a plan file. Its first line is a comment that says what it is; its items carry no
ids, so starting from one adds new items (the sample quarter keeps its ids: it is a whole plan
for a fresh board).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from sales.errors import NotFound

SUFFIX = ".yaml"


@dataclass(frozen=True)
class Template:
    name: str
    summary: str


def _folder():
    return files("plans")


def templates() -> list[Template]:
    found = []
    for entry in sorted(_folder().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(SUFFIX):
            first = entry.read_text(encoding="utf-8").split("\n", 1)[0]
            found.append(Template(entry.name[: -len(SUFFIX)], first.lstrip("# ").removeprefix("Template: ")))
    return found


def template_text(name: str) -> tuple[bytes, str]:
    """The bytes of template `name` (with or without .yaml) and the name to report problems under."""
    stem = name.removesuffix(SUFFIX)
    known = [t.name for t in templates()]
    if stem not in known:
        raise NotFound(f"no template {name!r} (templates: {', '.join(known)})")
    return _folder().joinpath(stem + SUFFIX).read_bytes(), stem + SUFFIX
