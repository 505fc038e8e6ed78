"""Text the domain composes for a person to read (an alert's evidence), kept with its template
so that the interface can say it in its language, as it says errors (sales/errors.py).

A Phrase is a str: the English, the template filled in, which is what scripts, files and
comparisons see. The interface says it through tui.i18n.say(): the template looked up in its
catalogue and the values put in, Words and Phrases among them said too. An error's message
(sales.errors) is a Phrase too.
Encoders that only know plain str are given its English (`english`, msgspec's enc_hook)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any



#: How a caller says text in its language (tui.i18n.say; `str` gives the English): the reports in
#: sales/ are composed of Phrases and said through one.
Say = Callable[[str], str]


class Word(str):
    """An English word or phrase chosen by the code (not typed by a person) that goes into a
    message as a value and is translated with it: "task", "lead", "approve budget lines"."""

    __slots__ = ()


class Phrase(str):
    """English text composed from `template` and `values` (str.format), that knows both."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Phrase:
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template, text.values = template, values
        return text

    def __reduce__(self):  # a copy (or a pickle) keeps the template, not only the English
        return (_phrase, (self.template, self.values))


def _phrase(template: str, values: dict[str, Any]) -> Phrase:
    return Phrase(template, **values)


def english(value: object) -> str:
    """msgspec's `enc_hook` for data that may hold Phrases or Words: each as the English it is
    (scripts and files get the English). Anything else msgspec cannot encode is a bug, and raises."""
    if isinstance(value, str):
        return str.__str__(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


#: The value a `listed` Phrase keeps to say what it lists (not a placeholder: English ignores it).
LISTED = "listed"


def listed(parts, *, clauses: bool = False) -> Phrase:
    """Parts one after another, `, ` between them in English (`T-3, T-5`; `priority low → high,
    owner ali → bea`). The interface says each part and puts between them what its language writes
    between the things of a list (Chinese `、`) or, with `clauses`, between clauses (`，`)."""
    template = ", ".join(f"{{p{index}}}" for index in range(len(parts)))
    return Phrase(template, **{f"p{index}": part for index, part in enumerate(parts)},
                  **{LISTED: "clauses" if clauses else "things"})


def labelled(label: object, value: object) -> Phrase:
    """A label and its value (`region North`, `priority low → high`): English puts a space between
    them, Chinese a full-width colon (`区域：华北`), as the catalogue writes "{label} {value}"."""
    return Phrase("{label} {value}", label=label, value=value)


def days(count: int) -> Phrase:
    """A number of days, as a sentence says it."""
    return Phrase("{count} day" if count == 1 else "{count} days", count=count)


def rows(count: int) -> Phrase:
    """A number of rows (of a file), as a sentence says it."""
    return Phrase("{count} row" if count == 1 else "{count} rows", count=count)


def as_builtins(text: object) -> object:
    """`text` as plain data to keep in a file (a diagnosis's findings): a Phrase as {"template",
    "values"}, a Word as {"word"}, its values likewise; anything else as it is. `from_builtins`
    makes it again, so text kept on a board is said in whatever language reads it later."""
    if isinstance(text, Phrase):
        return {"template": text.template, "values": {k: as_builtins(v) for k, v in text.values.items()}}
    if isinstance(text, Word):
        return {"word": str(text)}
    return text


def from_builtins(data: object) -> object:
    """The Phrase (or Word, or value) that `as_builtins` kept."""
    if isinstance(data, dict) and set(data) == {"template", "values"}:
        return Phrase(data["template"], **{k: from_builtins(v) for k, v in data["values"].items()})
    if isinstance(data, dict) and set(data) == {"word"}:
        return Word(data["word"])
    return data


def kept(said: object, english: str) -> str:
    """Text kept in a file with its template (`as_builtins`, e.g. a Finding's `said`) as the
    Phrase it was, or `english` where none was kept (a file written before there was one)."""
    text = from_builtins(said) if said is not None else None
    return text if isinstance(text, Phrase) else english
