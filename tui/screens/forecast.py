"""The forecast (phase 4, key `F` on the pipeline): per rep and for the team, what is won, what
the open deals closing this cycle add (commit, best case, weighted), the shortfall to quota, the
pipeline's coverage, and the payout now and if the deals close; below it, month by month.

`c` moves the commit threshold to the next open stage's probability; enter on a rep shows
their deals on the pipeline.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from sales.errors import UpliftError
from sales.forecast import DEFAULT_COMMIT, OTHERS
from tui.forecast_text import (
    MONTH_COLUMNS,
    REP_COLUMNS,
    TREND_COLUMNS,
    TREND_WEEKS,
    month_rows,
    notes,
    rep_cells,
    title,
    trend_note,
    trend_rows,
)
from tui.figure_cells import rich_cells
from tui.i18n import N_, _, enumerated
from tui.keys import shown_key
from tui.screens.dialogs import help_key
from tui.user_text import plain, tell
from tui.widgets.footer import Footer
from tui.widgets.whole_columns import WholeColumnsTable, out_of_view, two_lines


#: The lines a table shows before it scrolls down (its scrollbar under them when it scrolls sideways).
TABLE_LINES = 12
#: The columns of figures (by index) in each table: all but its first (a rep, a month, a week), right-aligned.
FIGURES = range(1, max(map(len, (REP_COLUMNS, MONTH_COLUMNS, TREND_COLUMNS))))


class ForecastScreen(ModalScreen[str | None]):
    """Dismisses with the rep whose deals to show on the pipeline, or None."""

    BINDINGS = [
        Binding("escape", "dismiss", N_("Close"), id="forecast.close"),
        Binding("c", "next_commit", N_("Commit threshold"), id="forecast.commit"),
        Binding("k", "coaching", N_("Coaching notes"), id="forecast.coaching"),
        help_key("forecast"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.commit_pct = DEFAULT_COMMIT

    def compose(self) -> ComposeResult:
        # scrolls on a short terminal: focusing the months table (tab) brings it into view
        with VerticalScroll(classes="dialog forecast", can_focus=False):
            yield Static(id="forecast-title", classes="dialog-question")
            yield WholeColumnsTable(cursor_type="row", zebra_stripes=True, id="forecast-reps")
            yield Static(id="forecast-more", classes="dialog-hint")
            yield Static(id="forecast-notes")
            yield WholeColumnsTable(cursor_type="row", zebra_stripes=True, id="forecast-months")
            yield Static(plain(_("The team's forecast as each week began:")), id="forecast-trend-title")
            yield WholeColumnsTable(cursor_type="row", zebra_stripes=True, id="forecast-trend")
            yield Static(id="forecast-trend-note")
            yield Static(plain(_("{commit} next commit threshold · enter show a rep's deals · tab the months and "
                                 "the weeks · {close} close").format(commit=shown_key(self, "forecast.commit"),
                                                                     close=shown_key(self, "forecast.close"))),
                         classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        for table_id, columns in (("#forecast-reps", REP_COLUMNS), ("#forecast-months", MONTH_COLUMNS),
                                  ("#forecast-trend", TREND_COLUMNS)):
            table = self.query_one(table_id, DataTable)
            if table_id == "#forecast-reps":  # twelve columns: long headings take two lines
                headings = [two_lines(_(name)) for name in columns]
                # (only when one does: the Chinese headings are short, and a second line under
                # them was a blank one at 80 columns)
                table.header_height = max(heading.count("\n") + 1 for heading in headings)
                table.fixed_columns = 1  # the rep stays in view when a narrow terminal scrolls sideways
                table.add_columns(*rich_cells(headings, FIGURES))
            else:
                table.add_columns(*rich_cells([_(name) for name in columns], FIGURES))
        self.show()
        reps = self.query_one("#forecast-reps", DataTable)
        reps.focus(scroll_visible=False)
        for table in self.query(WholeColumnsTable):
            self.watch(table, "virtual_size", self._later)
        self.watch(reps, "scroll_x", self._later)
        # the title first (placing the table's cursor scrolls the dialog down to it)
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    def show(self) -> None:
        try:
            result = self.app.board.forecast(commit_pct=self.commit_pct)
        except UpliftError as error:
            tell(self, error, "error")
            return
        self.query_one("#forecast-title", Static).update(plain(title(result)))
        reps = self.query_one("#forecast-reps", DataTable)
        row = reps.cursor_row
        reps.clear()
        for r in result.reps:
            reps.add_row(*rich_cells(rep_cells(r), FIGURES), key=f"rep:{r.rep}")
        reps.add_row(*rich_cells(rep_cells(result.team, team=True), FIGURES), key="team")
        if reps.row_count:
            reps.move_cursor(row=min(max(row, 0), reps.row_count - 1))
        self.query_one("#forecast-notes", Static).update(plain("\n".join(
            [*notes(result), _("Coverage: the open deals closing this cycle ÷ what is left of the quota (3× is healthy).")])))
        months = self.query_one("#forecast-months", DataTable)
        months.clear()
        for cells in month_rows(result):
            months.add_row(*rich_cells(cells, FIGURES))
        trend = self.query_one("#forecast-trend", DataTable)
        trend.clear()
        points = self.app.board.forecast_trend(TREND_WEEKS, self.commit_pct)
        for cells in trend_rows(points):
            trend.add_row(*rich_cells(cells, FIGURES))
        note = trend_note(points)
        self.query_one("#forecast-trend-note", Static).update(plain(note or ""))
        self.query_one("#forecast-trend-note", Static).display = note is not None

    def _later(self) -> None:
        self.call_after_refresh(self._room_for_the_scrollbar)  # (once the tables are laid out)
        self.call_after_refresh(self._say_what_is_out_of_view)

    def _room_for_the_scrollbar(self) -> None:
        """A table that scrolls sideways gets a line more for its scrollbar: at 80 columns it took
        one of the table's `TABLE_LINES`, and a table of twelve lines showed a vertical scrollbar
        for the one line left out."""
        for table in self.query(WholeColumnsTable):
            bar = table.styles.scrollbar_size_horizontal if table.show_horizontal_scrollbar else 0
            now = table.styles.max_height
            if now is None or now.value != TABLE_LINES + bar:
                table.styles.max_height = TABLE_LINES + bar

    def on_resize(self) -> None:
        self._later()

    def _say_what_is_out_of_view(self) -> None:
        """Under the reps' table when a narrow terminal cannot show all twelve columns: which are
        out of view, and that ← → scroll to them (a DataTable cut at its edge does not tell)."""
        reps = self.query_one("#forecast-reps", DataTable)
        more = self.query_one("#forecast-more", Static)
        hidden = out_of_view(reps)
        more.update(plain(_("Out of view, ← → scroll sideways: {columns}").format(
            columns=enumerated(hidden)) if hidden else ""))
        more.display = bool(hidden)

    async def refresh_board(self) -> None:
        """Another process changed the board: show the new numbers."""
        self.show()

    def action_next_commit(self) -> None:
        """The commit threshold steps through the open stages' probabilities, highest last."""
        levels = sorted({s.probability for s in self.app.board.stages() if s.outcome == "open" and s.probability})
        if not levels:
            return
        above = [p for p in levels if p > self.commit_pct]
        self.commit_pct = above[0] if above else levels[0]
        self.show()

    def action_coaching(self) -> None:
        """The coaching notes on the highlighted rep (as `k` on the Review's leaderboard)."""
        table = self.query_one("#forecast-reps", DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        rep = key.removeprefix("rep:") if key and key.startswith("rep:") and key != f"rep:{OTHERS}" else None
        self.app.action_coaching(rep)

    @on(DataTable.RowSelected, "#forecast-reps")
    def _picked(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        if key.startswith("rep:") and key != f"rep:{OTHERS}":
            self.dismiss(key.removeprefix("rep:"))
