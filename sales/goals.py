"""Goals and the strategies that serve them (phase 2 of the cycle)."""

from __future__ import annotations

from typing import Literal

import msgspec

from sales.tasks import LongText, Ref, Title
from sales.text import clean_line, clean_multiline

Dimension = Literal["market", "product", "channel", "pricing"]
DIMENSION_LABELS = {
    "market": "Market & customer",
    "product": "Product & solution",
    "channel": "Channel & model",
    "pricing": "Pricing & promotion",
}


class Goal(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    title: Title
    owner: Ref | None = None
    description: LongText = ""

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        self.description = clean_multiline(self.description)
        if not self.title:
            raise ValueError("a goal needs a title")


class Strategy(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    id: str
    title: Title
    dimension: Dimension = "market"
    goals: list[Ref] = []
    description: LongText = ""

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        self.description = clean_multiline(self.description)
        if not self.title:
            raise ValueError("a strategy needs a title")
