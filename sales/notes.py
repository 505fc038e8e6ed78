"""Interview notes and customer feedback kept beside a diagnosis (phase 1), and its checklist.

The numbers say where a team is weak; the notes say why. Each note is tagged with what it
tells: a pain point, an unmet need, a competitor mention or praise, so the lead can pull up
"every competitor mention" while reading the findings.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from sales.errors import Reason
from sales.tasks import Ref, Title
from sales.text import NAME_MAX, TEXT_MAX, clean_line, clean_multiline

NoteKind = Literal["interview", "feedback"]
NoteTag = Literal["pain_point", "unmet_need", "competitor", "praise"]

NOTE_KINDS: tuple[str, ...] = ("interview", "feedback")
KIND_LABELS = {"interview": "Team interview", "feedback": "Customer feedback"}
NOTE_TAGS: tuple[str, ...] = ("pain_point", "unmet_need", "competitor", "praise")
TAG_LABELS = {"pain_point": "pain point", "unmet_need": "unmet need",
              "competitor": "competitor", "praise": "praise"}
_TAG_ALIASES = {"pain": "pain_point", "painpoint": "pain_point", "need": "unmet_need",
                "unmet": "unmet_need", "unmetneed": "unmet_need", "competition": "competitor",
                "competitors": "competitor", "praised": "praise"}

NoteText = Annotated[str, msgspec.Meta(min_length=1, max_length=TEXT_MAX)]
Source = Annotated[str, msgspec.Meta(max_length=NAME_MAX * 2)]


class Note(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """What someone said in an interview or a customer wrote, with who said it and tags."""

    id: str
    kind: NoteKind = "interview"
    text: NoteText
    source: Source = ""
    tags: list[NoteTag] = []
    author: Ref | None = None
    created: str = ""

    def __post_init__(self) -> None:
        self.text = clean_multiline(self.text)
        if not self.text:
            raise Reason("a note needs some text").in_field("text")
        self.source = clean_line(self.source)
        self.tags = [t for t in NOTE_TAGS if t in set(self.tags)]


def said_by(note: Note) -> str:
    """Who a note is from: its source, or whoever wrote it down when it names none (a lead's
    own observation); "" when neither is known. The list's From and the note's detail agree."""
    return note.source or note.author or ""


def normalize_tag(text: str) -> str:
    """A tag from what a person typed (`pain point`, `Pain-Point`, `unmet`) or ValueError."""
    key = "".join(ch for ch in text.strip().lower().replace("-", "_").replace(" ", "_") if ch.isalnum() or ch == "_")
    if key in NOTE_TAGS:
        return key
    tag = _TAG_ALIASES.get(key.replace("_", ""))
    if tag is None:
        raise Reason("{text!r} is not a tag (one of: {tags})", text=text, tags=", ".join(NOTE_TAGS))
    return tag


def note_matches(note: Note, tag: str | None = None, kind: str | None = None, words: str = "") -> bool:
    """Whether a note has the tag, is of the kind and holds every one of the words (in its text or
    who said it, whatever their case): `--tag pain_point --search price` finds the pain points
    about price."""
    if not ((tag is None or tag in note.tags) and (kind is None or note.kind == kind)):
        return False
    said = f"{note.text}\n{note.source}".casefold()
    return all(word in said for word in words.casefold().split())


def tag_counts(notes: list[Note]) -> list[tuple[str, int]]:
    """How many of the notes carry each tag, in the tags' order, leaving out tags none carry:
    what a lead reads first ("7 pain points, 3 competitor mentions"). A note with two tags
    counts under both, so the counts can add up to more than the notes."""
    return [(tag, count) for tag in NOTE_TAGS if (count := sum(tag in n.tags for n in notes))]


class ChecklistItem(msgspec.Struct, forbid_unknown_fields=True):
    """One line of a checklist template (plans/checklist-*.yaml)."""

    text: Title

    def __post_init__(self) -> None:
        self.text = clean_line(self.text)
        if not self.text:
            raise Reason("a checklist item needs some text").in_field("text")


class ChecklistTemplate(msgspec.Struct, forbid_unknown_fields=True):
    title: Title
    items: list[ChecklistItem]


class Tick(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """A ticked checklist item: which one (by its text, so a reworded item starts unticked),
    who ticked it and when."""

    text: Title
    by: Ref
    at: str
    diagnosis: str | None = None
    """The kept diagnosis that ticks the checklist's first step (import the sales records) when
    no one ticked it: never stored, so it is said as the diagnosis's tick (its id and day; `by` is
    who ran it), not as a person's, and it goes when the last diagnosis is deleted."""


class ChecklistState(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    name: str
    ticks: list[Tick] = []
