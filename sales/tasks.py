"""Tasks of the action plan: the cards of the task board, and the rules about them."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Annotated, Literal

import msgspec

from sales.dates import year_problem
from sales.errors import Reason
from sales.ids import loop_path
from sales.text import NAME_MAX, TEXT_MAX, TITLE_MAX, clean_line, clean_multiline, list_commas

Status = Literal["todo", "doing", "blocked", "done"]
Priority = Literal["low", "normal", "high", "urgent"]
Repeat = Literal["daily", "weekly", "fortnightly", "monthly", "quarterly"]

STATUSES: tuple[str, ...] = ("todo", "doing", "blocked", "done")
STATUS_LABELS = {"todo": "To do", "doing": "Doing", "blocked": "Blocked", "done": "Done"}
#: The most cards a column's WIP limit may allow (the store, plan files, the form and `uplift wip`).
WIP_MAX = 999
PRIORITIES: tuple[str, ...] = ("low", "normal", "high", "urgent")
REPEATS: tuple[str, ...] = ("daily", "weekly", "fortnightly", "monthly", "quarterly")
_REPEAT_ALIASES = {"day": "daily", "week": "weekly", "2 weeks": "fortnightly", "2w": "fortnightly",
                   "fortnight": "fortnightly", "biweekly": "fortnightly", "month": "monthly",
                   "quarter": "quarterly", **{name: name for name in REPEATS}}
#: (days, months) one step of each repeat takes
_REPEAT_STEP = {"daily": (1, 0), "weekly": (7, 0), "fortnightly": (14, 0), "monthly": (0, 1), "quarterly": (0, 3)}
_STATUS_ALIASES = {"todo": "todo", "to-do": "todo", "to do": "todo", "open": "todo",
                   "doing": "doing", "in progress": "doing", "in-progress": "doing", "wip": "doing",
                   "blocked": "blocked", "done": "done", "closed": "done"}

Title = Annotated[str, msgspec.Meta(min_length=1, max_length=TITLE_MAX)]
#: A task's title: empty or blank, it is refused by the task's own rule, in one message for both
#: (`task add ''` said "must not be empty" where `task add '   '` said "a task needs a title").
TaskTitle = Annotated[str, msgspec.Meta(max_length=TITLE_MAX)]
LongText = Annotated[str, msgspec.Meta(max_length=TEXT_MAX)]
Ref = Annotated[str, msgspec.Meta(max_length=NAME_MAX)]
Tag = Annotated[str, msgspec.Meta(min_length=1, max_length=30)]


class Step(msgspec.Struct, forbid_unknown_fields=True):
    """One line of a task's checklist."""

    text: Title
    done: bool = False

    def __post_init__(self) -> None:
        self.text = clean_line(self.text)
        if not self.text:
            raise Reason("a step needs some text").in_field("text")


class Comment(msgspec.Struct, forbid_unknown_fields=True):
    """A dated remark on a task by someone on the team ("sent the quote, legal has it"), as
    taskwarrior annotates a task: what happened, where the next person will look for it."""

    at: datetime
    by: Ref
    text: LongText

    def __post_init__(self) -> None:
        self.text = clean_multiline(self.text).strip()
        if not self.text:
            raise Reason("a comment needs some text").in_field("text")


#: Comments a task keeps (the oldest go first past this): a task is one document, read whole.
COMMENTS_MAX = 200


class Task(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A piece of work with an owner and a due date, linked to the goal or strategy it serves."""

    id: str
    title: TaskTitle
    owner: Ref | None = None
    status: Status = "todo"
    priority: Priority = "normal"
    start: date | None = None
    due: date | None = None
    goal: Ref | None = None
    strategy: Ref | None = None
    deal: Ref | None = None  # the deal this work moves forward (a follow-up: send the quote)
    depends: Annotated[list[Ref], msgspec.Meta(max_length=50)] = []  # tasks to be done first
    tags: Annotated[list[Tag], msgspec.Meta(max_length=20)] = []  # taskwarrior's +tags: calls, q4, ...
    steps: list[Step] = []
    expected_result: LongText = ""
    measure: LongText = ""
    comments: Annotated[list[Comment], msgspec.Meta(max_length=COMMENTS_MAX)] = []
    every: Repeat | None = None  # repeats: done, it makes its next occurrence
    previous: Ref | None = None  # the occurrence this one follows (a repeating task's)
    source: Ref = ""  # where it came from: its taskwarrior uuid, so that importing the list again updates it
    # when it was done, as the list it came from says (taskwarrior's `end`): the log dates a task
    # done on the board, but not one done before it came in
    done_at: datetime | None = None

    def __post_init__(self) -> None:
        self.title = clean_line(self.title)
        if not self.title:
            raise Reason("a task needs a title").in_field("title")
        self.expected_result = clean_multiline(self.expected_result)
        self.measure = clean_multiline(self.measure)
        if self.start and self.due and self.due < self.start:
            raise Reason("the due date {due} is before the start date {start}", due=self.due,
                         start=self.start).in_field("due")
        if self.every and self.due is None:
            raise Reason("a repeating task needs a due date to repeat from").in_field("every")
        self.tags = normalize_tags(self.tags)
        self.depends = list(dict.fromkeys(self.depends))  # a plan file's [T-2, T-2] waits for T-2 once
        self.source = clean_line(self.source)
        if self.status != "done":
            self.done_at = None  # (reopened: it is not done, then or now)


def normalize_status(text: str) -> str:
    """A status from what a person typed (`Doing`, `in progress`, `wip`) or ValueError."""
    status = _STATUS_ALIASES.get(" ".join(text.strip().lower().replace("_", " ").split()))
    if status is None:
        raise Reason("{text!r} is not a status (one of: {statuses})", text=text, statuses=", ".join(STATUSES))
    return status


def normalize_tags(tags: Sequence[str]) -> list[str]:
    """Tags as one word each, lower case, without a leading `+`, each once, in the order given
    (`+Call`, `call` and ` call ` are one tag; `key account` is `key-account`)."""
    seen: list[str] = []
    for tag in tags:
        word = "-".join(clean_line(tag).strip().lstrip("+").lower().split())
        if not word:
            raise Reason("a tag needs a word")
        if word not in seen:
            seen.append(word)
    return seen


def split_tags(text: str) -> list[str]:
    """Tags as a person types them: separated by commas (`key account, q4`; Chinese ones too:
    `重点客户，第四季度`), else by spaces."""
    text = list_commas(text)
    return [part for part in (text.split(",") if "," in text else text.split()) if part.strip()]


def normalize_repeat(text: str) -> str | None:
    """A repeat from what a person typed (`week`, `weekly`, `2w`, `month`...); None for `none`,
    `never` or nothing; ValueError for anything else."""
    wanted = " ".join(text.strip().lower().split())
    if wanted in ("", "none", "never", "no", "off"):
        return None
    if wanted not in _REPEAT_ALIASES:
        raise Reason("{text!r} is not a repeat (one of: {repeats}, or none)", text=text, repeats=", ".join(REPEATS))
    return _REPEAT_ALIASES[wanted]


def _step(day: date, every: str, times: int, keep: int | None = None) -> date:
    """`day` moved `times` steps of `every`; a month step keeps the day of the month (`keep`,
    else `day`'s) where the month has it (Jan 31 monthly: Feb 28, Mar 31), counted from `day` so
    it does not drift."""
    days, months = _REPEAT_STEP[every]
    if not months:
        return day + timedelta(days=days * times)
    total = day.month - 1 + months * times
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(keep or day.day, calendar.monthrange(year, month)[1]))


def _month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def repeat_day(task: Task, by_id: Mapping[str, Task]) -> int | None:
    """The day of the month a repeating task's occurrences keep: its due date's, unless that is
    a month's last day cut short from the occurrences it follows (Feb 28 after Jan 31: the 31st,
    so that March is back on the 31st). A due date a person moved off a month's end keeps its own."""
    if task.due is None:
        return None
    day, seen, current = task.due.day, {task.id}, task
    while _month_end(current.due) and current.previous in by_id and current.previous not in seen:
        current = by_id[current.previous]
        if current.due is None or current.every != task.every:
            break
        seen.add(current.id)
        day = max(day, current.due.day)
    return day


def next_occurrence(task: Task, today: date, day: int | None = None) -> dict | None:
    """The fields of a repeating task's next occurrence, made when it is done: the same work
    (steps unticked, no comments), due one step after its due date (a month step on `day` of the
    month, repeat_day's), or the first step on or after `today` when it was done later than that;
    its start moves by as much. None when that date would be past the last year a plan holds
    (dates.LAST_YEAR): the task is done, and its repeats end there (before, the task could not be
    done at all)."""
    times = 1
    try:
        while _step(task.due, task.every, times, day) < today:
            times += 1
        due = _step(task.due, task.every, times, day)
        start = task.start + (due - task.due) if task.start else None
    except (OverflowError, ValueError):  # (past 9999-12-31)
        return None
    if year_problem(due) or (start and year_problem(start)):
        return None
    return {"title": task.title, "owner": task.owner, "priority": task.priority, "start": start, "due": due,
            "goal": task.goal, "strategy": task.strategy, "deal": task.deal, "tags": list(task.tags),
            "steps": [{"text": s.text} for s in task.steps],
            "expected_result": task.expected_result, "measure": task.measure, "every": task.every,
            "previous": task.id}


def waiting_on(task: Task, by_id: Mapping[str, Task]) -> list[str]:
    """The tasks `task` waits for that are not done yet (taskwarrior's "blocked by")."""
    return [other for other in task.depends if other in by_id and by_id[other].status != "done"]


def waiting_loop(task_id: str, depends: Sequence[str], graph: Mapping[str, Sequence[str]]) -> Reason | None:
    """Why `task_id` may not wait for `depends`, given what each other task waits for (`graph`):
    the loop it would close ("T-3 would wait for itself (T-3 → T-5 → T-3)"), or None. Work that
    waits for itself never starts."""
    path = loop_path(task_id, depends, graph)
    return Reason("{id} would wait for itself ({loop})", id=task_id, loop=" → ".join(path)) if path else None


def dependency_loop(task_id: str, depends: Sequence[str], graph: Mapping[str, Sequence[str]]) -> str | None:
    """waiting_loop's reason as text, for a plan file's problems (sales/plan_check.py keeps text)."""
    loop = waiting_loop(task_id, depends, graph)
    return None if loop is None else str(loop)


def filter_text(task: Task) -> str:
    """What a text filter on the board looks in: the id, title and owner, the goal, strategy and
    deal the task serves (typing `S-2` shows the strategy's work), and its tags (`+call`)."""
    return " ".join(part for part in (task.id, task.title, task.owner, task.goal, task.strategy, task.deal,
                                      *(f"+{tag}" for tag in task.tags)) if part)


def is_overdue(task: Task, today: date) -> bool:
    return task.due is not None and task.due < today and task.status != "done"


def steps_done(task: Task) -> tuple[int, int]:
    return sum(step.done for step in task.steps), len(task.steps)


_PRIORITY_RANK = {name: rank for rank, name in enumerate(reversed(PRIORITIES))}


def board_order(task: Task) -> tuple:
    """How cards stack in a column: most urgent first, then soonest due, then oldest."""
    number = int(task.id.split("-")[1]) if "-" in task.id else 0
    return (_PRIORITY_RANK[task.priority], task.due or date.max, number)
