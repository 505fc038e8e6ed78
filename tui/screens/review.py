"""The review screen (phase 5, key 5): target against actual, gap analysis, payouts, leaderboard,
what each strategy brought and the end-of-cycle checklist, one tab each.

Gap analysis: pick a question (enter) and type its answer in the box below; enter saves it.
Checklist: enter ticks or unticks the item under the cursor. Payouts: the team at a glance (a
line per rep: total, where the statement stands), enter on a rep (or pick one) to see each line
of their statement; A approves every statement waiting, as `uplift payout approve` does. Answers and ticks are a lead's; a rep sees the refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import (
    DataTable,
    Header,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from sales.approvals import waits_for_approval
from sales.errors import UpliftError
from sales.payout import Statement, money
from sales.text import TEXT_MAX
from tui.figure_cells import figure_rich
from tui.i18n import N_, _, language, n_, say
from tui.keys import shown_key
from tui.number_text import gap_or_dash, num_or_dash, pct_or_dash
from tui.review_text import (
    STRATEGY_COLUMNS,
    STRATEGY_FIGURES,
    TEAM_COLUMNS,
    approval_text,
    awards_text,
    changed_lines,
    hold_text,
    strategy_rows,
    team_row,
)
from tui.screens.board_view import BoardView
from tui.screens.tab_keys import TabKeys, tab_bindings
from tui.screens.dialogs import permitted
from tui.user_text import plain, plain_rich, tell, text_input
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import Footer


#: What an empty tab says (an empty table alone does not say why, nor what fills it).
NO_GOALS = N_("No goals yet: set them on Goals (key 2), then their actuals show here.")
STRATEGY_NOTE = N_("A deal counts for the strategy that brought it (the Strategy field of a deal), else for each "
                   "strategy whose tasks worked on it (the Deal field of a task).")
NO_STRATEGIES = N_("No strategies yet: add them on Goals (key 2, then s); then give each deal the strategy that "
                   "brought it, or their tasks the deals they work on.")
#: The same to someone who may not add one (a rep): the key it names would only say the rule.
NO_STRATEGIES_READ = N_("No strategies yet: a lead adds them on Goals (key 2); then each deal names the strategy "
                        "that brought it, or its tasks the deals they work on.")
ANSWER_HELP = N_("Select a question (enter), type the answer, enter to save.")
ANSWER_HELP_READ = N_("A lead answers these questions.")
NOT_YOURS = N_("Pay is private: a payout statement is read by the leads and the rep it is about.")
NO_REPS = N_("No rep on the board yet: add one with `uplift member add NAME --role rep` (or give a deal an owner).")


#: The Goals tab's columns; Baseline and Gap only where the table has room for them beside the
#: source and the title, each read whole on its two lines or given `TEXT_ROOM` cells a line (at
#: 80 columns the title got 13 cells, `Grow` / `quarterly re…`; the gap is the target less the
#: actual, both in view, and `uplift review` has both). Measured from the headers and cells.
GOAL_COLUMNS = (N_("Goal"), N_("Baseline"), N_("Target"), N_("Actual"), N_("Attained"), N_("Gap"), N_("Source"),
                N_("Title"))
WIDE_ONLY = ("Baseline", "Gap")
TEXT_ROOM = 20


LEADERBOARD = (N_("Rank"), N_("Rep"), N_("Attainment"), N_("Won value"), N_("Activities"), N_("Recognition"))
#: The columns of figures in the tabs' tables (by name): right-aligned, their headers too.
FIGURES = frozenset({"Baseline", "Target", "Actual", "Attained", "Gap", "Amount", "Total", "Attainment", "Won value",
                     "Activities", *STRATEGY_FIGURES})


def _heading(name: str):
    return _cell(name, _(name))


def _cell(name: str, value: object):
    """A cell of column `name` (text as data): right-aligned in a column of figures."""
    return figure_rich(value) if name in FIGURES else plain_rich(value)


def _row(columns: Sequence[str], cells: Sequence[object]) -> list:
    return [_cell(name, value) for name, value in zip(columns, cells)]


def _table(table_id: str, *columns: str, fill: tuple[str, ...] = (), lines: int = 1) -> DataTable:
    table: DataTable = FillTable(id=table_id, cursor_type="row", zebra_stripes=True, fill=fill, lines=lines)
    for name in columns:
        table.add_column(_heading(name), key=name)
    return table


class ReviewScreen(TabKeys, BoardView):
    LEAD_KEYS = {"approve": "payout.approve", "approve_all": "payout.approve", "mark_paid": "payout.pay",
                 "hold": "payout.hold"}
    #: The keys that act on the Payouts tab's statements: offered (and in the footer) there only;
    #: at 80 columns they filled the footer on every tab and pushed the tab's own keys behind "…".
    PAYOUT_ACTIONS = frozenset({"approve", "approve_all", "mark_paid", "hold"})
    BINDINGS = [Binding("a", "approve", N_("Approve payout"), id="review.approve"),
                Binding("A", "approve_all", N_("Approve all"), id="review.approve_all"),
                Binding("p", "mark_paid", N_("Mark paid"), id="review.paid"),
                Binding("h", "hold", N_("Hold / release"), id="review.hold"),
                Binding("c", "pick_cycle", N_("Another cycle"), id="review.cycle"),
                Binding("k", "coaching", N_("Coaching notes"), id="review.coaching"), *tab_bindings("review")]

    #: The cycle read (c): a past one's review, or None for the plan's cycle now.
    cycle: tuple[date, date] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-cycle")
        with TabbedContent(id="review-tabs"):
            with TabPane(_("Goals"), id="tab-review-goals"):
                yield _table("review-goals", *GOAL_COLUMNS, fill=("Source", "Title"), lines=2)
                yield Static(plain(_(NO_GOALS)), id="review-goals-empty", classes="review-empty")
                yield Static(id="review-process")
            with TabPane(_("Gap analysis"), id="tab-review-gaps"):
                # the question and its answer share the room, on two lines where one would cut them:
                # at 80 columns the answer ran off the edge (`Mostly rig`)
                yield _table("review-questions", N_("No."), N_("Question"), N_("Answer"),
                             fill=("Question", "Answer"), lines=2)
                yield Static(plain(_(ANSWER_HELP)), id="review-answer-help")
                yield text_input(placeholder=_("answer to the selected question"), id="review-answer",
                                 max_length=TEXT_MAX)
            with TabPane(_("Payouts"), id="tab-review-payouts"):
                yield _table("review-team", *TEAM_COLUMNS, fill=("State",))
                yield Select([], prompt=_("Rep"), id="review-rep", allow_blank=True)
                yield _table("review-statement", N_("Line"), N_("Amount"), fill=("Line",), lines=2)
                yield Static(plain(_(NO_REPS)), id="review-statement-empty", classes="review-empty")
            with TabPane(_("Leaderboard"), id="tab-review-leaders"):
                yield _table("review-leaderboard", *LEADERBOARD, fill=("Recognition",), lines=2)
                yield Static(plain(_(NO_REPS)), id="review-leaderboard-empty", classes="review-empty")
            with TabPane(_("Strategies"), id="tab-review-strategies"):
                yield _table("review-strategies", *STRATEGY_COLUMNS, fill=("Title",), lines=2)
                yield Static(plain(_(STRATEGY_NOTE)), id="review-strategies-note")
                yield Static(plain(_(NO_STRATEGIES)), id="review-strategies-empty", classes="review-empty")
            with TabPane(_("Checklist"), id="tab-review-checklist"):
                yield _table("review-checklist", N_("Done"), N_("Item"), N_("By"))
        yield Footer()

    async def on_mount(self) -> None:
        self.question = 1
        await self.refresh_board()

    @property
    def board(self):
        return self.app.board

    def reading(self) -> AbstractContextManager:
        """The board as it reads the cycle shown: a past one's (`review --start --end`), or now."""
        return self.board.reading_cycle(*self.cycle) if self.cycle else nullcontext()

    async def refresh_board(self) -> None:
        try:
            with self.reading():
                self._show_all()
        except UpliftError as error:
            tell(self, error, "error")

    def _show_all(self) -> None:
        self._show_cycle()
        self._show_goals()
        self._show_questions()
        self._show_reps()
        self._show_team()
        self._show_statement()
        self._show_leaderboard()
        self._show_strategies()
        self._show_checklist()

    # ------------------------------------------------------------------ tabs

    def on_resize(self) -> None:
        self.call_after_refresh(self._goal_columns_again)  # (once the table has its new width)

    def _goal_columns_again(self) -> None:
        if self.is_mounted and self._goal_columns() != self.query_one("#review-goals", FillTable).column_names():
            with self.reading():
                self._show_goals()

    def _show_cycle(self) -> None:
        start, end = self.board.period()
        line = self.query_one("#review-cycle", Static)
        line.display = bool(start and end)
        if start and end:
            text = (_("A past cycle: {start} to {end} · {key} another") if self.cycle else
                    _("This cycle: {start} to {end} · {key} another"))
            line.update(plain(text.format(start=start, end=end, key=shown_key(self, "review.cycle"))))

    #: The goals' cells shown (column -> cell), kept to choose the columns again on a resize.
    _goal_cells: list[dict[str, str]] = []

    def _goal_columns(self) -> tuple[str, ...]:
        """The Goals tab's columns at this width: Baseline and Gap where they leave the source and
        the title their room (`TEXT_ROOM`)."""
        table = self.query_one("#review-goals", FillTable)
        if table.fits(GOAL_COLUMNS, self._goal_cells, _heading, TEXT_ROOM):
            return GOAL_COLUMNS
        return tuple(name for name in GOAL_COLUMNS if name not in WIDE_ONLY)

    def _show_goals(self) -> None:
        table = self.query_one("#review-goals", FillTable)
        self._goal_cells = [dict(zip(GOAL_COLUMNS, (
            g.goal, num_or_dash(g.baseline, g.unit), num_or_dash(g.target, g.unit), num_or_dash(g.actual, g.unit),
            pct_or_dash(g.attainment), gap_or_dash(g.gap, g.unit), say(g.source), g.title)))
            for g in self.board.goal_results()]
        columns = self._goal_columns()
        table.show_columns(columns, _heading)
        table.clear()
        for cells in self._goal_cells:
            table.add_row(*(_cell(name, cells[name]) for name in columns), key=cells["Goal"])
        self.query_one("#review-goals-empty").display = not table.row_count
        p = self.board.process_metrics()
        csat = f"{num_or_dash(p.csat)} ({say(p.csat_source)})" if p.csat is not None else _("not recorded")
        self.query_one("#review-process", Static).update(plain(
            _("Process metrics: won value {won} · deals won {deals} · new customers {new} · activities "
              "{activities} · win rate {rate} · customer satisfaction {csat}").format(
                won=num_or_dash(p.won_value), deals=p.won_deals, new=p.new_customers, activities=p.activities,
                rate=pct_or_dash(p.win_rate), csat=csat)
            + " · " + (_("budget spent {spent} ({per} per deal won)") if p.spent_per_won is not None
                       else _("budget spent {spent}")).format(spent=num_or_dash(p.spent), per=num_or_dash(p.spent_per_won))))

    def _show_questions(self) -> None:
        table = self.query_one("#review-questions", DataTable)
        table.clear()
        for n, (question, answer) in enumerate(self.board.answers_by_question(lang=language()), 1):
            table.add_row(plain_rich(n), plain_rich(question),
                          plain_rich(answer.answer.replace("\n", " ") if answer else "–"), key=str(n))
        # a rep reads the answers: no box to type one into that the save would refuse (tab reached it)
        answers = self.board.may("answer.add")
        self.query_one("#review-answer-help", Static).update(plain(_(ANSWER_HELP if answers else ANSWER_HELP_READ)))
        self.query_one("#review-answer", Input).display = answers

    def _show_reps(self) -> None:
        select = self.query_one("#review-rep", Select)
        reps = self.board.reps() + self.board.former_reps()  # (one who left: what they earned before)
        reps = [rep for rep in reps if self.board.reads_pay(rep)]  # pay is private: a rep picks only themselves
        current = select.value
        select.set_options([(plain_rich(rep), rep) for rep in reps])
        if current in reps:
            select.value = current
        elif reps:
            select.value = reps[0]

    def _show_team(self) -> None:
        """The Payouts tab's overview: a line per rep whose pay the reader may read (a rep, their own)."""
        table = self.query_one("#review-team", DataTable)
        row = table.cursor_row
        table.clear()
        readable = any(self.board.reads_pay(rep) for rep in self.board.reps())  # (pay is private)
        for statement in self.board.payouts() if readable else []:  # (a rep's: their own)
            table.add_row(*_row(TEAM_COLUMNS, team_row(statement)), key=statement.rep)
        table.display = bool(table.row_count)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The payout keys only on the Payouts tab (see PAYOUT_ACTIONS)."""
        if action in self.PAYOUT_ACTIONS and self.is_mounted:
            return self.query_one(TabbedContent).active == "tab-review-payouts"
        return True

    @on(TabbedContent.TabActivated, "#review-tabs")
    def tab_shown(self) -> None:
        self.refresh_bindings()  # (the payout keys come and go with the Payouts tab: check_action)

    def _show_statement(self) -> None:
        table = self.query_one("#review-statement", DataTable)
        table.clear()
        rep = self.query_one("#review-rep", Select).value
        empty = self.query_one("#review-statement-empty", Static)
        readable = [name for name in self.board.reps() if self.board.reads_pay(name)]
        empty.update(plain(_(NO_REPS) if not self.board.reps() else _(NOT_YOURS)))
        empty.display = not readable
        if not isinstance(rep, str):
            return
        for made in self.board.payouts(rep):
            if made.hold is not None:  # (first: why it is not approved or paid)
                table.add_row(plain_rich(hold_text(made.hold)), plain_rich(""))
            for line in made.lines:
                table.add_row(plain_rich(say(line.text)), figure_rich("" if line.amount is None else money(line.amount)))
            for award in made.recognition:
                table.add_row(plain_rich(_("recognition: {award}").format(award=award)), plain_rich(""))
            if approved := approval_text(made, _("a on this tab")):
                table.add_row(plain_rich(approved), plain_rich(""))
            for text, amount in changed_lines(made):  # (why the figure moved since it was approved)
                table.add_row(plain_rich("  " + text), figure_rich("" if amount is None else money(amount)))

    def _show_strategies(self) -> None:
        table = self.query_one("#review-strategies", DataTable)
        table.clear()
        for row in strategy_rows(self.board.strategy_results()):
            table.add_row(*_row(STRATEGY_COLUMNS, row), key=row[0])
        empty = self.query_one("#review-strategies-empty", Static)
        empty.update(plain(_(NO_STRATEGIES if self.board.may("strategy.add") else NO_STRATEGIES_READ)))
        empty.display = not table.row_count
        self.query_one("#review-strategies-note").display = bool(table.row_count)

    def _show_leaderboard(self) -> None:
        table = self.query_one("#review-leaderboard", DataTable)
        table.clear()
        for r in self.board.leaderboard():
            table.add_row(*_row(LEADERBOARD, (r.rank, r.rep, pct_or_dash(r.attainment), num_or_dash(r.won_value),
                                              r.activities, awards_text(r.recognition))), key=r.rep)
        self.query_one("#review-leaderboard-empty").display = not table.row_count

    def _show_checklist(self) -> None:
        table = self.query_one("#review-checklist", DataTable)
        row = table.cursor_row
        table.clear()
        for n, (text, tick) in enumerate(self.board.checklist("review", lang=language())):
            table.add_row(plain_rich("[x]" if tick else "[ ]"), plain_rich(text),
                          plain_rich(tick.by if tick else ""), key=str(n))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    # ------------------------------------------------------------------ actions

    def _shown_statement(self, missing: str) -> Statement | None:
        """The payout statement of the rep picked on the Payouts tab, in the cycle shown; None
        (saying `missing`) when that tab is not open or no rep is picked. A past cycle's is
        approved and paid as this cycle's is: commission its customers paid after it ended (a plan
        with `release: paid`), or a deal moved since, is approved and paid again for that cycle."""
        rep = self.query_one("#review-rep", Select).value
        if self.query_one(TabbedContent).active != "tab-review-payouts" or not isinstance(rep, str):
            tell(self, missing, "warning")
            return None
        with self.reading():
            return self.board.payouts(rep)[0]

    def _after_asking(self, question: str, change: Callable[[], str | None]) -> None:
        """Ask `question`; on yes, make `change` (it returns what to tell, if anything) and show
        the board again, or show why the change was refused."""
        from tui.screens.dialogs import Confirm

        async def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                told = change()
            except UpliftError as error:
                tell(self, error, "error")
                return
            if told:
                tell(self, told)
            await self.refresh_board()

        self.app.push_screen(Confirm(question), answer)

    def action_coaching(self) -> None:
        """The coaching notes on the rep looked at: the Leaderboard's highlighted row, else the
        rep picked on the Payouts tab (screens/coaching.py)."""
        rep = None
        table = self.query_one("#review-leaderboard", DataTable)
        if self.query_one(TabbedContent).active == "tab-review-leaders" and table.row_count:
            rep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        else:
            picked = self.query_one("#review-rep", Select).value
            rep = picked if isinstance(picked, str) else None
        self.app.action_coaching(rep)

    def action_pick_cycle(self) -> None:
        """Read another cycle's review: the plan's cycle now, or one it had before (its won deals,
        payouts, leaderboard, answers and ticks, and each goal's actual at its end)."""
        from tui.cycle_choices import pick_cycle

        pick_cycle(self, _("Which cycle's review?"))

    def action_approve(self) -> None:
        """Sign off the shown rep's payout statement for the cycle (a lead's), after asking."""
        if not permitted(self, "payout.approve"):  # the rule first: a rep is not sent to the Payouts tab
            return
        shown = self._shown_statement(_("Open the Payouts tab and pick a rep to approve their statement"))
        if shown is None:
            return
        rep = shown.rep
        if shown.plan is None:  # nothing there to approve (as `uplift payout approve --rep` refuses it)
            tell(self, _("{rep} is on no incentive plan: nothing to approve").format(rep=rep), "warning")
            return
        if shown.hold is not None:  # (said before any question, as the refusal would say it after)
            tell(self, _("{rep}'s statement is on hold ({id}: {reason}): not approved until a lead releases it "
                         "({key} on this tab)").format(rep=rep, id=shown.hold.id, reason=shown.hold.reason,
                                                        key=shown_key(self, "review.hold")), "warning")
            return
        if shown.approval is None and not waits_for_approval(shown):  # (as My day: nothing in it to sign off)
            tell(self, _("{rep}'s statement has nothing in it (every amount 0.00): nothing to approve").format(
                rep=rep), "warning")
            return

        def approve() -> str:
            with self.reading():
                made = self.board.approve_payouts(rep)
            return (_("Approved {id}: {rep}, {total}").format(id=made[0].id, rep=rep, total=money(made[0].total))
                    if made else _("{rep}'s statement is approved as it stands").format(rep=rep))

        question = (_("Approve {rep}'s payout statement of {total} for the past cycle {start} to {end}?").format(
            rep=rep, total=money(shown.total), start=self.cycle[0], end=self.cycle[1]) if self.cycle else
            _("Approve {rep}'s payout statement of {total} for the cycle?").format(rep=rep, total=money(shown.total)))
        end = self.board.period()[1]
        if not self.cycle and end is not None and self.board.today() < end:  # (as `uplift payout approve` notes)
            question += " " + _("The cycle runs to {end}: approved as it stands today; a deal that moves later "
                                "changes it, and it shows as changed since.").format(end=end)
        self._after_asking(question, approve)

    def action_approve_all(self) -> None:
        """Sign off every statement waiting (new, or changed since its approval), after asking once:
        the store call `uplift payout approve` makes, which leaves out held statements and those
        with nothing in them yet (every amount 0.00). A lead's."""
        if not permitted(self, "payout.approve"):
            return
        with self.reading():
            statements = self.board.payouts()
        waiting = [s for s in statements if s.hold is None and waits_for_approval(s)]
        if not waiting:
            tell(self, _("No statement is waiting for approval"), "warning")
            return

        def approve() -> str:
            with self.reading():
                made = self.board.approve_payouts(None)
            return n_("Approved {count} statement: {reps}", "Approved {count} statements: {reps}",
                      len(made)).format(count=len(made), reps=", ".join(a.rep for a in made))

        total = sum(s.total for s in waiting)
        question = n_("Approve {count} waiting payout statement ({reps}), {total} in all?",
                      "Approve the {count} waiting payout statements ({reps}), {total} in all?", len(waiting)).format(
            count=len(waiting), reps=", ".join(s.rep for s in waiting), total=money(total))
        held = [s.rep for s in statements if s.hold is not None]
        if held:
            question += " " + _("On hold, left as they are: {reps}.").format(reps=", ".join(held))
        end = self.board.period()[1]
        if self.cycle:  # (named, as a's question names it)
            question += " " + _("For the past cycle {start} to {end}.").format(start=self.cycle[0], end=self.cycle[1])
        elif end is not None and self.board.today() < end:  # (as a's question and `uplift payout approve` note)
            question += " " + _("The cycle runs to {end}: approved as it stands today; a deal that moves later "
                                "changes it, and it shows as changed since.").format(end=end)
        self._after_asking(question, approve)

    def action_mark_paid(self) -> None:
        """Record that payroll paid the shown rep's approved statement (a lead's), with the payroll's
        reference if given: a small form that says first whether the statement changed since."""
        from tui.screens.review_forms import paid_form

        if not permitted(self, "payout.pay"):  # the rule first, as for a
            return
        shown = self._shown_statement(_("Open the Payouts tab and pick a rep to mark their statement paid"))
        if shown is None:
            return
        rep, approval = shown.rep, shown.approval
        if shown.hold is not None:  # (held out of payroll until released)
            tell(self, _("{rep}'s statement is on hold ({id}: {reason}): not marked paid until a lead releases it "
                         "({key} on this tab)").format(rep=rep, id=shown.hold.id, reason=shown.hold.reason,
                                                        key=shown_key(self, "review.hold")), "warning")
            return
        if approval is None or approval.paid_at is not None:
            tell(self, _("{rep} has no approved statement waiting for payment (a approves it)").format(rep=rep),
                 "warning")
            return

        async def marked(approvals) -> None:
            if approvals is None:
                return
            if approvals:
                tell(self, _("Marked {id} paid: {rep}").format(id=approvals[0].id, rep=rep))
            else:  # someone marked it meanwhile
                tell(self, _("{rep} has no approved statement waiting for payment (a approves it)").format(
                    rep=rep), "warning")
            await self.refresh_board()

        self.app.push_screen(paid_form(self.board, shown, shown_key(self, "review.approve"), self.reading), marked)

    def action_hold(self) -> None:
        """Hold the shown rep's statement for the cycle with why (a dispute), as `uplift payout
        hold ali "reason"`: a small form asks the reason. On a held statement, release it after
        asking, as `--release`. A lead's."""
        from tui.screens.review_forms import hold_form

        if not permitted(self, "payout.hold"):  # the rule first, as for a and p
            return
        shown = self._shown_statement(_("Open the Payouts tab and pick a rep to hold or release their statement"))
        if shown is None:
            return
        rep, hold = shown.rep, shown.hold
        if hold is not None:
            def release() -> str:
                with self.reading():
                    made = self.board.release_hold(rep)
                return _("{id} {rep}: hold released; the statement may be approved and paid").format(
                    id=made.id, rep=rep)

            self._after_asking(_("Release hold {id} on {rep}'s statement ({reason})? It may then be approved and "
                                 "paid.").format(id=hold.id, rep=rep, reason=hold.reason), release)
            return
        if shown.plan is None:  # nothing there to hold (as `uplift payout hold` refuses it)
            tell(self, _("{rep} is on no incentive plan: nothing to hold").format(rep=rep), "warning")
            return

        async def held(made) -> None:
            if made is None:
                return
            hold, _changed = made
            tell(self, _("{id} {rep}: on hold for {start} to {end}: {reason}").format(
                id=hold.id, rep=hold.rep, start=hold.start, end=hold.end, reason=hold.reason))
            await self.refresh_board()

        self.app.push_screen(hold_form(self.board, shown, self.reading), held)

    @on(Select.Changed, "#review-rep")
    def rep_picked(self) -> None:
        with self.reading():
            self._show_statement()

    @on(DataTable.RowSelected, "#review-team")
    def team_rep_picked(self, event: DataTable.RowSelected) -> None:
        """enter on a rep of the overview: their statement below, focused, where a, p and h act on it."""
        self.query_one("#review-rep", Select).value = event.row_key.value
        statement = self.query_one("#review-statement", DataTable)
        self.call_after_refresh(statement.focus)

    @on(DataTable.RowSelected, "#review-leaderboard")
    def leader_picked(self, event: DataTable.RowSelected) -> None:
        """enter on a rep of the leaderboard: their statement, on the Payouts tab (as QuotaPath
        opens a rep's statement from its leaderboard), where a, p and h act on it. Another rep's
        pay is not a rep's to read: said, as `uplift payout --rep` says it."""
        rep = event.row_key.value
        if not self.board.reads_pay(rep):
            try:
                with self.reading():
                    self.board.payouts(rep)
            except UpliftError as error:
                tell(self, error, "warning")
            return
        self.query_one("#review-rep", Select).value = rep
        self.query_one(TabbedContent).active = "tab-review-payouts"
        statement = self.query_one("#review-statement", DataTable)
        self.call_after_refresh(statement.focus)

    @on(DataTable.RowSelected, "#review-questions")
    def question_picked(self, event: DataTable.RowSelected) -> None:
        self.question = int(event.row_key.value)
        with self.reading():
            answer = dict(enumerate((a for _, a in self.board.answers_by_question()), 1)).get(self.question)
        if not permitted(self, "answer.edit" if answer else "answer.add"):
            return  # (a rep hears it now, not once the answer is typed)
        box = self.query_one("#review-answer", Input)
        box.value = answer.answer if answer else ""
        box.focus()

    @on(Input.Submitted, "#review-answer")
    async def answer_given(self, event: Input.Submitted) -> None:
        try:
            with self.reading():  # a past cycle's answer is that cycle's (`review answer --start --end`)
                self.board.answer_question(self.question, event.value)
        except UpliftError as error:
            tell(self, error, "error")
            return
        tell(self, _("answer to question {number} saved").format(number=self.question))
        await self.refresh_board()
        # back to the questions, on the next one: the focus stayed in the box, where the keys
        # typed next (2 for Goals, ] for the next tab) went into the answer as text
        event.input.value = ""
        table = self.query_one("#review-questions", DataTable)
        table.move_cursor(row=min(self.question, table.row_count - 1))
        table.focus()

    @on(DataTable.RowSelected, "#review-checklist")
    async def item_picked(self, event: DataTable.RowSelected) -> None:
        try:
            with self.reading():
                self.board.tick_checklist(int(event.row_key.value), which="review")
        except UpliftError as error:
            tell(self, error, "error")
            return
        await self.refresh_board()
