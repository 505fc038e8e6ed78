"""Checklists: the diagnosis checklist, the weekly review, the end-of-cycle review, and any other.

A checklist is a titled list of steps that belongs to one phase of the cycle. The team starts
them from the templates in plans/ (`uplift plan new --from weekly-review`).
"""

from __future__ import annotations

from typing import Literal

import msgspec

from sales.errors import Reason
from sales.tasks import LongText, Step, Title
from sales.text import clean_line, clean_multiline

Phase = Literal["diagnose", "goals", "plan", "track", "review"]
PHASES: tuple[str, ...] = ("diagnose", "goals", "plan", "track", "review")


class Checklist(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    title: Title
    phase: Phase = "plan"
    description: LongText = ""
    steps: list[Step] = []

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        self.description = clean_multiline(self.description)
        if not self.title:
            raise Reason("a checklist needs a title").in_field("title")
