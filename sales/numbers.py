"""Numbers as people type them: `1,200,000`, `1.2M`, `250k`, `4.8万`, `12,5` (a decimal comma).

One reading for every place a number is typed (forms, the command line, a deals file's amounts),
so the same text never means two amounts in two places.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal

from sales.errors import Reason
from sales.text import half_width

_SUFFIX = {"k": 1e3, "m": 1e6, "b": 1e9, "万": 1e4, "亿": 1e8}  # 4.8万 as a Chinese team writes 48k


# A comma in a number: thousands when it groups threes (1,234,567.5), else a decimal comma as
# much of Europe writes it (1.234.567,5 or 12,5 and 1,5M: one or two digits after it). Anything
# else (12,3456) says nothing certain. Commas were all dropped, so 1,5M was 15M and 1.234,56 was 1.23.
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_DECIMAL_COMMA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d{1,2})")


def decimal_point(word: str) -> str:
    """`word` (a sign, digits and separators) with no thousands separators and a point for
    decimals, for float(); ValueError when its commas are neither thousands nor decimals."""
    word = word.replace("_", "").replace(" ", "").replace("\u00a0", "")
    if "," not in word:
        return word
    if _THOUSANDS.fullmatch(word):
        return word.replace(",", "")
    if _DECIMAL_COMMA.fullmatch(word):
        return word.replace(".", "").replace(",", ".")
    raise Reason("{word!r}: a comma groups thousands (1,200,000) or comes before decimals (1,5)", word=word)


def parse_number(text: str) -> float:
    """A number as people type it: `1,200,000`, `1.2M`, `250k`, `4.8万`, `31.5`, `31%` (31), `1,5M` (a
    decimal comma), full-width as an input method types it (`１２０００`, `12，000`), `¥12000`,
    `1.2万元`; ValueError otherwise."""
    word = half_width(text).strip().replace("_", "").replace(" ", "")
    word = word.lstrip("$€£¥").removesuffix("%").removesuffix("元")
    scale = _SUFFIX.get(word[-1:].lower(), 1) if word else 1
    if scale != 1:
        word = word[:-1]
    try:
        value = float(decimal_point(word)) * scale
    except ValueError:
        raise Reason("{text!r} is not a number (e.g. 1200000, 1.2M, 250k, 31.5)", text=text) from None
    if value != value or abs(value) == float("inf"):
        raise Reason("{text!r} is not a number", text=text)
    return value


#: Room for any float's digits (1e308) and decimals, so that quantize never runs out of precision.
_WIDE = Context(prec=400)


def rounded(x: float, digits: int = 0, *, sign: bool = False, grouped: bool = True, percent: bool = False) -> str:
    """`x` to `digits` decimals as a person rounds it, half up (0.125 → 0.13, 2.5 → 3), grouped in
    thousands unless `grouped` is False; `sign`: with + before a positive number; `percent`: x
    times 100 (a rate of 0.00125 is 0.13%: multiplied in decimal, not as a float, which could
    land a hair below the half). Python's own formatting rounds the binary float half to even
    (0.125 → 0.12, 2.5 → 2), which a reader takes for a mistake. The number is rounded as it is
    written (its shortest repr), so 2.675 is 2.68 although the float is a hair below it. Not
    finite: as Python writes it."""
    spec = ("+" if sign else "") + ("," if grouped else "") + f".{digits}f"
    if not math.isfinite(x):
        return format(x * 100 if percent else x, spec)
    value = Decimal(repr(float(x))).scaleb(2 if percent else 0, context=_WIDE)
    value = value.quantize(Decimal(1).scaleb(-digits), context=_WIDE, rounding=ROUND_HALF_UP)
    return format(value.copy_abs() if value.is_zero() else value, spec)


def half_up(x: float, digits: int = 0) -> float:
    """`x` to `digits` decimals, half up as a person (and payroll) rounds: 5.005 → 5.01, 2.5 → 3,
    -2.5 → -3. Python's round() rounds the binary float, half to even (round(5.005, 2) is 5.0,
    round(2.5) is 2), which reads as a lost cent. The number is taken as it is written (its
    shortest repr), after arithmetic's last-digit noise is dropped (1.1 * 3 is 3.3000000000000003;
    0.285 * 100 is 28.499999999999996): a float's 12 significant digits decide, as no amount or
    rate needs more. Not finite: unchanged."""
    if not math.isfinite(x):
        return x
    value = Decimal(repr(float(x)))
    if value:
        value = value.quantize(Decimal(1).scaleb(min(-digits - 1, value.adjusted() - 11)), context=_WIDE,
                               rounding=ROUND_HALF_UP)  # (the noise)
    value = value.quantize(Decimal(1).scaleb(-digits), context=_WIDE, rounding=ROUND_HALF_UP)
    return float(value) + 0.0


def cents(x: float) -> float:
    """An amount of money to the cent, half up (half_up(x, 2)): how every amount a payout adds
    up is kept."""
    return half_up(x, 2)
