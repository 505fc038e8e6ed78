"""Members of a board and their roles."""

from __future__ import annotations

import re
from typing import Literal

import msgspec

Role = Literal["lead", "rep"]
ROLES: tuple[str, ...] = ("lead", "rep")
_NAME = re.compile(r"^\w[\w.\-]{0,39}$")


class Member(msgspec.Struct, forbid_unknown_fields=True):
    name: str
    role: Role = "rep"

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(
                f"{self.name!r} is not a member name: letters, digits, '.', '_' or '-', at most 40"
            )


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name))
