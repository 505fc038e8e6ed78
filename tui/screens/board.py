"""The task board (phase 3): the plan's tasks as a kanban by status."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from sales.alerts import column_load
from sales.errors import UpliftError
from sales.tasks import STATUS_LABELS, STATUSES, Task, filter_text, is_overdue, steps_done, waiting_on
from tui.i18n import N_, _, enumerated, fill, n_
from tui.keys import shown_key, shown_key_of
from tui.remote import is_remote
from tui.screens.board_view import BoardView
from tui.user_text import plain, tell
from tui.widgets.filter_box import FilterBox
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.kanban import CardData, ColumnData, Kanban

EMPTY_BOARD = N_("This board has no tasks yet. Press {new} to add the first one, or write a whole plan to fill in "
                 "(`uplift plan new --from blank -o plan.yaml`) and press {import_plan} to import it; "
                 "`uplift demo` shows a sample quarter. Press {help} for all keys.")
#: Over SSH (tui/remote.py) no key opens a file on the server, so none is named for a plan file.
EMPTY_BOARD_REMOTE = N_("This board has no tasks yet. Press {new} to add the first one. Press {help} for all keys.")
#: Said first on a board with no members yet (single-user mode): a lead's first step.
EMPTY_TEAM = N_("No team yet: press {cycle}, then {setup}, to add yourself as its lead, the reps and the cycle's dates.")


def task_card(task: Task, today, waiting: list[str] = ()) -> CardData:
    """A task as a card; `waiting`: the unfinished tasks it waits for (said on the card)."""
    done, total = steps_done(task)
    details = f"{task.owner or _('unassigned')} · {_(task.priority)}"
    if total:
        details += " · " + _("steps {done}/{total}").format(done=done, total=total)
    if task.comments:
        details += " · " + n_("{count} comment", "{count} comments", len(task.comments)).format(count=len(task.comments))
    if task.every:
        details += " · ↻ " + _(task.every)
    if task.deal:
        details += " · " + task.deal
    if task.tags:
        details += " · " + " ".join(f"+{tag}" for tag in task.tags)
    if waiting and task.status != "done":
        details += " · " + _("waits for {ids}").format(ids=enumerated(waiting))
    overdue = is_overdue(task, today)
    flag = _("due {day}").format(day=task.due) + ("  " + _("OVERDUE") if overdue else "") if task.due else _("no due date")
    classes = {f"priority-{task.priority}"} | ({"overdue"} if overdue else set())
    return CardData(task.id, task.title, details, flag, frozenset(classes))


class BoardScreen(BoardView):
    # Focus goes to a card (on_mount); never auto-focus the hidden filter box on an empty board,
    # where it would swallow the keys 1-5 and n.
    AUTO_FOCUS = "Kanban"
    LEAD_KEYS = {"delete": "task.delete"}
    FILE_KEYS = frozenset({"app.export_plan", "app.import_plan"})
    BINDINGS = [
        Binding("n", "new", N_("New"), id="board.new"),
        Binding("e,enter", "edit", N_("Edit"), id="board.edit"),
        Binding("v", "details", N_("Details"), id="board.details"),
        Binding("d", "delete", N_("Delete"), id="board.delete"),
        Binding("c", "comment", N_("Comment"), show=False, id="board.comment"),
        Binding("slash", "filter", N_("Filter"), id="board.filter"),
        Binding("m", "mine", N_("Mine"), id="board.mine"),
        Binding("o", "owner", N_("Owner"), id="board.owner"),
        Binding("b", "app.burn_up", N_("Burn-up"), id="board.burnup"),
        Binding("x", "app.export_plan", N_("Export"), id="board.export"),
        Binding("i", "app.import_plan", N_("Import"), id="board.import"),
        Binding("escape", "clear_filters", N_("Clear filters"), show=False, id="board.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.text_filter = ""
        self.owner_filter: str | None = None
        self.before_filter: str | None = None  # the card focused when the filter box was opened

    def compose(self) -> ComposeResult:
        yield Header()
        # (the filter box is mounted here when first wanted: see filter_box)
        yield Static(id="board-status")
        yield Kanban(STATUSES, id="kanban")
        yield Footer()

    async def on_mount(self) -> None:
        await self.refresh_board()
        self.kanban.focus_first()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`/ Filter` leaves the footer while the filter box has the focus: `/` is typed there
        (the box's own keys, escape and enter, are said instead)."""
        return not (action == "filter" and isinstance(self.focused, FilterBox))

    async def filter_box(self) -> Input:
        """The filter box, made the first time it is wanted: a text box took a tenth of the
        board's first frame, and most visits never filter."""
        found = self.query("#filter")
        if found:
            return found.first(Input)
        box = FilterBox(placeholder=_("filter by id, title or owner (enter keeps it, {clear} clears)").format(
            clear=shown_key(self, "board.clear")), id="filter", max_length=100)
        await self.mount(box, before="#board-status")
        return box

    @property
    def kanban(self) -> Kanban:
        return self.query_one(Kanban)

    def visible(self, tasks: list[Task]) -> list[Task]:
        needle = self.text_filter.casefold()
        return [t for t in tasks
                if (self.owner_filter is None or t.owner == self.owner_filter)
                and (not needle or needle in filter_text(t).casefold())]

    async def refresh_board(self) -> None:
        board = self.app.board
        tasks = board.tasks()
        today = board.today()
        limits = board.wip_limits()
        shown = self.visible(tasks)
        counts = {s: sum(1 for t in tasks if t.status == s) for s in STATUSES}
        by_id = {t.id: t for t in tasks}
        columns = [ColumnData(s, _(STATUS_LABELS[s]),
                              [task_card(t, today, waiting_on(t, by_id)) for t in shown if t.status == s],
                              limits.get(s), total=None if len(shown) == len(tasks) else counts[s])
                   for s in STATUSES]
        await self.kanban.sync(columns)
        self.show_status(len(tasks), len(shown))

    def show_status(self, total: int, shown: int) -> None:
        status = self.query_one("#board-status", Static)
        parts = []
        if self.text_filter:
            parts.append(_("filter “{text}”").format(text=self.text_filter))
        if self.owner_filter:
            parts.append(_("owner {name}").format(name=self.owner_filter))
        if total == 0:
            if is_remote():
                text = _(EMPTY_BOARD_REMOTE).format(new=shown_key(self, "board.new"), help=shown_key(self.app, "app.help"))
            else:
                text = _(EMPTY_BOARD).format(new=shown_key(self, "board.new"),
                                             import_plan=shown_key(self, "board.import"),
                                             help=shown_key(self.app, "app.help"))
            if not self.app.board.members():
                text = _(EMPTY_TEAM).format(cycle=shown_key(self.app, "app.cycle"),
                                            setup=shown_key_of(self.app, "cycle.setup", "s")) + " " + text
            status.update(plain(text))
        elif parts:
            status.update(plain(n_("Showing {shown} of {total} task", "Showing {shown} of {total} tasks", total).format(
                shown=shown, total=total) + " · "
                                + " · ".join(parts) + " · " + _("{clear} clears").format(clear=shown_key(self, "board.clear"))))
        else:
            status.update("")
        status.display = bool(total == 0 or parts)

    # ------------------------------------------------------------------ moving

    @on(Kanban.MoveRequested)
    def _move_requested(self, event: Kanban.MoveRequested) -> None:
        """Move the card; into a column at its WIP limit, only after asking. A move the actor may
        not make (a rep, another's task) is tried at once, for the store's refusal: no question
        about the limit first."""
        board = self.app.board
        try:
            now = board.task(event.card_id).status
        except UpliftError:
            now = event.source  # gone meanwhile: the move itself says so
        if now != event.source and self.moved_by_another(event.card_id):  # since this screen last drew it
            tell(self, fill(_("{id} was moved meanwhile, to {column}: it is shown there now; move it again if you "
                              "still mean to"), id=event.card_id, column=_(STATUS_LABELS[now])), "warning")
            self.call_next(self.refresh_board)
            return
        count, limit = column_load(board.tasks(), board.wip_limits(), event.target) or (0, None)
        if limit is not None and count >= limit and self._may_move(event.card_id):
            from tui.screens.dialogs import Confirm

            question = (_("{column} is at its WIP limit ({count}/{limit}). Move {id} there anyway?") if count == limit
                        else _("{column} is over its WIP limit ({count}/{limit}). Move {id} there anyway?")).format(
                column=_(STATUS_LABELS[event.target]), count=count, limit=limit, id=event.card_id)
            self.app.push_screen(Confirm(question), lambda yes: yes and self.call_next(
                self.move, event.card_id, event.target))
        else:
            self.call_next(self.move, event.card_id, event.target)

    def _may_move(self, task_id: str) -> bool:
        """Whether the actor may move the task (the store's rule for a change that keeps its owner)."""
        try:
            owner = self.app.board.task(task_id).owner
        except UpliftError:
            return True  # gone meanwhile: the move itself says so
        return self.app.board.may("task.edit", owner=owner, new_owner=owner)

    async def move(self, task_id: str, status: str) -> None:
        try:
            task = self.app.board.move_task(task_id, status)
        except UpliftError as error:
            tell(self, error, "error")
            return
        self._said_moved(task, was=None)
        await self.refresh_board()
        await self.kanban.focus_card(task_id)

    # ------------------------------------------------------------------ actions

    def focused_task(self) -> Task | None:
        """The task of the focused card, for a key that acts on one (e, v, c, d); with no card
        (an empty board, or a filter that shows none) it says so, as the other screens do."""
        card = self.kanban.focused_card
        if card is None:
            tell(self, _("No task selected: press {new} to add one.").format(new=shown_key(self, "board.new")),
                 "warning")
            return None
        try:
            return self.app.board.task(card.id)
        except UpliftError as error:
            tell(self, error, "error")
        return None

    def action_new(self) -> None:
        from tui.screens.dialogs import permitted
        from tui.screens.task_form import TaskForm

        if permitted(self, "task.add", self.app.board.actor):
            self.app.push_screen(TaskForm(), self._saved)

    def action_edit(self) -> None:
        from tui.screens.dialogs import permitted
        from tui.screens.task_form import TaskForm

        task = self.focused_task()
        if task and permitted(self, "task.edit", task.owner):
            self.app.push_screen(TaskForm(task), lambda saved: self._saved(saved, was=task.status))

    def _saved(self, task: Task | None, was: str | None = None) -> None:
        """Saved from the form: said and focused, and a status it changed said as a move says it."""
        if task is None:
            return
        tell(self, _("Saved {id}").format(id=task.id))
        if task.status != was:
            self._said_moved(task, was, form=True)
        self.call_next(self._refocus, task.id)

    def _said_moved(self, task: Task, was: str | None, form: bool = False) -> None:
        """What a task's new status says, from a card moved or the form: a task waiting on others
        not done yet, the next occurrence of a repeating task done, and (from the form, since a
        card moved into a full column asked first) a column now over its WIP limit, as the
        command line says them."""
        board = self.app.board
        if task.depends and task.status in ("doing", "done") and (
                waiting := waiting_on(task, {t.id: t for t in board.tasks()})):
            tell(self, _("{id} waits for {ids}, not done yet").format(id=task.id, ids=enumerated(waiting)), "warning")
        if task.every and task.status == "done" and was != "done" and (after := board.next_of(task.id)) is not None:
            tell(self, _("{id} repeats {every}: {next} is the next, due {due}").format(
                id=task.id, every=_(task.every), next=after.id, due=after.due))
        load = column_load(board.tasks(), board.wip_limits(), task.status) if form else None
        if load is not None and load[0] > load[1]:
            tell(self, _("{column} now holds {count} tasks, over its WIP limit of {limit}").format(
                column=_(STATUS_LABELS[task.status]), count=load[0], limit=load[1]), "warning")

    async def _refocus(self, task_id: str | None) -> None:
        await self.refresh_board()
        if task_id and not await self.kanban.focus_card(task_id):
            self.kanban.focus_first()

    def action_details(self) -> None:
        from tui.screens.task_detail import TaskDetail

        task = self.focused_task()
        if task:
            self.app.push_screen(TaskDetail(task), lambda _: self.call_next(self._refocus, task.id))

    def action_comment(self) -> None:
        from tui.screens.dialogs import permitted
        from tui.screens.task_detail import comment_form

        task = self.focused_task()
        if task and permitted(self, "task.comment"):
            self.app.push_screen(comment_form(self.app.board, task), lambda _: self.call_next(self._refocus, task.id))

    def action_delete(self) -> None:
        from tui.screens.dialogs import Confirm, permitted

        task = self.focused_task()
        if task is None or not permitted(self, "task.delete", task.owner):
            return

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.board.delete_task(task.id)
            except UpliftError as error:
                tell(self, error, "error")
                return
            tell(self, _("Deleted {id}").format(id=task.id))
            self.call_next(self._refocus, None)

        self.app.push_screen(Confirm(_("Delete {id} “{title}”?").format(id=task.id, title=task.title),
                                     destructive=True), answer)

    async def action_filter(self) -> None:
        box = await self.filter_box()
        card = self.kanban.card
        # the card to come back to if the filter is cleared (escape) while it is typed: as it
        # narrows, the cursor lands on the first match
        self.before_filter = card.id if card else None
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    async def _filter_changed(self, event: Input.Changed) -> None:
        if event.value.strip() == self.text_filter:
            return  # (the filter cleared by escape: the board is already drawn without it)
        self.text_filter = event.value.strip()
        await self.refresh_board()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = bool(self.text_filter)
        self.kanban.focus_first()
        if self.focused is box:  # nothing matches: the board's keys still go to the board, not into the box
            self.kanban.focus()

    async def action_clear_filters(self) -> None:
        """Everyone's tasks again, the card under the cursor keeping the focus (escape pressed with
        no filter on sent the focus back to the board's first card)."""
        card = self.kanban.card
        typing = any(box.has_focus for box in self.query("#filter").results(Input))
        back_to = self.before_filter if typing else card.id if card else None
        for box in self.query("#filter").results(Input):
            box.value = ""
            box.display = False
        self.text_filter, self.owner_filter = "", None
        await self._refocus(back_to)

    async def action_mine(self) -> None:
        """Only my tasks, or (again) everyone's; the focused card keeps the focus while it is
        still shown (turning the filter off sent it back to the board's first card)."""
        me = self.app.board.actor
        card = self.kanban.card
        self.owner_filter = None if self.owner_filter == me else me
        await self._refocus(card.id if card else None)

    def action_owner(self) -> None:
        from tui.screens.dialogs import Pick

        board = self.app.board
        owners = sorted({m.name for m in board.members()} | {t.owner for t in board.tasks() if t.owner})
        choices = [(_("everyone"), "")] + [(name, name) for name in owners]

        card = self.kanban.card

        def picked(name: str | None) -> None:
            if name is None:
                return
            self.owner_filter = name or None
            self.call_next(self._refocus, card.id if card else None)  # (the first card, if it is not shown)

        self.app.push_screen(Pick(_("Show whose tasks?"), choices), picked)
