"""Turning raw dicts into checked models, with errors that name the field."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

import msgspec

from sales.dates import year_problem
from sales.errors import Invalid, Reason, Said

T = TypeVar("T")
_AT = re.compile(r"^(.*?)(?: - at `\$\.?(.*)`)?$", re.S)


def convert(data: object, model: type[T], field: str = "") -> T:
    """`data` as a `model`, or Invalid naming the field (`steps[0].text`) and the reason. Its
    dates must fall in the years a plan may hold (sales.dates.year_problem)."""
    try:
        converted = msgspec.convert(data, model)
    except msgspec.ValidationError as error:
        message, path = _AT.match(str(error)).groups()
        reason = plainly(message or "", error.__cause__)
        if _MISSING.match(message or "") is not None:  # `Object missing required field `title``
            path, reason = _joined(path or "", _MISSING.match(message).group(1)), Reason("must not be empty")
        where = _joined(field, path)
        about = error.__cause__.about if isinstance(error.__cause__, Reason) else ""  # (the field its rule names)
        raise Invalid(where or model.__name__.lower(), reason, whole=not where, about=about) from None
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


def plainly(message: str, cause: BaseException | None = None) -> Reason:
    """msgspec's message as a person reads it, in words the interface can translate: `too long:
    at most 200 characters` for a length cap, `must be at least 0` for a bound, `must not be
    empty` for an empty text; a model's own rule (`cause`, the Reason its __post_init__ raised)
    as it said it. Any other message is msgspec's words, first letter lowered."""
    if isinstance(cause, Said):
        return Reason(cause)
    if not message:
        return Reason("invalid")
    if (long := _TOO_LONG.fullmatch(message)) is not None:
        if long.group(1) == "str":
            return Reason("too long: at most {count} characters", count=int(long.group(2)))
        return Reason("too long: at most {count} items", count=int(long.group(2)))
    if _TOO_SHORT.fullmatch(message) is not None:
        return Reason("must not be empty")
    if (bound := _BOUND.fullmatch(message)) is not None:
        return _bounded(bound.group(1), _number(bound.group(2)))
    words = _plainly(message)  # (msgspec's words: data, said as they are)
    return Reason(words)


def _bounded(sign: str, bound: str) -> Reason:
    """`must be at least 0` for msgspec's `>= 0`."""
    if sign == ">=":
        return Reason("must be at least {bound}", bound=bound)
    if sign == ">":
        return Reason("must be more than {bound}", bound=bound)
    if sign == "<=":
        return Reason("must be at most {bound}", bound=bound)
    return Reason("must be less than {bound}", bound=bound)


def _plainly(message: str) -> str:
    """msgspec's message with its length caps and bounds in words, first letter lowered."""
    message = _TOO_LONG.sub(
        lambda m: f"too long: at most {m.group(2)} {'characters' if m.group(1) == 'str' else 'items'}", message)
    message = _TOO_SHORT.sub("must not be empty", message)
    message = _BOUND.sub(lambda m: f"must be {_BOUND_WORDS[m.group(1)]} {_number(m.group(2))}", message)
    return message[0].lower() + message[1:]
