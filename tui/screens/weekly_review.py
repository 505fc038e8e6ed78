"""The weekly review checklist (phase 4, key `w` on the pipeline): this ISO week's items from
plans/weekly-review.yaml with who ticked each and on which day (as `uplift weekly` says it). Enter or space ticks the item under the cursor
(a lead's); `[` and `]` step to the previous and next week, so last week's review can be read
back or finished; `]` stops at this week (a week to come has no review yet, and no pipeline). Under it, what changed in the pipeline that week (sales/movement.py); enter on
one of its lines shows that line's biggest deal on the pipeline. Left open on this week over
midnight, it follows the new day into its week, as the other screens do (a past week stays)."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from sales.deals import iso_week
from sales.errors import UpliftError
from tui.figure_cells import rich_cells
from tui.i18n import N_, _, language
from tui.keys import shown_key
from tui.movement_text import COLUMNS, row_deals, step_lines, title, waterfall_rows
from tui.screens.dialogs import help_key
from tui.user_text import plain, plain_rich, tell
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import Footer
from tui.time_text import day_of


#: The week's pipeline's columns of figures (its deals, their value), right-aligned.
FIGURES = (COLUMNS.index("Deals"), COLUMNS.index("Value"))


class WeeklyReviewScreen(ModalScreen[str | None]):
    """Dismisses with a deal to show (enter on a line of the week's pipeline), or None."""

    BINDINGS = [
        Binding("escape", "dismiss", N_("Close"), id="weekly.close"),
        Binding("space", "tick", N_("Tick"), id="weekly.tick"),
        Binding("left_square_bracket", "week(-1)", N_("Last week"), id="weekly.previous"),
        Binding("right_square_bracket", "week(1)", N_("Next week"), id="weekly.next"),
        help_key("weekly"),
    ]

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self.day = day
        self.day_seen: date | None = None  # the board's day when last shown (midnight moves it)

    def offers(self, action: str) -> bool:
        """Whether the footer shows the key of `action`: ticking the review is a lead's (pressed by
        a rep, space still says the rule)."""
        return action != "tick" or self.app.board.may("weekly.tick")

    def compose(self) -> ComposeResult:
        # scrolls on a short terminal: focusing the pipeline's table (tab) brings it into view
        with VerticalScroll(classes="dialog weekly-review", can_focus=False):
            yield Static(id="weekly-title", classes="dialog-question")
            # an item takes the room the tick, who and the day leave, on two lines where one would cut
            # it: at 80 columns the longest item pushed the day off the dialog's edge (`2026-`)
            yield FillTable(cursor_type="row", zebra_stripes=True, id="weekly-table", fill=("item",), lines=2)
            yield Static(id="weekly-pipeline-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="weekly-pipeline")
            yield Static(id="weekly-pipeline-steps")
            keys = dict(tick=shown_key(self, "weekly.tick"), previous=shown_key(self, "weekly.previous"),
                        next=shown_key(self, "weekly.next"), close=shown_key(self, "weekly.close"))
            hint = (_("enter/{tick} tick · {previous} {next} previous/next week · tab the pipeline, enter its biggest "
                      "deal · {close} close") if self.offers("tick") else  # (a rep reads; a lead ticks)
                    _("{previous} {next} previous/next week · tab the pipeline, enter its biggest deal · {close} close"))
            yield Static(plain(hint.format(**keys)), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        if self.day is None:
            self.day = self.app.board.today()
        table = self.query_one("#weekly-table", DataTable)
        for key, name in (("done", "Done"), ("item", "Item"), ("by", "By"), ("when", "When")):
            table.add_column(plain_rich(_(name)), key=key)
        self.query_one("#weekly-pipeline", DataTable).add_columns(*rich_cells([_(name) for name in COLUMNS], FIGURES))
        self.show()
        table.focus(scroll_visible=False)
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    def show(self) -> None:
        today = self.app.board.today()
        if self.day_seen is not None and today != self.day_seen and monday(self.day) == monday(self.day_seen):
            self.day = today  # (this week was shown, and midnight passed: the new day's week is this week now)
        self.day_seen = today
        items = self.app.board.checklist("weekly", self.day, lang=language())
        done = sum(1 for _, tick in items if tick)
        this_week = iso_week(today) == iso_week(self.day)
        title = _("Weekly review {week} (this week)") if this_week else _("Weekly review {week}")
        self.query_one("#weekly-title", Static).update(plain(
            title.format(week=iso_week(self.day)) + " · "
            + _("{done} of {count} done").format(done=done, count=len(items))))
        table = self.query_one("#weekly-table", DataTable)
        row = table.cursor_row
        table.clear()
        for n, (text, tick) in enumerate(items):
            table.add_row(plain_rich("[x]" if tick else "[ ]"), plain_rich(text),
                          plain_rich(tick.by if tick else ""),
                          plain_rich(day_of(tick.at) if tick else ""), key=str(n))
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self.show_pipeline()

    def show_pipeline(self) -> None:
        """What changed in the pipeline in the week shown (sales/movement.py)."""
        moved = self.app.board.week_movement(self.day)
        self.query_one("#weekly-pipeline-title", Static).update(plain(title(moved)))
        table = self.query_one("#weekly-pipeline", DataTable)
        table.clear()
        for index, (cells, deal) in enumerate(zip(waterfall_rows(moved), row_deals(moved))):
            table.add_row(*rich_cells(cells, FIGURES), key=f"{deal or ''}#{index}")
        self.query_one("#weekly-pipeline-steps", Static).update(plain("\n".join(step_lines(moved))))

    async def refresh_board(self) -> None:
        """Another process ticked an item, or midnight passed: show it."""
        self.show()

    @on(DataTable.RowSelected, "#weekly-pipeline")
    def _deal_picked(self, event: DataTable.RowSelected) -> None:
        deal = (event.row_key.value or "").rpartition("#")[0]
        if deal:
            self.dismiss(deal)

    @on(DataTable.RowSelected, "#weekly-table")
    def _picked(self) -> None:
        self.action_tick()

    def action_tick(self) -> None:
        table = self.query_one("#weekly-table", DataTable)
        if not table.row_count:
            return
        try:
            self.app.board.tick_checklist(table.cursor_row, which="weekly", day=self.day)
        except UpliftError as error:
            tell(self, error, "error")
            return
        self.show()

    def action_week(self, step: int) -> None:
        day = self.day + timedelta(weeks=step)
        if monday(day) > monday(self.app.board.today()):
            tell(self, _("This is this week's review: the weeks to come have none yet."), "warning")
            return
        self.day = day
        self.show()


def monday(day: date) -> date:
    """The first day of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())
