"""The budget screen (resources of phase 3): lines, totals against the plan's budget, flags, training.

Keys: r request, a approve, x reject (leads; a reason is asked), p record spending, s the
selected line's spending (enter on one takes it back: typed wrong, or refunded), t add a training item, d tick the selected training item done, e change it (reschedule), delete delete it, escape back to
the goals, c this cycle's lines or every cycle's. A key that acts on a row acts on the table that has the focus: on the other one it
says which table it is for, rather than reach for the row selected there.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Select, Static

from sales.budget import CATEGORIES, SpendEntry, money, spend_outside, spent_on
from sales.dates import DateError, parse_date
from sales.errors import Invalid, UpliftError
from sales.numbers import parse_number
from sales.text import TITLE_MAX
from tui.figure_cells import figure_rich
from tui.i18n import N_, _, say
from tui.goals_output import cycle_note, line_cycle
from tui.keys import shown_key
from tui.number_text import form_number
from tui.screens.board_view import BoardView
from tui.screens.dialogs import Confirm, Pick, permitted
from tui.screens.fields_form import FieldsForm
from tui.user_text import plain, plain_rich, tell, text_input
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import Footer

LINE_COLUMNS = ("ID", N_("Status"), N_("Category"), N_("Requested"), N_("Approved"), N_("Spent"), N_("For"),
                N_("By"), N_("Title"))
TRAINING_COLUMNS = ("ID", N_("Date"), N_("Done"), N_("Audience"), N_("Topic"))
TEXT_COLUMNS = ("Title", "Audience", "Topic")  # they share the room the others leave
FIGURES = ("Requested", "Approved", "Spent")  # amounts: right-aligned, their headers too
#: Left out of the lines where with them a title would get less than `TITLE_ROOM` cells (or
#: less than its whole width, when shorter): the one-word headers and cells beside it
#: (`Requested`, `marketing`) cannot wrap, and at 80 columns it got ten (`Booth at t…`); a
#: line's category and who asked are in `uplift budget` and on a wider terminal. Measured, not
#: a fixed width: the Chinese headers and cells are narrower and keep them from 84 columns.
NARROW_LEFT_OUT = ("Category", "By")
TITLE_ROOM = 24


def _amount(text: str, field: str = "amount") -> float:
    try:
        return parse_number(text)
    except ValueError as error:
        raise Invalid(field, error) from None


def _heading(name: str):
    return figure_rich(_(name)) if name in FIGURES else plain_rich(_(name))


class BudgetScreen(BoardView):
    LEAD_KEYS = {"approve": "budget.edit", "reject": "budget.edit", "training": "training.add",
                 "training_done": "training.edit", "training_edit": "training.edit",
                 "training_delete": "training.delete"}
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="budget.back"),
        # (the view's key next to Back: last, it was the first left out of the footer at 80 columns)
        Binding("c", "cycles", N_("Cycles"), id="budget.cycles"),
        Binding("r", "request", N_("Request"), id="budget.request"),
        Binding("a", "approve", N_("Approve"), id="budget.approve"),
        Binding("x", "reject", N_("Reject"), id="budget.reject"),
        Binding("p", "spend", N_("Spend"), id="budget.spend"),
        Binding("s", "spending", N_("Spending"), id="budget.spending"),
        Binding("t", "training", N_("Training"), id="budget.training"),
        Binding("d", "training_done", N_("Done"), id="budget.training_done"),
        Binding("e", "training_edit", N_("Edit training"), id="budget.training_edit"),
        Binding("delete", "training_delete", N_("Delete training"), id="budget.training_delete"),
    ]
    #: Every cycle's lines shown (`c`), not only the cycle's.
    every = False

    def __init__(self, training: str | None = None) -> None:
        super().__init__()
        self.shown_training = training  # a training item to show (chosen on the Calendar), by id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="budget-totals")
        yield Static(id="budget-flags")
        yield FillTable(id="budget-lines", cursor_type="row", zebra_stripes=True, fill=TEXT_COLUMNS)
        yield Static(plain(_("Training ({key} ticks one done)").format(key=shown_key(self, "budget.training_done"))),
                     classes="field-label", id="training-heading")
        yield self._table("training-table", TRAINING_COLUMNS)
        yield Footer()

    @staticmethod
    def _table(table_id: str, columns: tuple[str, ...]) -> DataTable:
        table: DataTable = FillTable(id=table_id, cursor_type="row", zebra_stripes=True, fill=TEXT_COLUMNS)
        for name in columns:
            table.add_column(_heading(name), key=name)
        return table

    #: The cells of the lines shown (column -> cell), kept to choose the columns again on a resize.
    _cells: list[dict[str, str]] = []

    def _line_columns(self) -> tuple[str, ...]:
        """The budget lines' columns at this width: all where they leave a title `TITLE_ROOM`."""
        table = self.query_one("#budget-lines", FillTable)
        if table.fits(LINE_COLUMNS, self._cells, _heading, TITLE_ROOM):
            return LINE_COLUMNS
        return tuple(name for name in LINE_COLUMNS if name not in NARROW_LEFT_OUT)

    def on_resize(self) -> None:
        self.call_after_refresh(self._columns_again)  # (once the table has its new width)

    async def _columns_again(self) -> None:
        if self.is_mounted and self.query_one("#budget-lines", FillTable).column_names() != self._line_columns():
            await self.refresh_board()

    async def on_mount(self) -> None:
        await self.refresh_board()
        table = self.query_one("#training-table", DataTable)
        if self.shown_training and self.shown_training in (key.value for key in table.rows):
            table.move_cursor(row=table.get_row_index(self.shown_training))
            table.focus()
        else:
            self.query_one("#budget-lines").focus()

    async def refresh_board(self) -> None:
        board = self.app.board
        found = board.cycle_budget(self.every)  # (its own lines, then others' with money spent in it)
        lines, entries = found.lines, found.spending
        now = found.own if not self.every else board.cycle_budget().own  # (the lines of the cycle now)
        table = self.query_one("#budget-lines", DataTable)
        row = table.cursor_row
        self._cells = [dict(zip(LINE_COLUMNS, (
            line.id, _(line.status), _(line.category), money(line.requested) if line.id in found.own else "–",
            money(line.approved) if line.status == "approved" and line.id in found.own else "–",
            money(spent_on(line.id, entries)), line.strategy or line.task or "", line.requested_by,
            # another cycle's line says which before its title (no room for a column at 80)
            line.title if line.id in now else f"{line_cycle(line)} · {line.title}"))) for line in lines]
        columns = self._line_columns()
        table.show_columns(columns, _heading)
        table.clear()
        for line, cells in zip(lines, self._cells):
            table.add_row(*(figure_rich(cells[name]) if name in FIGURES else plain_rich(cells[name])
                            for name in columns), key=line.id)
        if lines:
            table.move_cursor(row=min(row, len(lines) - 1))
        totals = board.budget_totals(self.every)
        budget = "" if self.every else (_("no plan budget set") if totals.budget is None else _(
            "plan budget {amount}").format(amount=money(totals.budget))) + " · "
        summary = budget + _("approved {approved} · spent {spent} · waiting for a decision {waiting}").format(
            approved=money(totals.approved), spent=money(totals.spent), waiting=money(totals.requested))
        if totals.left is not None and totals.left >= 0:  # (more approved than the budget: a flag says so)
            summary += " · " + _("{amount} left to approve").format(amount=money(totals.left))
        summary += cycle_note(totals, self.every, _("{key} shows them").format(key=shown_key(self, "budget.cycles")))
        if not lines:
            summary += " · " + _("no budget lines yet: press {key} to request one").format(
                key=shown_key(self, "budget.request"))
        self.query_one("#budget-totals", Static).update(plain(summary))
        flags = board.budget_flags(self.every)
        box = self.query_one("#budget-flags", Static)
        box.update(plain("\n".join(f"! {say(flag)}" for flag in flags)))
        box.display = bool(flags)
        training = self.query_one("#training-table", DataTable)
        training.clear()
        items = board.training()
        self.query_one("#training-heading", Static).update(plain(self._training_heading(bool(items))))
        for item in items:
            training.add_row(*(plain_rich(cell) for cell in (
                item.id, str(item.on or ""), _("yes") if item.done else "", item.audience, item.topic)), key=item.id)

    def _training_heading(self, any_items: bool) -> str:
        """What fills the training table, or how one is ticked: the keys are a lead's, so a rep
        is told who does it (those keys only say the rule to a rep)."""
        if not self.offers("training"):
            return _("Training") if any_items else _("Training: none yet (a lead adds them)")
        return (_("Training ({key} ticks one done)").format(key=shown_key(self, "budget.training_done")) if any_items
                else _("Training: none yet, press {key} to add one").format(key=shown_key(self, "budget.training")))

    async def action_cycles(self) -> None:
        """This cycle's lines, or every cycle's (the last cycle's out of the way, but readable)."""
        self.every = not self.every
        await self.refresh_board()

    def _selected(self, table_id: str, binding_id: str) -> str | None:
        """The id of the row under the cursor in `table_id`, if that table has the focus (the
        key of `binding_id` acts on it); else None, with a word on where the key works."""
        table = self.query_one(table_id, DataTable)
        if self.focused is not table:
            where = (_("{key} acts on a budget line: tab to the budget lines first") if table_id == "#budget-lines"
                     else _("{key} acts on a training item: tab to the training table first"))
            tell(self, where.format(key=shown_key(self, binding_id)), "warning")
            return None
        if not table.row_count:
            tell(self, _("Nothing selected."), "warning")
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _open(self, form: FieldsForm) -> None:
        def done(item) -> None:
            if item is not None:
                tell(self, _("Saved {id}").format(id=item.id))
                # a spend dated outside the cycle is not in this cycle's figures: said, not left a puzzle
                if isinstance(item, SpendEntry) and (outside := spend_outside(item, self.app.board.plan_period())):
                    tell(self, say(outside), "warning")
                self.call_next(self.refresh_board)
        self.app.push_screen(form, done)

    # ------------------------------------------------------------------ actions

    def action_request(self) -> None:
        if not permitted(self, "budget.request"):
            return
        board = self.app.board
        strategies = [(plain_rich(f"{s.id}  {s.title}"), s.id) for s in board.strategies()]
        tasks = [(plain_rich(f"{t.id}  {t.title}"), t.id) for t in board.tasks()]
        rows = [
            ("title", _("What for"), text_input("", max_length=TITLE_MAX)),
            (("amount", _("Amount"), text_input("", placeholder=_("5000, 2.5k"))),
             ("category", _("Category"), Select([(plain_rich(_(c)), c) for c in CATEGORIES],
                                                allow_blank=False, value="other"))),
            (("strategy", _("Strategy"), Select(strategies, prompt=_("no strategy"))),
             ("task", _("or task"), Select(tasks, prompt=_("no task")))),
            ("note", _("Note"), text_input("")),
        ]

        def save(values: dict):
            if not values["amount"].strip():
                raise Invalid("amount", "how much is needed?")
            return board.request_budget(values["title"], _amount(values["amount"]), category=values["category"],
                                        strategy=values["strategy"], task=values["task"], note=values["note"])

        self._open(FieldsForm(_("Request budget"), rows, save, required=("title",)))

    def _decide(self, approve: bool) -> None:
        board = self.app.board
        line_id = self._selected("#budget-lines", "budget.approve" if approve else "budget.reject")
        if line_id is None or not permitted(self, "budget.edit"):
            return
        try:
            line = board.budget_line(line_id)
        except UpliftError as error:
            tell(self, error, "error")
            return
        if line.status != "requested":  # decided once: said now, not after the reason is typed
            tell(self, _("{id} is already {status}: a line is approved or rejected once").format(
                id=line.id, status=_(line.status)), "warning")
            return
        if approve:  # one's own request, with another lead to ask: said before the form
            try:
                board.check_not_own_request(line)
            except UpliftError as error:
                tell(self, error, "error")
                return
        rows: list = [("reason", _("Reason"), text_input(""))]
        if approve:
            rows.append(("amount", _("Amount (requested {amount})").format(amount=money(line.requested)),
                         text_input(form_number(line.requested))))

        def save(values: dict):
            if approve:
                return board.approve_budget(line.id, values["reason"], _amount(values["amount"]))
            return board.reject_budget(line.id, values["reason"])

        verb = _("Approve {id}  {title}") if approve else _("Reject {id}  {title}")
        own = approve and line.requested_by == board.actor and board.members()  # (the only lead: allowed)
        note = _("{id} is your own request: you are the board's only lead, so you approve it yourself "
                 "(the log says so)").format(id=line.id) if own else ""
        if approve and line.id not in board.cycle_budget().own:  # (left from an earlier cycle: it counts there)
            note = " ".join(filter(None, (note, _(
                "note: {id} was requested in the cycle {start} to {end}: its approval counts in that cycle's "
                "budget, not this one's").format(id=line.id, start=line.cycle_start or "–", end=line.cycle_end or "–"))))
        self._open(FieldsForm(verb.format(id=line.id, title=line.title), rows, save, note=note))

    def action_approve(self) -> None:
        self._decide(True)

    def action_reject(self) -> None:
        self._decide(False)

    def action_spend(self) -> None:
        board = self.app.board
        line_id = self._selected("#budget-lines", "budget.spend")
        if line_id is None:
            return
        try:  # a rep spends on their own lines: said now, not once the amount is typed
            owner = board.budget_line(line_id).requested_by
        except UpliftError as error:
            tell(self, error, "error")
            return
        if not permitted(self, "budget.spend", owner):
            return
        rows = [(("amount", _("Amount spent"), text_input("")),
                 ("on", _("On"), text_input("", placeholder="today"))),
                ("note", _("Note"), text_input(""))]

        def save(values: dict):
            try:
                on = parse_date(values["on"], board.today()) if values["on"].strip() else None
            except DateError as error:
                raise Invalid("on", error) from None
            return board.record_spend(line_id, _amount(values["amount"]), on, values["note"])

        self._open(FieldsForm(_("Spending on {id}").format(id=line_id), rows, save, required=("amount",)))

    def action_spending(self) -> None:
        """The selected line's spend entries; enter on one takes it back (asked first): an
        amount typed wrong, or refunded (record what was really spent again)."""
        board = self.app.board
        line_id = self._selected("#budget-lines", "budget.spending")
        if line_id is None:
            return
        try:
            entries = board.spending(line_id)
        except UpliftError as error:  # gone since the table was drawn
            tell(self, error, "error")
            return
        if not entries:
            tell(self, _("Nothing spent on {id} yet: press {key} to record a spend.").format(
                id=line_id, key=shown_key(self, "budget.spend")), "warning")
            return
        by_id = {e.id: e for e in entries}
        choices = [(f"{e.id}  {e.on}  {money(e.amount)}  {e.by}" + (f"  {e.note}" if e.note else ""), e.id)
                   for e in entries]

        def picked(entry_id: str | None) -> None:
            if entry_id is None:
                return
            entry = by_id[entry_id]
            if not permitted(self, "spend.delete", entry.by):
                return

            async def answer(yes: bool | None) -> None:
                if not yes:
                    return
                try:
                    board.delete_spend(entry.id)
                except UpliftError as error:
                    tell(self, error, "error")
                    return
                tell(self, _("Took back {id} ({amount} on {line})").format(
                    id=entry.id, amount=money(entry.amount), line=entry.line))
                await self.refresh_board()

            self.app.push_screen(Confirm(_("Take back {id}, {amount} spent on {line} on {date}?").format(
                id=entry.id, amount=money(entry.amount), line=entry.line, date=entry.on), destructive=True), answer)

        self.app.push_screen(Pick(_("Spending on {id} (enter takes one back)").format(id=line_id), choices), picked)

    def action_training(self) -> None:
        if permitted(self, "training.add"):
            self._training_form(None)

    def action_training_edit(self) -> None:
        """Reschedule the selected training item, or change its topic, audience or strategy."""
        item_id = self._selected("#training-table", "budget.training_edit")
        if item_id is None or not permitted(self, "training.edit"):
            return
        try:
            item = self.app.board.training_item(item_id)
        except UpliftError as error:  # gone since the table was drawn
            tell(self, error, "error")
            return
        self._training_form(item)

    def _training_form(self, item) -> None:
        """The form of a new training item (`item` None), or of `item` to change."""
        board = self.app.board
        strategies = [(plain_rich(f"{s.id}  {s.title}"), s.id) for s in board.strategies()]
        known = {s.id for s in board.strategies()}
        strategy = (Select(strategies, prompt=_("no strategy"), value=item.strategy)
                    if item is not None and item.strategy in known else Select(strategies, prompt=_("no strategy")))
        rows = [("topic", _("Topic"), text_input(item.topic if item else "", max_length=TITLE_MAX)),
                (("audience", _("Audience"), text_input(item.audience if item else "", placeholder=_("all reps"))),
                 ("on", _("Date"), text_input(str(item.on or "") if item else "", placeholder="YYYY-MM-DD, fri"))),
                ("strategy", _("Strategy"), strategy)]

        def save(values: dict):
            try:
                on = parse_date(values["on"], board.today()) if values["on"].strip() else None
            except DateError as error:
                raise Invalid("on", error) from None
            if item is not None:
                return board.update_training(item.id, topic=values["topic"], audience=values["audience"],
                                             on=on or "", strategy=values["strategy"] or "")
            return board.add_training(values["topic"], audience=values["audience"], on=on,
                                      strategy=values["strategy"])

        title = _("New training item") if item is None else _("Edit {id}").format(id=item.id)
        self._open(FieldsForm(title, rows, save, required=("topic",)))

    async def action_training_done(self) -> None:
        item_id = self._selected("#training-table", "budget.training_done")
        if item_id is None:
            return
        board = self.app.board
        try:  # (the item may have gone since the table was drawn: NotFound says so)
            board.set_training_done(item_id, not board.training_item(item_id).done)
        except UpliftError as error:
            tell(self, error, "error")
            return
        await self.refresh_board()

    def action_training_delete(self) -> None:
        item_id = self._selected("#training-table", "budget.training_delete")
        if item_id is None or not permitted(self, "training.delete"):
            return
        board = self.app.board
        try:
            item = board.training_item(item_id)
        except UpliftError as error:  # gone since the table was drawn
            tell(self, error, "error")
            return

        async def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                board.delete_training(item_id)
            except UpliftError as error:
                tell(self, error, "error")
                return
            tell(self, _("Deleted {id}").format(id=item_id))
            await self.refresh_board()

        self.app.push_screen(Confirm(_("Delete {id} “{title}”?").format(id=item.id, title=item.topic),
                                     destructive=True), answer)
