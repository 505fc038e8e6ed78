"""Turning raw dicts into checked models, with errors that name the field."""

from __future__ import annotations

import re
from typing import TypeVar

import msgspec

from sales.errors import Invalid

T = TypeVar("T")
_AT = re.compile(r"^(.*?)(?: - at `\$\.?(.*)`)?$", re.S)


def convert(data: object, model: type[T], field: str = "") -> T:
    """`data` as a `model`, or Invalid naming the field (`steps[0].text`) and the reason."""
    try:
        return msgspec.convert(data, model)
    except msgspec.ValidationError as error:
        message, path = _AT.match(str(error)).groups()
        where = ".".join(part for part in (field, path or "") if part) or model.__name__.lower()
        raise Invalid(where, message[0].lower() + message[1:] if message else "invalid") from None
