"""The interface's language: English (the default, and the key of every lookup) or Simplified Chinese.

Which one: `UPLIFT_LANG` (en or zh; zh_CN, zh-Hans and the like count as zh; anything else
unknown means English), else `language:` in the user's config file (tui/config_file.py; a value
that is neither is no setting), else the locale (the first of LC_ALL, LC_MESSAGES, LANG that is set:
zh... means Chinese), else English. It is read from the environment once, at the first lookup,
and again whenever `set_language()` is called: the command line does at each run and the app
when it is made, so a test that sets UPLIFT_LANG and then starts either gets that language. A
lookup is then two dictionary reads (a board draws thousands of cards).

Lookups are gettext-style: `_("English text")` is that text in the current language, or the
English itself where the catalogue has no translation. Values go in after the lookup with
str.format: `_("Saved {id}").format(id=task.id)`. Text fixed at import time (binding
descriptions, column headers, module constants) is marked `N_("...")`, which returns it as is,
and is translated where it is shown (the footer, the help screen, a table's header).

A catalogue is a JSON file, tui/locales/LANG.json, {"English": "translation"}, read the first
time a lookup needs it: the command line pays nothing in English and one small JSON parse in
Chinese (no YAML, no Textual). This module imports only the standard library, sales.errors,
sales.phrases and tui.config_file.

Errors are said in the interface's language too: an error's message is a Phrase (sales.errors),
and `said(error)` says it as `say()` says any Phrase. Board data (task
titles, names, stage names, notes) is shown as typed, and so is the other text the domain
composes (SMART reasons, alert messages, activity descriptions): see the README's "Language"
section.
"""

from __future__ import annotations

import contextlib
import os
import re
import string
from functools import lru_cache
from typing import TYPE_CHECKING

from sales.errors import Invalid, Said
from sales.phrases import LISTED, Phrase, Word

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

ENGLISH = "en"
LANGUAGES = (ENGLISH, "zh")
LANGUAGE_NAMES = {ENGLISH: "English", "zh": "中文"}  # each in its own language, whichever is in use
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_code(text: str) -> str:
    """`zh_CN.UTF-8` -> "zh", `en-GB` -> "en": the language part of a locale or tag."""
    code = text.strip().lower()
    for separator in "-_.@":
        code = code.split(separator, 1)[0]
    return code


def choose_language(environ: Mapping[str, str] | None = None, configured: str | None = None) -> str:
    """The interface's language for `environ` and the config's `configured` language (default:
    this process's environment and the user's config file)."""
    env = os.environ if environ is None else environ
    wanted = env.get("UPLIFT_LANG", "").strip()
    if wanted:
        code = language_code(wanted)
        return code if code in LANGUAGES else ENGLISH
    if configured is None and environ is None:
        from tui.config_file import configured_language

        configured = configured_language()
    if configured and language_code(configured) in LANGUAGES:
        return language_code(configured)
    for name in LOCALE_VARIABLES:
        value = env.get(name, "").strip()
        if value:
            return "zh" if language_code(value) == "zh" else ENGLISH
    return ENGLISH


_current: str | None = None  # the language in use (None: not chosen yet)
_table: dict[str, str] = {}  # its catalogue


def set_language(lang: str | None = None) -> str:
    """Use `lang` from now on (None: choose from the environment again); the language used."""
    global _current, _table
    _current = lang if lang in LANGUAGES else choose_language()
    _table = catalogue(_current)
    return _current


def language() -> str:
    return _current if _current is not None else set_language()


@contextlib.contextmanager
def speaking(lang: str | None):
    """Say something in `lang` (a member's own, over SSH: the server speaks its own language to its
    log), then go back to the language in use. None or an unknown code: the one in use."""
    before = language()
    if lang in LANGUAGES:
        set_language(lang)
    try:
        yield
    finally:
        set_language(before)


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """The translations of `lang` (empty for English, or when its file is missing or unreadable:
    the interface then falls back to English rather than fail)."""
    if lang == ENGLISH:
        return {}
    import json
    from pathlib import Path

    try:
        data = json.loads((Path(__file__).with_name("locales") / f"{lang}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def _(text: str) -> str:
    """`text` (English) in the interface's language."""
    if _current is None:
        set_language()
    return _table.get(text, text)


def p_(context: str, text: str) -> str:
    """`text` as it is said in `context`, for an English word two places translate differently
    (a deal's "value" is an amount, a process metric's a number): the catalogue's key is
    "context|text", and the English is `text` itself."""
    if _current is None:
        set_language()
    return _table.get(f"{context}|{text}", text)


def N_(text: str) -> str:
    """Marks `text` for translation where it is defined; `_()` translates it where it is shown."""
    return text


def n_(one: str, many: str, count: int) -> str:
    """The singular or the plural English text for `count`, translated (both are keys)."""
    return _(one if count == 1 else many)


def sentences(*parts: str) -> str:
    """Translated sentences run together as the language writes them: English puts a space
    after a full stop, Chinese does not after its full-width 。？！"""
    text = ""
    for part in filter(None, parts):
        text += part if not text or text.endswith(("。", "？", "！", "）")) else " " + part
    return text


def enumerated(items: Iterable[str], more: bool = False) -> str:
    """Things named one after another (ids, names, scope fields) as the language lists them:
    `S-1, S-3`; Chinese with its enumeration comma, `S-1、S-3` (an ASCII comma inside Chinese
    read as a slip). `more`: the list goes on past these, `S-1, S-3, …` (`S-1、S-3、…`)."""
    return list_comma().join([*items, "…"] if more else items)


def list_comma() -> str:
    """What `enumerated` puts between two things: `, `, in Chinese `、`."""
    return p_("list", ", ")


def labelled(label: str, value: object) -> str:
    """A label and its value as the language joins them: `region North`; in Chinese with a
    full-width colon, `区域：华北` (a space left `区域 华北` reading as two words). The same
    catalogue entry says sales.phrases.labelled's Phrases."""
    return _("{label} {value}").format(label=label, value=value)


def bracketed(note: str) -> str:
    """` (note)`, to put after what it explains: Chinese with full-width brackets and no space
    (`新客户数（家）`), as its catalogue writes every bracket."""
    return _(" ({note})").format(note=note)


def said(error: BaseException) -> str:
    """What went wrong, in the interface's language: an error of ours (sales.errors) by its
    template, with the field first for an Invalid (`due: ...`); any other error as str() says it."""
    if isinstance(error, Invalid) and not error.whole:
        return f"{error.field}: {said_reason(error)}"
    return said_reason(error)


def said_reason(error: BaseException) -> str:
    """An error's message in the interface's language, without the field an Invalid names."""
    return say(error.said) if isinstance(error, Said) else str(error)


#: The refusal of someone not on the board (sales/permissions.py), which the command line says
#: with where the name came from: someone who never set UPLIFT_USER read `root is not a member`.
NOT_A_MEMBER = ("{actor} is not a member of this board, so may only read it "
                "(a lead adds members with `uplift member add NAME --role rep`)")
NOT_A_MEMBER_NEAR = ("{actor} is not a member of this board (did you mean {near}?), so may only read it "
                     "(a lead adds members with `uplift member add NAME --role rep`)")


def said_who(error: BaseException) -> str:
    """The error in the interface's language; the refusal of a non-member names its source (the
    command line's and the app's alike: `root (reader)` alone did not say why, nor what to do)."""
    if not isinstance(error, Said) or error.said.template not in (NOT_A_MEMBER, NOT_A_MEMBER_NEAR):
        return said(error)
    actor, near = error.said.values["actor"], error.said.values.get("near")
    if os.environ.get("UPLIFT_USER", "").strip():
        told = _("$UPLIFT_USER is {actor}, who is not a member of this board, so may only read it "
                 "(a lead adds members with `uplift member add NAME --role rep`)").format(actor=actor)
    else:
        told = _("you are {actor} (your login name; $UPLIFT_USER is not set), who is not a member of this board, "
                 "so may only read it (set $UPLIFT_USER to your name on the board, or a lead adds you with "
                 "`uplift member add NAME --role rep`)").format(actor=actor)
    # a mistyped name (UPLIFT_USER=dnaa): the member it was near
    return told + _(". Did you mean {name}?").format(name=near) if near else told


def say(text: str) -> str:
    """Text the domain composed (a sales.phrases.Phrase) in the interface's language; any other
    text as it is. A Phrase whose template the catalogue lacks (one kept in a file by an earlier
    version) is said in its English whole, not half in each language."""
    if not isinstance(text, Phrase):
        return text
    if (kind := text.values.get(LISTED)) is not None and not _has_words(text.template):
        comma = _(", ") if kind == "clauses" else list_comma()  # (sales.phrases.listed)
        return comma.join(str(_value(text.values[f"p{index}"])) for index in range(len(text.values) - 1))
    if text.template not in _table and language() != ENGLISH and _has_words(text.template):
        return str(text)  # (kept by a version whose words the catalogue no longer has: as written)
    if not text.values:
        return _(text.template)
    return fill(_(text.template), **{name: _value(value) for name, value in text.values.items()})


def fill(template: str, **values: object) -> str:
    """A translated `template` with its values put in, as the language writes them: in Chinese a
    space the template keeps beside a value (`停留在 {stage} 已`, `{who} 的今天`, so that a Latin
    value stands apart: `停留在 Proposal 已`) goes where the value is all Chinese (`停留在方案已`,
    `李雷的今天`; a value with Latin letters or digits in it, `2026年3月4日`, keeps both). Only the
    template's own spaces: the values' are left as typed."""
    if language() == ENGLISH:
        return template.format(**values)
    text, wide = "", False
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        if text and literal.startswith(" ") and _CJK.match(literal[1:2]) and wide and _CJK.match(text[-1]):
            literal = literal[1:]
        text += literal
        if field is None:
            continue
        shown = ("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}").format(**values)
        wide = bool(shown) and not _LATIN.search(shown)  # (`李雷`, `方案`; not `ali`, `T-1`, `2026年3月4日`)
        # (the template's own Chinese before the space: `{field} {before}` keeps it, a label's)
        if wide and literal.endswith(" ") and _CJK.match(literal[-2:-1]) and _CJK.match(shown[:1]):
            text = text[:-1]
        text += shown
    return text


_FORMATTER = string.Formatter()
_LATIN = re.compile("[A-Za-z0-9]")
#: A Chinese character or full-width mark: no space is written between two of them.
_CJK = re.compile("[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")


def _has_words(template: str) -> bool:
    """Whether a template says anything of its own: one that only places its values ("{p0}\n
    {p1}", problems a line each) is the same in every language, and its values are still said."""
    return any(ch.isalpha() for ch in _PLACEHOLDER.sub("", template))


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _value(value: object) -> object:
    """A message's value as it goes in: a Word translated, an error or a Phrase said, anything
    else as is."""
    if isinstance(value, Word):
        return _(value)
    if isinstance(value, BaseException):
        return said(value)
    if isinstance(value, Phrase):
        return say(value)
    return value
