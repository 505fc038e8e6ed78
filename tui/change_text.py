"""A change of the activity log said in the interface's language, the item a checklist tick
names included.

A tick is kept under its item's English text (a reworded item starts unticked), so the log line
`ticked “Walk the pipeline” on the weekly review 2026-W49` carried that English into the Chinese
feed; so did a gap-analysis answer's question. The shipped checklists (store/diagnoses.py
CHECKLISTS) and questions come in both languages item by item: a ticked item's text, or a question,
is said as its template says it in the interface's language."""

from __future__ import annotations

from functools import lru_cache

from sales.phrases import Phrase, Word
from tui.i18n import language, say


def say_change(line: str) -> str:
    """A line `sales.activity.describe` (or `summary`) composed, said as `say` says it, with a
    checklist item's text in the interface's language."""
    return say(_items_said(line, _item_words(language())) if isinstance(line, Phrase) else line)


def say_edit(action: str, old, new) -> None:
    """Print what a command's edit changed, as the activity log says it (`T-31: priority low →
    high`), where the command printed only the id."""
    from sales.activity import edited
    from sales.text import safe
    from tui.cli_output import detail_on_screen

    print(detail_on_screen(safe(say_change(edited(action, old, new)))))


def _items_said(line: Phrase, words: dict[str, str]) -> Phrase:
    if not words:
        return line
    values = {name: _items_said(value, words) if isinstance(value, Phrase) else value
              for name, value in line.values.items()}
    # a checklist's tick names its list by a Word (`the weekly review`); a task's step by its id
    if isinstance(values.get("where"), Word) and isinstance(values.get("text"), str):
        values["text"] = words.get(values["text"], values["text"])
    if isinstance(values.get("question"), str):  # a gap-analysis answer, kept under the English question
        values["question"] = words.get(values["question"], values["question"])
    return Phrase(line.template, **values)


@lru_cache(maxsize=None)
def _item_words(lang: str) -> dict[str, str]:
    """{English item: the item in `lang`} of every shipped checklist and the gap analysis's
    questions (empty in English)."""
    if lang == "en":
        return {}
    from store.diagnoses import CHECKLISTS, checklist_template, translated
    from store.incentives import QUESTIONS_FILE

    words: dict[str, str] = {}
    for template in [*(template for template, *_rest in CHECKLISTS.values()), QUESTIONS_FILE]:
        items = checklist_template(template).items
        words.update(zip((item.text for item in items), translated(items, template, lang)))
    return words
