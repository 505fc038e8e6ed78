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
        # `steps` and `[0].text` make `steps[0].text`; `task` and `title` make `task.title`
        where = (field + ("" if (path or "").startswith("[") else ".") + path if field and path
                 else field or path or model.__name__.lower())
        raise Invalid(where, _plainly(message) if message else "invalid") from None


_TOO_LONG = re.compile(r"Expected `(str|array)` of length <= (\d+)")
_TOO_SHORT = re.compile(r"Expected `(str|array)` of length >= 1")
_BOUND = re.compile(r"Expected `(?:int|float)` (>=|>|<=|<) (-?[\d.e+]+)")
_BOUND_WORDS = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than"}


def _number(text: str) -> str:
    value = float(text)
    return f"{value:,.0f}" if value.is_integer() else f"{value:g}"


def _plainly(message: str) -> str:
    """msgspec's message as a person reads it: `too long: at most 200 characters` for a length
    cap, `must be at least 0` for a bound, `must not be empty` for an empty text."""
    message = _TOO_LONG.sub(
        lambda m: f"too long: at most {m.group(2)} {'characters' if m.group(1) == 'str' else 'items'}", message)
    message = _TOO_SHORT.sub("must not be empty", message)
    message = _BOUND.sub(lambda m: f"must be {_BOUND_WORDS[m.group(1)]} {_number(m.group(2))}", message)
    return message[0].lower() + message[1:]
