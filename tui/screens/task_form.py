"""The task form: create or edit a task; a bad value is refused next to its field."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Select, Static, TextArea

from sales.dates import DateError, parse_date
from sales.deals import Deal
from sales.errors import Invalid
from sales.ids import split_ids
from sales.tasks import PRIORITIES, STATUS_LABELS, STATUSES, Task, split_tags
from sales.text import TITLE_MAX
from tui.i18n import N_, _
from tui.keys import save_hint
from tui.screens.form_base import DATE_HINT, DATE_PLACEHOLDER, FormBase, Reading, error_line
from tui.user_text import plain_rich, text_area, text_input, with_current
from tui.widgets.form_heading import FormHeading

FIELDS = ("title", "owner", "status", "priority", "start", "due", "every", "goal", "strategy", "deal", "depends",
          "tags", "steps", "expected_result", "measure")
#: The repeats as the form offers them (sales.tasks.REPEATS), marked for translation.
REPEAT_NAMES = (N_("daily"), N_("weekly"), N_("fortnightly"), N_("monthly"), N_("quarterly"))


def steps_to_text(task: Task | None) -> str:
    if task is None:
        return ""
    return "\n".join(f"[{'x' if s.done else ' '}] {s.text}" for s in task.steps)


def text_to_steps(text: str) -> list[dict]:
    """One step per line; a line starting `[x]` is done, `[ ]` or nothing is not."""
    steps = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        done = line[:3].lower() == "[x]"
        if line[:3].lower() in ("[x]", "[ ]"):
            line = line[3:].strip()
        steps.append({"text": line, "done": done})
    return steps


class TaskForm(FormBase):
    field_names = FIELDS

    def __init__(self, task: Task | None = None, deal: Deal | None = None, *,
                 goal: str | None = None, strategy: str | None = None) -> None:
        """Edit `task`, or make a new one; `deal`: a new follow-up of that deal (its owner's, for a lead);
        `goal` and `strategy`: a new task carrying out that strategy (the Goals screen's key t)."""
        super().__init__(classes="dialog-screen")
        self.task_being_edited = task
        self.for_deal = deal
        self.for_goal = goal
        self.for_strategy = strategy

    def compose(self) -> ComposeResult:
        board = self.app.board
        task = self.task_being_edited
        heading = _("Edit {id}").format(id=task.id) if task else _("New task")
        goals = [(plain_rich(f"{g.id}  {g.title}"), g.id) for g in board.goals()]
        strategies = [(plain_rich(f"{s.id}  {s.title}"), s.id) for s in board.strategies()]
        outcome = {s.name: s.outcome for s in board.stages()}
        deals = [(plain_rich(f"{d.id}  {d.title}"), d.id) for d in board.deals()
                 if outcome.get(d.stage) == "open" or d.id in (task and task.deal, self.for_deal and self.for_deal.id)]
        with VerticalScroll(classes="dialog form"):
            yield FormHeading(heading, save_hint(self))
            yield error_line("error-form")
            yield from self._field("title", _("Title"), text_input(
                task.title if task else "", max_length=TITLE_MAX, id="title"))
            # a follow-up is the deal owner's, when the actor may give work to others (a lead)
            for_owner = self.for_deal.owner if self.for_deal and board.role_of(board.actor) == "lead" else None
            yield from self._owner_field("task.edit" if task else "task.add",
                                         task.owner if task else for_owner or board.actor)
            with Horizontal(classes="field-row"):
                yield from self._field("status", _("Status"), Select(
                    [(plain_rich(_(STATUS_LABELS[s])), s) for s in STATUSES], id="status",
                    allow_blank=False, value=task.status if task else "todo"), error=False)
                yield from self._field("priority", _("Priority"), Select(
                    [(plain_rich(_(p)), p) for p in PRIORITIES], id="priority", allow_blank=False,
                    value=task.priority if task else "normal"), error=False)
            yield from self._row_errors(("status", _("Status")), ("priority", _("Priority")))
            with Horizontal(classes="field-row"):
                yield from self._field("start", _("Start"), text_input(
                    str(task.start or "") if task else "", placeholder=DATE_PLACEHOLDER, id="start"), error=False)
                yield from self._field("due", _("Due"), text_input(
                    str(task.due or "") if task else "", placeholder=DATE_PLACEHOLDER, id="due"), error=False)
                yield from self._field("every", _("Repeats"), Select(
                    [(plain_rich(_(name)), name) for name in REPEAT_NAMES], id="every",
                    prompt=_("never"), value=task.every if task and task.every else Select.NULL), error=False)
            yield from self._row_errors(("start", _("Start")), ("due", _("Due")), ("every", _("Repeats")))
            yield from self._hint(_(DATE_HINT))
            with Horizontal(classes="field-row"):
                yield from self._field("goal", _("Goal"), Select(
                    with_current(goals, task and task.goal), id="goal", prompt=_("no goal"),
                    value=task.goal if task and task.goal else self.for_goal or Select.NULL), error=False)
                yield from self._field("strategy", _("Strategy"), Select(
                    with_current(strategies, task and task.strategy), id="strategy", prompt=_("no strategy"),
                    value=task.strategy if task and task.strategy else self.for_strategy or Select.NULL), error=False)
            yield from self._row_errors(("goal", _("Goal")), ("strategy", _("Strategy")))
            yield from self._field("deal", _("Deal (the work moves it forward)"), Select(
                with_current(deals, task and task.deal), id="deal", prompt=_("no deal"),
                value=task.deal if task and task.deal else self.for_deal.id if self.for_deal else Select.NULL))
            with Horizontal(classes="field-row"):
                yield from self._field("depends", _("Waits for (T-3, T-5)"), text_input(
                    ", ".join(task.depends) if task else "", id="depends"), error=False)
                yield from self._field("tags", _("Tags (call q4 …)"), text_input(
                    " ".join(task.tags) if task else "", id="tags"), error=False)
            yield from self._row_errors(("depends", _("Waits for")), ("tags", _("Tags")))
            yield from self._field("steps", _("Steps (one per line; [x] marks a done one)"),
                                   text_area(steps_to_text(task), id="steps", soft_wrap=True))
            yield from self._field("expected_result", _("Expected result"), text_input(
                task.expected_result if task else "", id="expected_result"))
            yield from self._field("measure", _("Measure"), text_input(task.measure if task else "", id="measure"))
            yield from self._buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        if self.task_being_edited is not None:
            self.item = self.task_being_edited.id
            self.remember_opened()

    def values(self) -> dict:
        """The form's content as task fields; dates are parsed here (errors name the field)."""
        board = self.app.board
        fields: dict = {"title": self.query_one("#title", Input).value}
        for name in ("owner", "status", "priority", "every", "goal", "strategy", "deal"):
            widget = self.query_one(f"#{name}")
            value = widget.value
            fields[name] = None if value in (Select.NULL, "") else value
        reading = Reading()
        with reading.field():
            if not fields["title"].strip():
                raise Invalid("title", "a task needs a title")
        for name in ("start", "due"):
            text = self.query_one(f"#{name}", Input).value.strip()
            with reading.field():
                try:
                    fields[name] = parse_date(text, board.today()).isoformat() if text else None
                except DateError as error:
                    raise Invalid(name, error) from None
        with reading.field():  # the task's own rules, next to the field they are about (not at the top)
            if fields.get("start") and fields.get("due") and fields["due"] < fields["start"]:
                # (under the Due box, named "Due:" already: not "Due: the due date ...")
                raise Invalid("due", "{due} is before the start date {start}", due=fields["due"], start=fields["start"])
            if fields["every"] and not fields.get("due") and "due" in fields:
                raise Invalid("due", "a repeating task needs a due date to repeat from")
        reading.done()
        fields["depends"] = split_ids(self.query_one("#depends", Input).value)
        fields["tags"] = split_tags(self.query_one("#tags", Input).value)
        fields["steps"] = text_to_steps(self.query_one("#steps", TextArea).text)
        fields["expected_result"] = self.query_one("#expected_result", Input).value
        fields["measure"] = self.query_one("#measure", Input).value
        return fields

    def action_save(self) -> None:
        self.submit(self._save_task)

    def _save_task(self) -> Task:
        board = self.app.board
        fields = self.values()
        if self.task_being_edited is None:  # (owner "nobody": nobody's, not the actor's)
            return board.add_task(fields.pop("title"), **{**fields, "owner": fields["owner"] or ""})
        return board.update_task(self.task_being_edited.id, **self.changed_here(fields))
