"""Turning raw dicts into checked models, with errors that name the field."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

import msgspec

from sales.dates import year_problem
from sales.errors import Invalid

T = TypeVar("T")
_AT = re.compile(r"^(.*?)(?: - at `\$\.?(.*)`)?$", re.S)


def convert(data: object, model: type[T], field: str = "") -> T:
    """`data` as a `model`, or Invalid naming the field (`steps[0].text`) and the reason. Its
    dates must fall in the years a plan may hold (sales.dates.year_problem)."""
    try:
        converted = msgspec.convert(data, model)
    except msgspec.ValidationError as error:
        message, path = _AT.match(str(error)).groups()
        if (missing := _MISSING.match(message or "")) is not None:  # `Object missing required field `title``
            path, message = _joined(path or "", missing.group(1)), "must not be empty"
        where = _joined(field, path)
        raise Invalid(where or model.__name__.lower(), _plainly(message) if message else "invalid",
                      whole=not where) from None
    _check_years(converted, field)
    return converted


def _joined(field: str, path: str | None) -> str:
    """`steps` and `[0].text` make `steps[0].text`; `task` and `title` make `task.title`."""
    if field and path:
        return field + ("" if path.startswith("[") else ".") + path
    return field or path or ""


def _check_years(value: object, path: str) -> None:
    """Invalid for the first date (or time) in `value`, a model, a list or a dict of them, that
    falls outside the years a plan may hold."""
    if isinstance(value, date):
        if (why := year_problem(value)) is not None:
            raise Invalid(path or "date", why)
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            _check_years(getattr(value, name), _joined(path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_years(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_years(item, _joined(path, str(key)))


_MISSING = re.compile(r"^Object missing required field `([^`]+)`$")
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
