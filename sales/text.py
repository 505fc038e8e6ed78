"""One sanitizer for user text, used on the way in (store) and on the way out (screens, CLI).

A title typed by one person is shown on another person's terminal, so it must not be able to
carry escape sequences (colours, window titles, OSC 52 clipboard writes) or bidi overrides that
make text read differently from what it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# C0 controls except TAB and LF, DEL, C1 controls, bidi embedding/override/isolate controls,
# and the line/paragraph separators that some terminals treat as newlines.
_UNSAFE_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# One line (titles, names, accounts) also loses the invisible characters that make two equal-looking
# names different (zero-width space, word joiner, byte-order mark) and the bidi marks (LRM, RLM,
# ALM): "Acme" and "Acme\u200b" would be two customers. ZWJ and ZWNJ stay: scripts and emoji need them.
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
                          "\u200b\u200e\u200f\u061c\u2060\ufeff]")

# A lone surrogate: how Python hands over bytes that are not UTF-8 (a word typed in a Latin-1
# terminal, a raw 0x9b byte on the command line: os.fsdecode's surrogateescape). No file can hold
# one and no terminal can show one, so it becomes U+FFFD, the sign of a character lost in
# transit, on the way in and on the way out (it used to end a command in an encoding error).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

TITLE_MAX = 200
NAME_MAX = 40
TEXT_MAX = 4000
LINE_MAX = 400  # any other one-line box (reasons, notes, comments, paths)


def clean_line(text: str) -> str:
    """Text for one line (titles, names): every control character removed, tabs become spaces."""
    return _UNSAFE_LINE.sub("", _whole(text).replace("\t", " ").replace("\n", " ")).strip()


def account_key(name: str) -> str:
    """What two spellings of one account (customer) have in common, for comparing them: `Acme
    Corp`, `ACME  corp` and `acme corp` are one (sales/accounts.py, the quiet key-account alert,
    `log --item ACCOUNT`, a deal's activity on another account)."""
    return " ".join(name.split()).casefold()


def clean_multiline(text: str) -> str:
    """Longer text (notes, expected results): keeps newlines and tabs, drops other controls."""
    return _UNSAFE_MULTILINE.sub("", _whole(text).replace("\r\n", "\n")).strip()


def safe(text: object) -> str:
    """Any value about to be written to a terminal, made harmless (the way-out half)."""
    return _UNSAFE_MULTILINE.sub("", _whole(str(text)))


#: The full-width forms of ASCII (U+FF01-U+FF5E: ０-９, －, ／, ，, ．) and the ideographic space and
#: full stop (and ￥), as a Chinese or Japanese input method types them in full-width mode: `１２０００`,
#: `２０２６－１２－０１`, `12，000`, `1。5万`. A person reads them as the ASCII ones.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x3002: 0x2E, 0xFFE5: 0xA5}


def half_width(text: str) -> str:
    """`text` with full-width digits, letters and punctuation (and 。) as their ASCII forms: how a
    number or a date typed with an input method in full-width mode is read."""
    return text if text.isascii() else text.translate(_HALF_WIDTH)


def list_commas(text: str) -> str:
    """`text` with the Chinese commas that separate the items of a list (`，` and the enumeration
    comma `、`, as an input method types them: `重点客户，第四季度`) as `,`."""
    return text.replace("\uff0c", ",").replace("\u3001", ",")


def _whole(text: str) -> str:
    """`text` with each lone surrogate (a byte that was not UTF-8) as U+FFFD."""
    return text if text.isascii() else _LONE_SURROGATE.sub("\ufffd", text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def safe_json(data: bytes) -> bytes:
    """JSON about to be printed, with the controls JSON leaves raw (DEL, C1, bidi) as \\u escapes.

    The data is unchanged (a JSON reader decodes the escapes back); only a terminal is spared.
    These characters can only occur inside JSON strings, where an escape means the same.
    """
    text = data.decode()
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text).encode()


#: What a spreadsheet would run as a formula at the start of a cell (OWASP's CSV injection list:
#: = + - @, a tab, a carriage return; and the full-width ＝ ＋ － ＠, which some spreadsheets' locales
#: read as their ASCII forms): a CSV the board writes puts such text behind a `'`
#: (tui.cli_output.csv_cell), and reading its own file back takes it off.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _formula_like(text: str) -> bool:
    """Whether `text` starts like a formula, or is such text behind one or more `'` of its own
    (which must be guarded too, or reading the cell back would take the person's `'` off)."""
    return text.lstrip("'").startswith(FORMULA_STARTS)


def formula_guarded(text: str) -> str:
    """`text` as a CSV cell a spreadsheet will not run: behind a `'` if it starts like a formula.
    (Numbers are not text: a cell for the number -12.5 is written as it is, by the CSV writer.)"""
    return "'" + text if _formula_like(text) else text


def formula_unguarded(text: str) -> str:
    """What formula_guarded() was given, exactly: a cell of the board's own CSV, read back."""
    return text[1:] if text.startswith("'") and _formula_like(text[1:]) else text


#: Text whose every character takes one cell: Latin, the general punctuation (`·` `…` `“”` `—`)
#: and arrows (`↓` `↻`), which a card's or table's every line holds; measured a character at a
#: time, a long column's lines took a third of its drawing.
_ONE_CELL_EACH = re.compile("[\x00-\u02ff\u2000-\u200a\u2010-\u2027\u202f-\u205f\u2190-\u21ff]*")

#: Characters that take no cell of their own, as the terminal (and Rich, which draws the app)
#: counts them: zero-width spaces and joiners, direction marks, line and paragraph separators,
#: the byte-order mark. The soft hyphen and the Arabic and Kaithi number signs are format
#: characters that do take a cell.
_TAKES_A_CELL = frozenset("\u00ad\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
                          "\U000110bd\U000110cd")
_ZWJ, _EMOJI_STYLE = "\u200d", "\ufe0f"


def display_width(text: str) -> int:
    """Terminal cells `text` takes, as Rich (which draws the app) counts them: wide (CJK)
    characters take two; combining marks, format characters and skin tones none; an emoji
    sequence joined by zero-width joiners (👨‍👩‍👧) takes its first emoji's cells, and a symbol
    given the emoji selector (❤️, 1️⃣) takes two."""
    if text.isascii() or _ONE_CELL_EACH.fullmatch(text):  # (most text, and a long table's every cell)
        return len(text)
    if _ZWJ not in text and _EMOJI_STYLE not in text:
        try:
            return sum(map(_CELLS.__getitem__, text))
        except KeyError:  # (a character not met before: measured once, then as above)
            return sum(map(_cells_of, text))
    width = 0
    last = ""  # the character the emoji selector may widen
    joined = False
    for char in text:
        if joined:  # the character after a joiner is drawn in its sequence's cells
            joined = False
        elif char == _ZWJ:
            joined = True
        elif char == _EMOJI_STYLE:
            width += bool(last) and _emoji_capable(last)
            last = ""
        else:
            cells = _cells_of(char)
            width += cells
            if cells:
                last = char if cells == 1 else ""
    return width


#: Each character's cells, once worked out (a Chinese board's every line measures the same few
#: thousand characters again and again), up to a bound: hostile text may hold every code point.
_CELLS: dict[str, int] = {}
_CELLS_KEPT = 1 << 16


def _cells_of(char: str) -> int:
    """The cells one character takes on its own (0, 1 or 2)."""
    import unicodedata

    kind = unicodedata.category(char)
    if kind in ("Mn", "Mc", "Me", "Zl", "Zp", "Cc") or (kind == "Cf" and char not in _TAKES_A_CELL) \
            or "\u1160" <= char <= "\u11ff" or "\U0001f3fb" <= char <= "\U0001f3ff":
        cells = 0
    else:
        cells = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    if len(_CELLS) < _CELLS_KEPT:
        _CELLS[char] = cells
    return cells


def _emoji_capable(char: str) -> bool:
    """Whether a one-cell symbol is drawn as a two-cell emoji when the emoji selector follows it
    (digits, `#`, `*`, ©, ®, arrows, ☀, ❤ ...; not letters or ordinary punctuation)."""
    return char in "#*0123456789\u00a9\u00ae\u203c\u2049\u2122\u2139\u24c2\u3030\u303d\u3297\u3299" \
        or any(low <= char <= high for low, high in _EMOJI_BLOCKS)


#: Where the symbols with an emoji form live: arrows, technical symbols, geometric shapes,
#: miscellaneous symbols and dingbats, supplemental arrows, and the emoji planes.
_EMOJI_BLOCKS = (("\u2194", "\u21aa"), ("\u2328", "\u23fa"), ("\u25aa", "\u25fe"), ("\u2600", "\u27bf"),
                 ("\u2934", "\u2935"), ("\u2b05", "\u2b55"), ("\U0001f000", "\U0001faff"))


def cut(text: str, width: int) -> str:
    """The start of `text` that fits in `width` cells (a wide character that would straddle
    the edge is left out)."""
    out, used = [], 0
    joined = False  # (an emoji sequence is kept whole: what follows a joiner takes no more cells)
    for char in text:
        if joined or char == _ZWJ:
            cells, joined = 0, not joined
        elif char == _EMOJI_STYLE:
            cells = display_width("".join(out) + char) - used
        else:
            cells = display_width(char)
        if used + cells > width:
            while out and out[-1] == _ZWJ:  # (a joiner at the edge would join the next line's character)
                out.pop()
            break
        out.append(char)
        used += cells
    return "".join(out)


#: One unit of text a line may break after: a run of spaces; a number with the wide character
#: that counts it (`2027年`, `1月`, `3天`, and with the space the catalogue writes between them,
#: `25 天`, `6,000 元`: never `2027年1` / `月` nor `25` / `天`); a wide (CJK) character with the
#: closing punctuation that must not start a line (，。、）” ...); or a run of other characters (a word),
#: with such a mark too (`争议 [x]；` / `主管…`, not `争议 [x]` / `；主管…`); an opening mark
#: (（“《 ...) goes with what follows it, never ends a line (`变化` / `（+5pp）`, not `变化（` / `+5pp）`).
_WIDE = "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3" \
        "\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"
_CLOSING = "，。、；：？！）」』》〉】〕”’…·．,.;:?!)"
_OPENING = "（「『《〈【〔“‘("
_UNITS = re.compile(f"\\s+|[{_OPENING}]*(?:[0-9][0-9.,]* ?[{_WIDE}][{_CLOSING}]*|[{_WIDE}][{_CLOSING}]*"
                    f"|[^\\s{_WIDE}]+[{_CLOSING}]*)")


def wrap_cells(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, as Chinese is set (and as a browser sets it): a
    line may break between any two wide characters (never before a closing mark such as ，or 。)
    and between words at a space; a word wider than a line breaks after a hyphen of its own
    (`three-` / `year`), else is cut with a hyphen where the line ends (`Brightwa-` / `ter`), so
    that the cut reads as one. The spaces at a break go."""
    lines: list[str] = []
    line, used = "", 0
    for unit in _units(text, width):
        cells = display_width(unit)
        if unit.isspace():
            if line:
                line, used = line + unit, used + cells
            continue
        if line and used + cells > width:
            lines.append(line.rstrip())
            line, used = "", 0
        while cells > width:  # (a word wider than a line: cut where the line ends)
            head, unit = _word_head(unit, width)
            lines.append(head)
            cells = display_width(unit)
        line, used = line + unit, used + cells
    return [*lines, line.rstrip()] if line or not lines else lines


def _units(text: str, width: int) -> Iterator[str]:
    """`text`'s units (_UNITS); a number and its counter wider together than a line (`12 天` in
    four cells) as the two words they are, broken at their space rather than cut."""
    for unit in _UNITS.findall(text):
        if " " in unit and not unit.isspace() and display_width(unit) > width:
            number, _space, rest = unit.partition(" ")
            yield from (number, " ", rest)
        else:
            yield unit


def _word_head(word: str, width: int) -> tuple[str, str]:
    """A `word` wider than `width` cells as (its first line, the rest): broken after a hyphen of
    its own where one fits, else cut with a hyphen added (`Brightwa-`, `ter`); a line of three
    cells or fewer, or a cut among wide characters, is cut bare."""
    head = cut(word, width) or word[0]
    hyphen = head.rfind("-")
    if hyphen > 0:
        return head[:hyphen + 1], word[hyphen + 1:]
    if width <= 3 or any(display_width(char) != 1 for char in head):
        return head, word[len(head):]
    return head[:-1] + "-", word[len(head) - 1:]


def fit(text: str, width: int) -> str:
    """`text` cut (with …) or padded with spaces to exactly `width` cells (a joiner at its end,
    which would join the padding to it, left off)."""
    text = text.rstrip(_ZWJ)
    if display_width(text) > width:
        start = cut(text, width - 1)
        return start + "…" + " " * (width - 1 - display_width(start))
    return text + " " * (width - display_width(text))


def listed(names: Iterable[str], at_most: int = 30, width: int = 40) -> str:
    """Names for a message, comma-separated: at most `at_most` of them, each cut to `width`
    cells, then `…`. A file's columns are listed when one is missing, and a hostile file with
    100,000 columns (or a 20 MB header) made that one line of stderr half a megabyte."""
    names = list(names)
    shown = [name if display_width(name) <= width else fit(name, width) for name in names[:at_most]]
    return ", ".join(shown + (["…"] if len(names) > at_most else []))
