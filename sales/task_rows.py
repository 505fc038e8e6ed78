"""Tasks from a spreadsheet (CSV, XLSX): a team's task list kept in a sheet, or another board's
export (kanban-tui's, Trello's and Asana's CSVs name their columns much alike).

Pure: the file's headers in, which column holds which task field out; one row's text in, a new
task's fields out, or a Reason naming the field that is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from sales.deal_fields import day_first, parse_day
from sales.errors import Reason
from sales.sales_fields import normalise_header
from sales.tasks import PRIORITIES, normalize_status, split_tags
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
}
#: statuses as other boards name their columns, beside the board's own (sales.tasks.normalize_status)
_STATUSES = {"ready": "todo", "backlog": "todo", "new": "todo", "notstarted": "todo", "inprogress": "doing",
             "started": "doing", "waiting": "blocked", "onhold": "blocked", "completed": "done",
             "complete": "done", "finished": "done", "archive": "done", "archived": "done", "待办": "todo",
             "进行中": "doing", "已完成": "done", "完成": "done", "阻塞": "blocked"}
_PRIORITIES = {"h": "high", "m": "normal", "l": "low", "medium": "normal", "med": "normal", "": "normal",
               "高": "high", "中": "normal", "低": "low", "紧急": "urgent", **{p: p for p in PRIORITIES}}
DATES = ("start", "due")


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
    return fields
