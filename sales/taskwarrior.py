"""Tasks from taskwarrior's `task export` (JSON): a team moving its task list onto a board.

Pure: the export's objects in, the board's task fields out, with what is left out counted, so
that the import can say it. Taskwarrior keeps its times in UTC (`20261219T230000Z` is 20
December to someone in Berlin): a day is read on the importer's clock.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone, tzinfo

from sales.errors import Reason
from sales.plan_records import dated_otherwise, moment_to_come

#: taskwarrior's status -> the board's; deleted tasks and a repeating task's template (its
#: occurrences come as pending tasks of their own) are left out
STATUSES = {"pending": "todo", "waiting": "todo", "completed": "done"}
LEFT_OUT = ("deleted", "recurring")
PRIORITIES = {"H": "high", "M": "normal", "L": "low", "": "normal"}
_MOMENT = re.compile(r"^(\d{8})T(\d{6})Z$")  # 20261219T230000Z
#: taskwarrior's `recur` (as typed: `weekly`, `2wk`; taskwarrior 3's ISO durations: `P7D`) -> the
#: board's repeat; any other (yearly, weekdays, 3d) cannot repeat on the board: the task comes once
REPEATS = {**{name: "daily" for name in ("daily", "day", "1d", "1day", "1days", "p1d")},
           **{name: "weekly" for name in ("weekly", "week", "1w", "1wk", "1wks", "1week", "7d", "7days", "p1w",
                                          "p7d")},
           **{name: "fortnightly" for name in ("biweekly", "fortnight", "fortnightly", "2w", "2wk", "2wks",
                                               "2weeks", "14d", "14days", "p2w", "p14d")},
           **{name: "monthly" for name in ("monthly", "month", "1mo", "1mos", "1month", "mo", "p1m")},
           **{name: "quarterly" for name in ("quarterly", "quarter", "3mo", "3mos", "3months", "1q", "1qtr", "p3m")}}


def read_export(text: str) -> list[dict]:
    """The tasks of a `task export`: a JSON array (taskwarrior 2.6 and 3), or one object a line
    (older ones). Reason when it is neither."""
    text = text.strip()
    try:
        data = json.loads(text) if text.startswith("[") else [json.loads(line.rstrip(","))
                                                               for line in text.splitlines() if line.strip()]
    except ValueError as error:
        raise Reason("not a taskwarrior export (`task export` writes JSON): {error}", error=error) from None
    except RecursionError:  # (`[[[[...` a hundred thousand deep: the decoder's recursion gave out)
        raise Reason("not a taskwarrior export: the file is nested too deeply") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise Reason("not a taskwarrior export: expected a list of tasks (`task export` writes one)")
    return data


def moment(text: object, zone: tzinfo | None) -> datetime:
    """A taskwarrior time (`20261219T230000Z`, UTC; an ISO time too) on the importer's clock."""
    match = _MOMENT.match(str(text))
    try:
        at = (datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc) if match
              else datetime.fromisoformat(str(text)))
    except ValueError:
        raise Reason("{text!r} is not a time (taskwarrior writes 20261220T090000Z)", text=str(text)) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone(zone)


def _day(text: object, zone: tzinfo | None) -> date:
    return moment(text, zone).date()


def _uuids(value: object) -> list[str]:
    """A task's `depends`: a list of uuids (taskwarrior 2.6, 3) or one string, comma-separated (2.5)."""
    items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
    return [str(item).strip() for item in items if str(item).strip()]


def task_fields(item: dict, zone: tzinfo | None) -> dict | None:
    """One exported task as the fields of a new task (None: left out, see LEFT_OUT), with its
    taskwarrior `uuid` and the uuids it `depends` on, for the board to link. Reason naming the
    field that is wrong."""
    status = str(item.get("status", "pending"))
    if status in LEFT_OUT:
        return None
    if status not in STATUSES:
        raise Reason("status: {text!r} is not a taskwarrior status (pending, waiting, completed, deleted, recurring)",
                     text=status)
    title = str(item.get("description", "")).strip()
    if not title:
        raise Reason("description: a task needs one")
    fields: dict = {"title": title, "status": STATUSES[status], "uuid": str(item.get("uuid", "")),
                    "depends": _uuids(item.get("depends"))}
    if status == "pending" and item.get("start"):  # started (`task start`): being done
        fields["status"] = "doing"
    priority = str(item.get("priority", ""))
    if priority not in PRIORITIES:
        raise Reason("priority: {text!r} is not a taskwarrior priority (H, M or L)", text=priority)
    fields["priority"] = PRIORITIES[priority]
    for field, own in (("due", "due"), ("scheduled", "start")):
        if item.get(field):
            try:
                fields[own] = _day(item[field], zone)
            except ValueError as error:
                raise Reason("{field}: {error}", field=field, error=error) from None
    if status == "completed" and item.get("end"):  # when it was done: the burn-up counts it done that day
        try:
            fields["done_at"] = moment(item["end"], zone)
        except ValueError as error:
            raise Reason("{field}: {error}", field="end", error=error) from None
    if fields.get("start") and fields.get("due") and fields["start"] > fields["due"]:
        del fields["start"]  # scheduled after it is due: the board's start comes before the due date
    tags = [str(tag) for tag in item.get("tags", []) if str(tag).strip()] if isinstance(item.get("tags"), list) else []
    if item.get("project"):  # a project (`Sales.Q4`) is a tag on the board: `sales.q4`
        tags.insert(0, str(item["project"]))
    fields["tags"] = tags
    comments = []  # (each with its place among the annotations, for a problem to name)
    notes = item.get("annotations", []) if isinstance(item.get("annotations"), list) else []
    for place, note in enumerate(notes):
        if isinstance(note, dict) and str(note.get("description", "")).strip():
            try:
                at = moment(note.get("entry", ""), zone)
            except ValueError as error:
                raise Reason("{field}: {error}", field="annotations", error=error) from None
            comments.append({"at": at, "text": str(note["description"]).strip(), "place": place})
    fields["comments"] = comments
    if item.get("recur"):  # an occurrence of a repeating task (its template is left out)
        fields["recur"] = str(item["recur"])
        fields["parent"] = str(item.get("parent") or item.get("uuid", ""))
    return fields


def comment_to_come(comments: list[dict], today: date) -> Reason | None:
    """What is wrong with the annotations of a task (task_fields' comments) that the import adds
    as comments: one dated in the days to come, as a plan file's comment is refused (no command
    dates a comment so; sales.plan_records.moment_to_come: a day of slack, the stamp being UTC)."""
    for comment in comments:
        if moment_to_come(comment["at"], today):
            return Reason("{field}: {error}", field=f"annotations[{comment['place']}].entry",
                          error=Reason("a comment is dated when it is made; {day} is still to come",
                                       day=comment["at"].date()))
    return None


def comment_backdated(comments: list[dict], today: date) -> Reason | None:
    """What is wrong with the annotations (task_fields' comments) that someone who may not date a
    comment (anyone but a lead) adds as comments: one dated otherwise than today (a day of slack
    either way, the stamp being UTC), as a plan file's comment by a rep is refused (`task
    comment` stamps one now: a backdated one would write what was said in the past)."""
    for comment in comments:
        if dated_otherwise(comment["at"].date(), today):
            return Reason("{field}: {error}", field=f"annotations[{comment['place']}].entry",
                          error=Reason("a comment is dated when it is made ({today}); only a lead may date one {day}",
                                       today=today, day=comment["at"].date()))
    return None


def repeating(read: list[dict]) -> tuple[dict[int, str], list[str]]:
    """Which of the tasks read (task_fields) repeat on the board, by their place in `read`, and
    the recurrences the board has no repeat for (`yearly`: each such task comes once).

    Taskwarrior keeps a repeating task as a template with its occurrences, one or more of them
    open at a time; the board keeps one open occurrence that, done, makes the next. So of each
    series the open occurrence due last repeats, and the others come as tasks of their own."""
    last: dict[str, int] = {}
    unread: list[str] = []
    for index, fields in enumerate(read):
        recur = fields.get("recur")
        if recur is None or fields["status"] == "done" or fields.get("due") is None:
            continue
        if (every := REPEATS.get(recur.strip().lower().replace(" ", ""))) is None:
            unread.append(recur)
            continue
        fields["every"] = every
        parent = fields["parent"]
        if parent not in last or read[last[parent]]["due"] <= fields["due"]:
            last[parent] = index
    return {index: read[index]["every"] for index in last.values()}, unread


def updated_task(old: dict, fields: dict) -> dict | None:
    """A task the board has from an earlier import (`old`, its fields), as the export read again
    (`fields`, task_fields') changes it; None when the board has it done and the export still
    has it open (done on the board, where taskwarrior lags: kept as the board has it).

    The title, priority, dates and tags follow the export (one it leaves out, the board's stay:
    taskwarrior writes no `due` for a task without one, and the board may have given it one);
    the status goes forward only (the export's pending does not undo the board's Doing or
    Blocked, which taskwarrior does not know); the owner, links, steps and repeat are the
    board's; new annotations are added. `fields["priority"]` is only read when given."""
    new = dict(old)
    if old["status"] == "done" and fields["status"] != "done":
        return None
    new["title"] = fields["title"]
    for key in ("priority", "start", "due"):
        if fields.get(key) is not None:
            new[key] = fields[key]
    if fields["tags"]:
        new["tags"] = fields["tags"]
    if fields["status"] == "done":
        if old["status"] != "done":
            new["status"], new["done_at"] = "done", fields.get("done_at")
        elif old.get("done_at") is not None and fields.get("done_at") is not None:
            new["done_at"] = fields["done_at"]
    elif fields["status"] == "doing" and old["status"] == "todo":
        new["status"] = "doing"
    if new.get("start") and new.get("due") and str(new["start"]) > str(new["due"]):
        new["start"] = old.get("start") if old.get("start") and str(old["start"]) <= str(new["due"]) else None
    return new
