"""A task in full: its fields, its steps (space ticks one) and its own activity history."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from sales.activity import describe
from sales.errors import UpliftError
from sales.tasks import STATUS_LABELS, Task, is_overdue
from sales.text import display_width, fit
from tui.i18n import N_, _, enumerated, say
from tui.keys import shown_key
from tui.screens.dialogs import help_key, permitted
from tui.user_text import plain, tell, text_area
from tui.time_text import when
from tui.widgets.footer import Footer
from tui.widgets.tick_list import TickList

LABEL_CELLS = 10


class TaskDetail(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", N_("Close"), id="detail.close"),
        Binding("e", "edit", N_("Edit"), id="detail.edit"),
        Binding("c", "comment", N_("Comment"), id="detail.comment"),
        help_key("detail"),
    ]

    def __init__(self, task: Task) -> None:
        super().__init__(classes="dialog-screen")
        self.task_shown = task

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog detail"):
            yield Static(id="detail-fields")
            yield Static(plain(_("Steps (space ticks one)")), classes="field-label", id="detail-steps-label")
            yield TickList[int](id="detail-steps")
            yield Static(plain(_("Comments")), classes="field-label")
            yield Static(id="detail-comments")
            yield Static(plain(_("History")), classes="field-label")
            yield Static(id="detail-history")
        yield Footer()

    def on_mount(self) -> None:
        self.show(self.task_shown)
        steps = self.query_one("#detail-steps", SelectionList)
        if steps.option_count:
            steps.focus()

    def show(self, task: Task) -> None:
        self.task_shown = task
        board = self.app.board
        due = f"{task.due}" + ("  " + _("(overdue)") if is_overdue(task, board.today()) else "") if task.due else "–"
        status, start = _(STATUS_LABELS[task.status]), str(task.start or "–")
        left = max(display_width(status), display_width(start)) + 4  # Priority and Due start in one column
        lines = [
            f"{task.id}  {task.title}",
            "",
            f"{label(_('Status'))}{fit(status, left)}{label(_('Priority'))}{_(task.priority)}",
            *([f"{label(_('Done'))}{when(task.done_at.isoformat())}  " + _("(as the list it came from says)")]
              if task.done_at is not None else []),  # (done before it came in: the history cannot say when)
            f"{label(_('Owner'))}{task.owner or '–'}",
            f"{label(_('Start'))}{fit(start, left)}{label(_('Due'))}{due}",
            f"{label(_('Goal'))}{_linked(board, 'goal', task.goal)}",
            f"{label(_('Strategy'))}{_linked(board, 'strategy', task.strategy)}",
            *([f"{label(_('Deal'))}{_linked(board, 'deal', task.deal)}"] if task.deal else []),
            *([f"{label(_('Waits for'))}" + enumerated(_linked(board, "task", other) for other in task.depends)]
              if task.depends else []),
            *([f"{label(_('Tags'))}" + " ".join(f"+{tag}" for tag in task.tags)] if task.tags else []),
            f"{label(_('Expected'))}{task.expected_result or '–'}",
            f"{label(_('Measure'))}{task.measure or '–'}",
        ]
        if task.every:
            lines.append(f"{label(_('Repeats'))}{_(task.every)}" + (
                "        " + _("follows {id}").format(id=task.previous) if task.previous else ""))
        self.query_one("#detail-fields", Static).update(plain("\n".join(lines)))
        steps = self.query_one("#detail-steps", SelectionList)
        highlighted = steps.highlighted
        steps.clear_options()
        steps.add_options([Selection(plain(s.text), i, s.done) for i, s in enumerate(task.steps)])
        if steps.option_count:
            steps.highlighted = min(highlighted or 0, steps.option_count - 1)
        steps_label = self.query_one("#detail-steps-label", Static)
        steps_label.display = steps.display = bool(task.steps)
        # (space on another rep's task only says the rule: a rep reads their steps)
        steps_label.update(plain(_("Steps (space ticks one)") if board.may("task.step", task.owner, task.owner)
                           else _("Steps")))
        self.query_one("#detail-comments", Static).update(plain(
            "\n".join(f"{when(c.at.isoformat())}  {c.by}  " + c.text.replace("\n", "\n    ") for c in task.comments)
            or _("No comments yet: press {key}.").format(key=shown_key(self, "detail.comment"))))
        history = board.history(item=task.id)
        self.query_one("#detail-history", Static).update(plain(
            "\n".join(f"{when(r.at)}  {r.actor}  {say(describe(r))}" for r in history)
            or _("No changes recorded.")))

    async def refresh_board(self) -> None:
        """Someone's change to the task (a comment, a move, a step ticked over SSH) shows as it
        is made; a task deleted meanwhile closes the view, saying so."""
        try:
            task = self.app.board.task(self.task_shown.id)
        except UpliftError as error:
            if self.app.screen is self:  # (under a form of its own, the form's save says so)
                tell(self, error, "warning")
                self.dismiss(None)
            return
        self.show(task)

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        index = event.selection.value
        try:
            task = self.app.board.toggle_step(self.task_shown.id, index)
        except UpliftError as error:
            tell(self, error, "error")
            task = self.app.board.task(self.task_shown.id)
        self.show(task)

    def action_edit(self) -> None:
        from tui.screens.task_form import TaskForm

        def edited(task: Task | None) -> None:
            if task is not None:
                self.show(task)

        if permitted(self, "task.edit", self.task_shown.owner):
            self.app.push_screen(TaskForm(self.task_shown), edited)

    def action_comment(self) -> None:
        def commented(task: Task | None) -> None:
            if task is not None:
                self.show(task)

        if permitted(self, "task.comment"):
            self.app.push_screen(comment_form(self.app.board, self.task_shown), commented)


def comment_form(board, task: Task):
    """A comment on `task`, saved as the actor at the board's clock (anyone on the team)."""
    from tui.screens.fields_form import FieldsForm

    return FieldsForm(_("Comment on {id}  {title}").format(id=task.id, title=task.title),
                      [("comment", _("What happened"), text_area(""))],
                      lambda values: board.comment_task(task.id, values["comment"]), required=("comment",))


def label(text: str) -> str:
    """A field's name padded to one column, in terminal cells (a CJK character takes two)."""
    return fit(text, max(LABEL_CELLS, display_width(text) + 2))


def _linked(board, kind: str, item_id: str | None) -> str:
    if not item_id:
        return "–"
    try:
        return f"{item_id}  {getattr(board, kind)(item_id).title}"
    except UpliftError:
        return _("{id} (missing)").format(id=item_id)
