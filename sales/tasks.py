"""Tasks of the action plan: the cards of the task board, and the rules about them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

import msgspec

from sales.text import NAME_MAX, TEXT_MAX, TITLE_MAX, clean_line, clean_multiline

Status = Literal["todo", "doing", "blocked", "done"]
Priority = Literal["low", "normal", "high", "urgent"]

STATUSES: tuple[str, ...] = ("todo", "doing", "blocked", "done")
STATUS_LABELS = {"todo": "To do", "doing": "Doing", "blocked": "Blocked", "done": "Done"}
PRIORITIES: tuple[str, ...] = ("low", "normal", "high", "urgent")
_STATUS_ALIASES = {"todo": "todo", "to-do": "todo", "to do": "todo", "open": "todo",
                   "doing": "doing", "in progress": "doing", "in-progress": "doing", "wip": "doing",
                   "blocked": "blocked", "done": "done", "closed": "done"}

Title = Annotated[str, msgspec.Meta(min_length=1, max_length=TITLE_MAX)]
LongText = Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]
Ref = Annotated[str, msgspec.Meta(max_length=NAME_MAX)]


class Step(msgspec.Struct, forbid_unknown_fields=True):
    """One line of a task's checklist."""

    text: Title
    done: bool = False

    def __post_init__(self) -> None:
        self.text = clean_line(self.text)
        if not self.text:
            raise ValueError("a step needs some text")


class Comment(msgspec.Struct, forbid_unknown_fields=True):
    """A dated remark on a task by someone on the team ("sent the quote, legal has it"), as
    taskwarrior annotates a task: what happened, where the next person will look for it."""

    at: datetime
    by: Ref
    text: LongText

    def __post_init__(self) -> None:
        self.text = clean_multiline(self.text).strip()
        if not self.text:
            raise ValueError("a comment needs some text")


#: Comments a task keeps (the oldest go first past this): a task is one document, read whole.
COMMENTS_MAX = 200


class Task(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A piece of work with an owner and a due date, linked to the goal or strategy it serves."""

    id: str
    title: Title
    owner: Ref | None = None
    status: Status = "todo"
    priority: Priority = "normal"
    start: date | None = None
    due: date | None = None
    goal: Ref | None = None
    strategy: Ref | None = None
    steps: list[Step] = []
    expected_result: LongText = ""
    measure: LongText = ""
    comments: Annotated[list[Comment], msgspec.Meta(max_length=COMMENTS_MAX)] = []

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        if not self.title:
            raise ValueError("a task needs a title")
        self.expected_result = clean_multiline(self.expected_result)
        self.measure = clean_multiline(self.measure)
        if self.start and self.due and self.due < self.start:
            raise ValueError(f"due {self.due} is before start {self.start}")


def normalize_status(text: str) -> str:
    """A status from what a person typed (`Doing`, `in progress`, `wip`) or ValueError."""
    status = _STATUS_ALIASES.get(" ".join(text.strip().lower().replace("_", " ").split()))
    if status is None:
        raise ValueError(f"{text!r} is not a status (one of: {', '.join(STATUSES)})")
    return status


def filter_text(task: Task) -> str:
    """What a text filter on the board looks in: the id, title and owner, and the goal and
    strategy the task serves (typing `S-2` shows the strategy's work)."""
    return " ".join(part for part in (task.id, task.title, task.owner, task.goal, task.strategy) if part)


def is_overdue(task: Task, today: date) -> bool:
    return task.due is not None and task.due < today and task.status != "done"


def steps_done(task: Task) -> tuple[int, int]:
    return sum(step.done for step in task.steps), len(task.steps)


_PRIORITY_RANK = {name: rank for rank, name in enumerate(reversed(PRIORITIES))}


def board_order(task: Task) -> tuple:
    """How cards stack in a column: most urgent first, then soonest due, then oldest."""
    number = int(task.id.split("-")[1]) if "-" in task.id else 0
    return (_PRIORITY_RANK[task.priority], task.due or date.max, number)
