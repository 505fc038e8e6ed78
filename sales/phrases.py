"""Text the domain composes for a person to read (an alert's evidence), kept with its template
so that the interface can say it in its language, as it says errors (sales/errors.py).

A Phrase is a str: the English, the template filled in, which is what scripts, files and
comparisons see. The interface says it through tui.i18n.say(): the template looked up in its
catalogue and the values put in, Words (sales.errors.Word) and Phrases among them said too.
Encoders that only know plain str are given `str` for it (tui.cli_output.print_json)."""

from __future__ import annotations

from typing import Any


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


def days(count: int) -> Phrase:
    """A number of days, as a sentence says it."""
    return Phrase("{count} day" if count == 1 else "{count} days", count=count)
