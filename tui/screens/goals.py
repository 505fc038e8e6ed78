"""The goals screen (phase 2): goals with their SMART badges, the selected goal's detail and pace.

Keys: n new goal, e edit, c check-in, x close a goal with its outcome (or reopen one), d delete, s new strategy, S edit and D delete one of the
goal's strategies (or of those serving no goal, which no row leads to), t a new task carrying out one of them
(the task form with the strategy and its goal filled in: "S-6 has no tasks" then has a next step), b the budget. The badges of a goal read
"S ✓" or "S ✗" (the mark, not only the colour, says which) and the detail says why each fails.
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.widgets import DataTable, Header, Sparkline, Static

from sales.errors import UpliftError
from sales.goals import (
    CONFIDENCE_LABELS,
    DIMENSION_LABELS,
    DIRECTION_LABELS,
    GAP_NO_TASKS,
    Goal,
    contributors,
    describe_target,
    in_cycle,
    plan_gap_parts,
)
from sales.pace import describe_expected, describe_value, percent
from sales.rollup import ROLLUP_MARKS
from sales.smart import NAMES
from tui.goal_text import (carried_text, closing_text, metric_text, outcome_text, pace_text, points_word, reason_text,
                           relative_rate_note, scope_text, source_text)
from tui.figure_cells import figure_rich
from tui.goals_output import closed_mark, strategy_cost
from tui.i18n import N_, _, bracketed, enumerated, n_, sentences
from tui.keys import shown_key
from tui.screens.board_view import BoardView
from tui.screens.dialogs import Confirm, Pick, permitted
from tui.user_text import plain, plain_rich, tell
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import Footer

EMPTY = N_("No goals yet. Press {new} to set the first one (or run `uplift demo` to see a sample quarter).")
EMPTY_FOR_REP = N_("No goals yet: a lead sets them; your check-ins go on them once they are here.")
COLUMNS = ("ID", "S", "M", "A", "R", "T", N_("At"), N_("Expected"), N_("Owner"), N_("For"), N_("Goal"))
FIGURES = ("At", "Expected")  # how far along, where it should be: right-aligned, as figures are


def badge(verdict) -> Content:
    """One SMART letter with its mark: "S ✓" in the theme's success colour when it passes, "S ✗" in
    its error colour when it fails (fixed green and red were faint on the light and dark themes),
    each in the theme's shade of it for text (Textual's light theme's green was 1.5:1)."""
    if verdict.passed:
        return Content.styled(f"{verdict.letter} ✓", "bold $text-success")
    return Content.styled(f"{verdict.letter} ✗", "bold $text-error")


def badge_cell(verdict, colours: dict[str, str]) -> Text:
    """The badge for a table cell (a DataTable sizes its columns by their cells' Rich width), in
    the theme's `colours` (App.theme_variables), read as Textual reads them: Rich could not parse
    the ANSI themes' `ansi_green`, and the badge lost its colour and its bold there."""
    colour = Color.parse(colours["text-success"] if verdict.passed else colours["text-error"])
    return Text(f"{verdict.letter} {'✓' if verdict.passed else '✗'}", style=RichStyle(bold=True, color=colour.rich_color))


def at_text(pace, rollup: str | None = None) -> str:
    """How far a goal has come, as the table's At column says it (marked Σ or μ when rolled up)."""
    return ("–" if pace.progress is None else percent(pace.progress)) + ROLLUP_MARKS.get(rollup, "")


def checkins_text(report, checkin_key: str | None = "c") -> str:
    """The goal's last check-in; a rolled-up goal's value is its contributors', so it says that.
    `checkin_key`: the check-in key as the person has it (remapped or not); None where they may
    not check in on this goal (a rep on the team's: it is not sent to a key that refuses)."""
    goal, last = report.goal, report.checkins[-1] if report.checkins else None
    if goal.rollup:
        return _("It rolls up from its contributors: check in on those.")
    if last is None and checkin_key is None:
        return _("No check-ins yet (its owner or a lead checks in).")
    if last is None:
        return _("No check-ins yet: press {key}.").format(key=checkin_key)
    return n_("{count} check-in; last {day} by {name}: {value}, {confidence}",
              "{count} check-ins; last {day} by {name}: {value}, {confidence}", len(report.checkins)).format(
        count=len(report.checkins), day=f"{last.at:%Y-%m-%d}", name=last.by,
        value=describe_value(last.value, goal.unit), confidence=_(CONFIDENCE_LABELS[last.confidence])) + (
        f" — {last.comment}" if last.comment else "")


def _contributor_facts(goal, pace) -> list[str]:
    """A contributing goal as the detail lists it: owner, value now, how far it has come."""
    return [goal.owner or "–", describe_value(pace.current, goal.unit), at_text(pace, goal.rollup)
            + closed_mark(goal)]


class GoalsScreen(BoardView):
    LEAD_KEYS = {"new": "goal.add", "edit": "goal.edit", "delete": "goal.delete", "strategy": "strategy.add",
                 "edit_strategy": "strategy.edit", "delete_strategy": "strategy.delete", "carry": "goal.add"}
    BINDINGS = [
        Binding("n", "new", N_("New goal"), id="goals.new"),
        Binding("e", "edit", N_("Edit"), id="goals.edit"),
        Binding("c", "checkin", N_("Check in"), id="goals.checkin"),
        Binding("d", "delete", N_("Delete"), id="goals.delete"),
        Binding("s", "strategy", N_("New strategy"), id="goals.strategy"),
        Binding("S", "edit_strategy", N_("Edit strategy"), id="goals.edit_strategy", show=False),
        Binding("D", "delete_strategy", N_("Delete strategy"), id="goals.delete_strategy", show=False),
        Binding("t", "task", N_("New task"), id="goals.task"),
        Binding("b", "budget", N_("Budget"), id="goals.budget"),
        # (said on the line above the goals when the last cycle's wait for it: at a new cycle's start)
        Binding("o", "carry", N_("Carry on"), id="goals.carry", show=False),
        # (said where it is wanted: on a goal whose deadline has passed, and on a closed one; the
        # footer at 120 columns has no room left for it beside Alerts and Today)
        Binding("x", "close_goal", N_("Close goal"), id="goals.close", show=False),
        # (said on the line above the goals when other cycles' goals are left out)
        Binding("a", "all_cycles", N_("All cycles"), id="goals.all", show=False),
    ]
    every = False  # every cycle's goals (a): last quarter's readable after the turn, not only by --all

    async def action_all_cycles(self) -> None:
        """Every cycle's goals, or this cycle's (and the last cycle's waiting) only."""
        self.every = not self.every
        await self.refresh_board()

    def offers(self, action: str) -> bool:
        """(A rep may add a task of their own: key t is theirs too, a reader's not; and check in on
        a goal of their own: on another's, c is left out of the footer, as pressing it refuses.)"""
        if action == "task":
            return self.app.board.may("task.add", None, self.app.board.actor)
        if action == "checkin":
            return self._may_check_in()
        return super().offers(action)

    def _may_check_in(self) -> bool:
        """Whether the actor may check in on the highlighted goal (with none, the key stays: it
        says how to add one)."""
        try:
            goal_id = self.selected_id()
            return goal_id is None or self.app.board.may("goal.checkin", self.app.board.goal(goal_id).owner)
        except (NoMatches, UpliftError):
            return True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="goals-status")
        table: DataTable = FillTable(id="goals-table", cursor_type="row", zebra_stripes=True, fill=("Goal",))
        for name in COLUMNS:
            table.add_column(figure_rich(_(name)) if name in FIGURES else plain_rich(_(name)), key=name)
        yield table
        with VerticalScroll(id="goal-detail"):
            yield Static(id="goal-summary")
            yield Static(id="goal-smart")
            yield Static(id="goal-pace")
            with Vertical(id="goal-checkins"):
                yield Static(plain(_("Check-ins")), classes="field-label")
                yield Sparkline([], id="goal-sparkline")
                yield Static(id="goal-last-checkin")
            yield Static(id="goal-strategies")
        yield Footer()

    async def on_mount(self) -> None:
        await self.refresh_board()
        self.table.focus()

    @property
    def table(self) -> DataTable:
        return self.query_one("#goals-table", DataTable)

    def selected_id(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    async def refresh_board(self, select: str | None = None) -> None:
        board = self.app.board
        select = select or self.selected_id()
        # the plan's cycle's goals, and the last cycle's still waiting to be carried on or left;
        # older ones are their cycles' (the Review screen's c reads them; `uplift goal list --all`)
        waiting = board.not_carried()
        start, end = board.plan_period()
        every = board.goals()
        current = [g for g in every if in_cycle(g, start, end) or g.id in waiting]
        goals = every if self.every else current
        table = self.table
        table.clear()
        for goal in goals:
            report = board.report(goal)
            pace = report.pace
            # a closed goal says how it ended, one past its deadline that it ended: no pace is asked of them
            expected = (outcome_text(goal.closed.outcome) if goal.closed else _("ended") if report.ended
                        else "–" if pace.expected is None else percent(pace.expected))
            table.add_row(plain_rich(goal.id), *(badge_cell(v, self.app.theme_variables) for v in report.verdicts),
                          figure_rich(at_text(pace, goal.rollup)), figure_rich(expected),
                          plain_rich(goal.owner or "–"), plain_rich(goal.parent or ""), plain_rich(goal.title),
                          key=goal.id)
        ids = [g.id for g in goals]
        if select in ids:
            table.move_cursor(row=ids.index(select))
        strategies = board.strategies()
        parts = plan_gap_parts(goals, strategies, board.tasks())
        gaps = [_(template).format(**values) for template, values in parts]
        if self.offers("task") and any(template == GAP_NO_TASKS for template, _values in parts):
            gaps.append(_("{key} on its goal adds a task to a strategy").format(key=shown_key(self, "goals.task")))
        unaligned = [s.id for s in strategies if not s.goals]
        if unaligned and not self.offers("edit_strategy"):  # a rep: what is wrong, not a lead's keys
            gaps.append(n_("{ids} serves no goal", "{ids} serve no goal", len(unaligned)).format(ids=enumerated(unaligned)))
        elif unaligned:
            gaps.append(n_("{ids} serves no goal ({edit} edits it, {delete} deletes it)",
                           "{ids} serve no goal ({edit} edits one, {delete} deletes one)", len(unaligned)).format(
                ids=enumerated(unaligned), edit=shown_key(self, "goals.edit_strategy"),
                delete=shown_key(self, "goals.delete_strategy")))
        if waiting and self.offers("carry"):
            gaps.insert(0, n_("{ids} ended with the last cycle: {key} carries it on into this one, {close} closes it "
                              "with how it ended",
                              "{ids} ended with the last cycle: {key} carries one on into this one, {close} closes one "
                              "with how it ended", len(waiting)).format(
                ids=enumerated(waiting), key=shown_key(self, "goals.carry"), close=shown_key(self, "goals.close")))
        if hidden := len(every) - len(goals):
            gaps.append(n_("{count} goal of another cycle not shown ({key} shows every cycle's)",
                           "{count} goals of other cycles not shown ({key} shows every cycle's)", hidden).format(
                count=hidden, key=shown_key(self, "goals.all")))
        elif len(current) < len(every):  # (every cycle's shown: say how to go back)
            gaps.append(_("every cycle's goals ({key}: this cycle's only)").format(key=shown_key(self, "goals.all")))
        status = self.query_one("#goals-status", Static)
        empty = _(EMPTY).format(new=shown_key(self, "goals.new")) if self.offers("new") else _(EMPTY_FOR_REP)
        status.update(plain("  ·  ".join(([] if goals else [empty]) + gaps)))
        status.display = not goals or bool(gaps)
        self.show_detail()

    def show_detail(self) -> None:
        board = self.app.board
        goal_id = self.selected_id()
        detail = self.query_one("#goal-detail")
        detail.display = goal_id is not None
        if goal_id is None:
            return
        try:
            report = board.report(goal_id)
        except UpliftError as error:
            tell(self, error, "error")
            return
        goal, pace = report.goal, report.pace
        verbs = {direction: _(label) for direction, label in DIRECTION_LABELS.items()}
        summary = [f"{goal.id}  {goal.title}",
                   f"{metric_text(goal.metric) or _('no metric')} · {scope_text(goal.scope) or _('no scope')} · "
                   + _("owner {name}").format(name=goal.owner or '–'),
                   _("from {value}").format(value=describe_value(goal.baseline, goal.unit))
                   + (bracketed(goal.baseline_source) if goal.baseline_source else "")
                   + f" → {describe_target(goal, verbs, points_word(), _(' ({note})'))} · "
                   + _("{start} to {deadline}").format(start=goal.start or '…', deadline=goal.deadline or _('no deadline'))]
        summary += ["  " + _("sub-target: {text}").format(text=s.text) for s in goal.subtargets]
        if goal.parent:
            summary.append(_("contributes to {goal}").format(goal=goal.parent))
        if goal.carried_from:
            summary.append(carried_text(goal))
        if later := [g.id for g in board.goals() if g.carried_from == goal.id]:
            summary.append(_("carried on into the next cycle as {goals}").format(goals=enumerated(later)))
        if helping := contributors(goal.id, board.goals()):
            summary.append(_("contributing: {goals}").format(goals=enumerated(
                g.id + bracketed(_(", ").join(_contributor_facts(g, board.report(g).pace))) for g in helping)))
        self.query_one("#goal-summary", Static).update(plain("\n".join(summary)))
        smart = Content("\n").join(
            Content.assemble(badge(v), "  " + _("{name}: ").format(name=_(NAMES[v.letter])),  # (zh: a full-width ：)
                             plain(reason_text(v, goal))) for v in report.verdicts)
        self.query_one("#goal-smart", Static).update(smart)
        if goal.closed is not None:  # its final score and why, not a pace: it is over
            closing = closing_text(report)
            if goal.closed.note:
                closing += "\n" + _("Closing note: {note}").format(note=goal.closed.note)
            closing += "\n" + _("{key} reopens it").format(key=shown_key(self, "goals.close"))
            self.query_one("#goal-pace", Static).update(plain(closing))
        else:
            self._show_pace(report)
        # a rolled-up goal's own check-ins are not its value: its line follows its contributors'
        values = (board.rollup_line(goal.id) if goal.rollup else
                  ([goal.baseline] if goal.baseline is not None else []) + [c.value for c in report.checkins])
        sparkline = self.query_one("#goal-sparkline", Sparkline)
        sparkline.data = values
        sparkline.display = len(values) >= 2  # (one value is no line: it drew as solid blocks)
        key = shown_key(self, "goals.checkin") if board.may("goal.checkin", goal.owner, goal.owner) else None
        self.query_one("#goal-last-checkin", Static).update(plain(checkins_text(report, key)))
        money_of = board.strategy_money()  # (what each costs, beside it)
        strategies = "\n".join(f"  {s.id}  " + _("{name}: ").format(name=_(DIMENSION_LABELS[s.dimension])) + s.title
                               + (f"\n{' ' * (4 + len(s.id))}{cost}" if (cost := strategy_cost(s.id, money_of, goal.unit)) else "")
                               for s in report.strategies)
        keys = {"new": shown_key(self, "goals.strategy"), "edit": shown_key(self, "goals.edit_strategy"),
                "delete": shown_key(self, "goals.delete_strategy")}
        lead = self.offers("strategy")  # (a rep is not sent to keys that would say the rule)
        if strategies:
            said = (_("Strategies ({edit} edits one, {delete} deletes one)").format(**keys) if lead
                    else _("Strategies")) + "\n" + strategies
        else:
            said = (_("No strategy serves this goal yet: press {new}.").format(**keys) if lead
                    else _("No strategy serves this goal yet (a lead links one)."))
        self.query_one("#goal-strategies", Static).update(plain(said))

    def _show_pace(self, report) -> None:
        """Where a running goal stands against its pace; one past its deadline, where it ended."""
        goal, pace = report.goal, report.pace
        now = _("now {value}").format(value=describe_value(pace.current, goal.unit))
        now += source_text(report.current, goal.unit)
        if report.ended:  # its time is up: where it ended, and that it waits for its outcome
            now += " · " + _("ended {day} at {progress} of the way from baseline to target; {key} closes it "
                             "with its outcome").format(day=goal.deadline, key=shown_key(self, "goals.close"),
                                                        progress="–" if pace.progress is None else percent(pace.progress))
            self.query_one("#goal-pace", Static).update(plain(now))
            return
        # behind its pace is said, not only drawn in the error colour (NO_COLOR, a colour-blind reader)
        now += " · " + (_("behind pace: {pace}").format(pace=pace_text(pace)) if pace.behind else pace_text(pace))
        if pace.expected_value is not None:
            now += " · " + _("a steady pace would be at {value}").format(value=describe_expected(pace.expected_value, goal.unit))
        self.query_one("#goal-pace", Static).update(
            plain(now).stylize("bold $text-error") if pace.behind else plain(now))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        try:
            self.show_detail()
        except NoMatches:
            pass  # a highlight that arrives while the screen is being taken down: nothing to show
        self.refresh_bindings()  # (c is offered on the goals one may check in on: offers)

    # ------------------------------------------------------------------ actions

    def _no_goal(self) -> str:
        """Said when a key needs a goal and there is none: how to add one, or who does (a rep's n
        only says the rule)."""
        if self.offers("new"):
            return _("No goal selected: press {new} to add one.").format(new=shown_key(self, "goals.new"))
        return _("No goal selected (a lead adds goals).")

    def _selected_goal(self):
        goal_id = self.selected_id()
        if goal_id is None:
            tell(self, self._no_goal(), "warning")
            return None
        try:
            return self.app.board.goal(goal_id)
        except UpliftError as error:
            tell(self, error, "error")
            return None

    def _saved(self, item) -> None:
        if item is not None:
            said = _("Saved {id}").format(id=item.id)
            if isinstance(item, Goal) and item.closed is None and (note := relative_rate_note(item)):
                said += "\n" + note  # (a `+5%` on a rate: what it came to, and how points are written)
            tell(self, said)
            goal_id = item.id if isinstance(item, Goal) else getattr(item, "goal", None)
            self.call_next(self.refresh_board, goal_id)

    def action_new(self) -> None:
        from tui.screens.goal_forms import goal_form

        if permitted(self, "goal.add"):
            self.app.push_screen(goal_form(self.app.board), self._saved)

    def action_edit(self) -> None:
        from tui.screens.goal_forms import goal_form

        goal = self._selected_goal()
        if goal and permitted(self, "goal.edit"):
            self.app.push_screen(goal_form(self.app.board, goal), self._saved)

    def action_checkin(self) -> None:
        from tui.screens.goal_forms import checkin_form

        goal = self._selected_goal()
        if goal and goal.rollup:
            tell(self, _("{id} rolls up from its contributors; check in on those, or set Progress to own check-ins.").format(
                id=goal.id), "warning")
        elif goal and goal.closed:
            tell(self, _("{id} is closed ({outcome}): it takes no more check-ins; {key} reopens it").format(
                id=goal.id, outcome=outcome_text(goal.closed.outcome), key=shown_key(self, "goals.close")), "warning")
        elif goal and permitted(self, "goal.checkin", goal.owner):
            self.app.push_screen(checkin_form(self.app.board, goal), self._saved)

    def action_close_goal(self) -> None:
        """Close the selected goal with its outcome (a form); on one closed, reopen it (asked first)."""
        from tui.screens.goal_forms import close_form

        board = self.app.board
        goal = self._selected_goal()
        if goal is None:
            return
        if goal.closed is None:
            if permitted(self, "goal.close", goal.owner):
                self.app.push_screen(close_form(board, goal), self._saved)
            return
        rule = "goal.drop" if goal.closed.outcome == "dropped" else "goal.close"
        if not permitted(self, rule, goal.owner):
            return
        question = _("{id} is closed ({outcome}, on {day}). Reopen it, so that it runs again?").format(
            id=goal.id, outcome=outcome_text(goal.closed.outcome), day=goal.closed.on)

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                board.reopen_goal(goal.id)
            except UpliftError as error:
                tell(self, error, "error")
                return
            tell(self, _("{id} reopened").format(id=goal.id))
            self.call_next(self.refresh_board, goal.id)

        self.app.push_screen(Confirm(question), answer)

    def action_carry(self) -> None:
        from tui.screens.goal_forms import carry_form

        goal = self._selected_goal()
        if goal and in_cycle(goal, *self.app.board.plan_period()):  # (said before the form, not after it)
            tell(self, _("{id} is one of this cycle's goals already: {key} edits it").format(
                id=goal.id, key=shown_key(self, "goals.edit")), "warning")
        elif goal and permitted(self, "goal.add"):
            self.app.push_screen(carry_form(self.app.board, goal), self._saved)

    def action_strategy(self) -> None:
        from tui.screens.goal_forms import strategy_form

        if permitted(self, "strategy.add"):
            self.app.push_screen(strategy_form(self.app.board, self.selected_id()), self._saved)

    def action_delete(self) -> None:
        board = self.app.board
        goal = self._selected_goal()
        if goal is None or not permitted(self, "goal.delete"):
            return
        links = board.links_to("goal", goal.id)
        checkins = sum(1 for kind, _item in links if kind == "checkin")
        kept = [item for kind, item in links if kind != "checkin"]
        question = sentences(
            _("Delete {id} “{title}”?").format(id=goal.id, title=goal.title),
            _("Its check-ins ({count}) go with it.").format(count=checkins) if checkins else "",
            _("What serves it stays, unlinked: {items}.").format(items=enumerated(kept)) if kept else "")

        def answer(yes: bool | None) -> None:
            if yes:
                self._deleted(board.delete_goal, goal.id)

        self.app.push_screen(Confirm(question, destructive=True), answer)

    def _deleted(self, delete, item_id: str) -> None:
        try:
            delete(item_id)
        except UpliftError as error:
            tell(self, error, "error")
            return
        tell(self, _("Deleted {id}").format(id=item_id))
        self.call_next(self.refresh_board)

    def _unaligned_strategies(self) -> list:
        """The strategies that serve no goal (theirs was deleted, or the command line made them
        so): no goal's row leads to them, so S and D offer them beside the selected goal's."""
        return [s for s in self.app.board.strategies() if not s.goals]

    def _pick_strategy(self, title: str, then) -> None:
        """Choose one of the selected goal's strategies or of those serving no goal (no question
        when the goal has one and no strategy is without a goal)."""
        goal_id = self.selected_id()
        goal = self._selected_goal() if goal_id is not None else None
        if goal_id is not None and goal is None:
            return
        own = self.app.board.report(goal).strategies if goal else []
        unaligned = self._unaligned_strategies()
        if not own and not unaligned:
            if goal is None:
                tell(self, self._no_goal(), "warning")
            else:
                tell(self, _("No strategy serves this goal yet: press {new}.").format(
                    new=shown_key(self, "goals.strategy")), "warning")
        elif len(own) == 1 and not unaligned:
            then(own[0])
        else:
            by_id = {s.id: s for s in [*own, *unaligned]}
            choices = [(f"{s.id}  {s.title}", s.id) for s in own]
            choices += [(f"{s.id}  {s.title}  " + _("(no goal)"), s.id) for s in unaligned]
            self.app.push_screen(Pick(title, choices), lambda chosen: chosen and then(by_id[chosen]))

    def action_edit_strategy(self) -> None:
        from tui.screens.goal_forms import strategy_form

        if permitted(self, "strategy.edit"):
            self._pick_strategy(_("Edit which strategy?"), lambda strategy: self.app.push_screen(
                strategy_form(self.app.board, None, strategy), self._saved))

    def action_delete_strategy(self) -> None:
        board = self.app.board

        def confirm(strategy) -> None:
            kept = [item for _kind, item in board.links_to("strategy", strategy.id)]
            question = sentences(
                _("Delete {id} “{title}”?").format(id=strategy.id, title=strategy.title),
                _("What serves it stays, unlinked: {items}.").format(items=enumerated(kept)) if kept else "")
            self.app.push_screen(Confirm(question, destructive=True),
                                 lambda yes: yes and self._deleted(board.delete_strategy, strategy.id))

        if permitted(self, "strategy.delete"):
            self._pick_strategy(_("Delete which strategy?"), confirm)

    def action_task(self) -> None:
        """A new task carrying out one of the goal's strategies (asked which when there are several):
        the task form with the strategy filled in, and the goal too (the selected one, when the
        strategy serves it; else the strategy's first)."""
        from tui.screens.task_form import TaskForm

        def open_form(strategy) -> None:
            selected = self.selected_id()
            goal = selected if selected in strategy.goals else (strategy.goals[0] if strategy.goals else None)
            self.app.push_screen(TaskForm(goal=goal, strategy=strategy.id), self._saved)

        if permitted(self, "task.add", self.app.board.actor):
            self._pick_strategy(_("A task for which strategy?"), open_form)

    def action_budget(self) -> None:
        from tui.screens.budget import BudgetScreen

        self.app.push_screen(BudgetScreen())
