"""Tasks from a spreadsheet (CSV, XLSX): a team's task list kept in a sheet, or another board's
export (kanban-tui's, Trello's and Asana's CSVs name their columns much alike).

Pure: the file's headers in, which column holds which task field out; one row's text in, a new
task's fields out, or a Reason naming the field that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time

from sales.deal_fields import day_first, parse_day
from sales.errors import Reason, Word
from sales.ids import split_ids
from sales.sales_fields import normalise_header
from sales.tasks import PRIORITIES, STATUS_LABELS, Step, normalize_repeat, normalize_status, split_tags
from sales.text import listed

#: task field -> the header spellings that name it (compared normalised: case, spaces, `_` and
#: `-` left out), best first
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "task", "taskname", "name", "summary", "subject", "description", "card", "cardname",
              "任务", "任务名称", "標題", "标题"),
    "owner": ("owner", "assignee", "assignedto", "responsible", "member", "members", "负责人", "負責人"),
    "status": ("status", "state", "column", "list", "listname", "section", "sectioncolumn", "状态", "狀態"),
    "priority": ("priority", "prio", "优先级", "優先級"),
    "start": ("start", "startdate", "startson", "scheduled", "开始日期", "開始日期"),
    "due": ("due", "duedate", "dueon", "deadline", "截止日期", "到期日"),
    "tags": ("tags", "tag", "labels", "label", "标签", "標籤"),
    "expected_result": ("expectedresult", "expected", "outcome", "预期结果"),
    "measure": ("measure", "metric", "衡量"),
    # the board's own links, checklist and repeat (`task list --csv` writes them)
    "goal": ("goal", "目标"),
    "strategy": ("strategy", "策略"),
    "deal": ("deal", "商机"),
    "depends": ("depends", "dependson", "waitsfor", "依赖"),
    "steps": ("steps", "checklist", "步骤", "清单"),
    "every": ("every", "repeat", "repeats", "recur", "重复"),
    # when a done task was done (Asana's `Completed At`): the burn-up counts it done from that day
    "done_at": ("doneat", "doneon", "donedate", "datedone", "completedat", "completedon", "completeddate",
                "datecompleted", "completiondate", "finishedat", "finishedon", "完成日期", "完成时间"),
}
#: what a blank cell in a present column makes a task's field in a bulk edit: cleared (a task's
#: title and status cannot be: a blank one is an error)
CLEARED: dict[str, object] = {"owner": None, "priority": "normal", "start": None, "due": None, "tags": [],
                              "expected_result": "", "measure": "", "goal": None, "strategy": None, "deal": None,
                              "depends": [], "steps": [], "every": None, "done_at": None}
_BOX = re.compile(r"^\[( |x|X|)\]\s?")  # a step's box: [ ] or [x]
#: a `;` before a box (`[x] Call; [ ] Send quote`, steps typed in one line) and the backslashes
#: right before it: an even number of them (none) makes it a step's end, an odd number a `;` of
#: the step's text (`\;`), each pair of them one backslash
_BEFORE_BOX = re.compile(r"(\\*);(?=\s*\[(?: |x|X|)\])")
#: statuses as other boards name their columns, beside the board's own (sales.tasks.normalize_status)
_STATUSES = {"ready": "todo", "backlog": "todo", "new": "todo", "notstarted": "todo", "inprogress": "doing",
             "started": "doing", "waiting": "blocked", "onhold": "blocked", "completed": "done",
             "complete": "done", "finished": "done", "archive": "done", "archived": "done", "待办": "todo",
             "进行中": "doing", "已完成": "done", "完成": "done", "阻塞": "blocked"}
_PRIORITIES = {"h": "high", "m": "normal", "l": "low", "medium": "normal", "med": "normal", "": "normal",
               "高": "high", "中": "normal", "低": "low", "紧急": "urgent", **{p: p for p in PRIORITIES}}
DATES = ("start", "due", "done_at")


def steps_text(steps: Sequence[Step]) -> str:
    """A checklist in one cell, a step a line, each behind its box: `[x] Call` (done), `[ ] Send
    the quote`. read_steps gives it back exactly (a step is one line): a `;` of a step's text
    before a box, which a cell typed in one line reads as the next step, is written `\\;`."""
    return "\n".join(f"[{'x' if step.done else ' '}] {_escaped(step.text)}" for step in steps)


def _escaped(text: str) -> str:
    """A step's text with each `;` before a box (and the backslashes right before it) escaped."""
    return _BEFORE_BOX.sub(lambda m: m.group(1) * 2 + "\\;", text)


def read_steps(text: str) -> list[dict]:
    """The steps of a checklist cell: a step a line (steps_text's), or typed in one line, each
    after a `;` behind its box (`[x] Call; [ ] Send quote`); a step without a box is not done.
    A `\\;` before a box is a `;` of the step's text; a cell written before that rule reads as
    it did (it holds no `\\;` before a box, unless by chance)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) == 1 and _BOX.match(lines[0].strip()):
        lines = _split_steps(lines[0])
    steps = []
    for line in lines:
        line = _unescaped(line.strip())
        box = _BOX.match(line)
        steps.append({"text": line[box.end():] if box else line, "done": bool(box) and box.group(1) in ("x", "X")})
    return steps


def _split_steps(line: str) -> list[str]:
    """A line of steps cut at each `;` before a box that no backslash escapes."""
    parts, start = [], 0
    for match in _BEFORE_BOX.finditer(line):
        if len(match.group(1)) % 2 == 0:
            parts.append(line[start:match.start()] + match.group(1)[:len(match.group(1)) // 2])
            start = match.end()
    return [*parts, line[start:]]


def _unescaped(text: str) -> str:
    """`\\;` before a box back to `;`, each pair of backslashes before it to one."""
    return _BEFORE_BOX.sub(lambda m: m.group(1)[:len(m.group(1)) // 2] + ";", text)


def task_columns(headers: Sequence[str]) -> dict[str, str]:
    """{column header: task field} for the columns a task has (each field its best-named
    column); Reason when none holds a title."""
    by_name: dict[str, str] = {}
    for header in headers:
        by_name.setdefault(normalise_header(header), str(header))
    found: dict[str, str] = {}
    for field, names in COLUMNS.items():
        header = next((by_name[n] for n in names if n in by_name and by_name[n] not in found), None)
        if header is not None:
            found[header] = field
    if "title" not in found.values():
        raise Reason("no column holds the task's title (columns: {columns}); name that column title",
                     columns=listed([str(h) for h in headers]))
    return found


def days_first(rows: Sequence[dict[str, str]]) -> dict[str, bool]:
    """Whether each date column is written day first (20/12/2026), as its own dates show."""
    return {field: day_first([row.get(field, "") for row in rows])[0] for field in DATES}


def row_task(row: dict[str, str], first_is_day: dict[str, bool]) -> dict:
    """One row (task field -> text) as a new task's fields (its owner as the file names it).
    Reason("field: why") for the first bad value."""
    def fail(field: str, error: object) -> Reason:
        return Reason("{field}: {error}", field=field, error=error)

    title = row.get("title", "").strip()
    if not title:
        raise fail("title", Reason("a task needs a title"))
    fields: dict = {"title": title}
    status = row.get("status", "").strip()
    if status:
        wanted = normalise_header(status)
        try:
            fields["status"] = _STATUSES.get(wanted) or normalize_status(status)
        except ValueError as error:
            raise fail("status", error) from None
    priority = row.get("priority", "").strip()
    if (fields_priority := _PRIORITIES.get(priority.casefold())) is None:
        raise fail("priority", Reason("{text!r} is not a priority (one of: {priorities})", text=priority,
                                      priorities=", ".join(PRIORITIES)))
    fields["priority"] = fields_priority
    for field in DATES:
        try:
            if (day := parse_day(row.get(field, ""), first_is_day.get(field, False))) is not None:
                fields[field] = day
        except ValueError as error:
            raise fail(field, error) from None
    if row.get("tags", "").strip():
        fields["tags"] = split_tags(row["tags"])
    for field in ("expected_result", "measure"):
        if row.get(field, "").strip():
            fields[field] = row[field]
    if owner := row.get("owner", "").strip():
        fields["owner"] = owner
    for field in ("goal", "strategy", "deal"):
        if text := row.get(field, "").strip():
            fields[field] = text
    if text := row.get("depends", "").strip():  # `T-1 T-2` (as written), `T-1, T-2` (as typed)
        fields["depends"] = split_ids(text)
    if row.get("steps", "").strip():
        fields["steps"] = read_steps(row["steps"])
    if "done_at" in fields:  # (a done date says the task is done; on a task not done it is a slip)
        if fields.setdefault("status", "done") != "done":
            raise fail("done_at", Reason("a done date is for a done task; the row's status is {status}",
                                         status=Word(STATUS_LABELS[fields["status"]])))
    if text := row.get("every", "").strip():
        try:
            fields["every"] = normalize_repeat(text)
        except ValueError as error:
            raise fail("every", error) from None
    return fields


def done_moment(day: date, now: datetime) -> datetime:
    """The moment a task done on `day` (a sheet's done date) counts as done from, on the
    importer's clock (`now`): now when done today, else noon of that day (as `goal checkin
    --date` dates a past check-in), so that the day is the same in every zone of a team."""
    if day == now.date():
        return now.replace(microsecond=0)
    return datetime.combine(day, time(12), now.tzinfo)
