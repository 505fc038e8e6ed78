"""A Phrase is its English to everything that reads text, and keeps its template for the
interface; copies keep it too."""

from __future__ import annotations

import copy
import pickle

from sales.errors import Word
from sales.phrases import Phrase, days


def test_a_phrase_is_its_english_and_keeps_its_template_and_values() -> None:
    text = Phrase("{id} is {status}, {days} late", id="T-1", status=Word("Blocked"), days=days(3))
    assert text == "T-1 is Blocked, 3 days late" and isinstance(text, str)
    assert (text.template, text.values["id"], text.values["days"].template) == (
        "{id} is {status}, {days} late", "T-1", "{count} days")
    assert days(1) == "1 day" and Phrase("no values {here}") == "no values {here}"


def test_copies_and_pickles_keep_the_template() -> None:
    text = Phrase("{name} by {day}", name="ali", day="2026-12-01")
    for copied in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert copied == text and (copied.template, copied.values) == (text.template, text.values)
