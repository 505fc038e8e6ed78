"""Win/loss (phases 4 and 5, key `W` on the pipeline): of the deals won and lost this cycle, the
win rate by rep and by product, why deals were lost and at which stage.

enter on a rep shows their deals on the pipeline; enter on a reason or a stage shows its
biggest lost deal there.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from sales.errors import UpliftError
from sales.winloss import UNASSIGNED
from tui.figure_cells import rich_cells
from tui.i18n import N_, _
from tui.keys import shown_key
from tui.screens.dialogs import help_key
from tui.user_text import plain, tell
from tui.widgets.footer import Footer
from tui.winloss_text import TABLES, notes, summary, tables, title


class WinLossScreen(ModalScreen[str | None]):
    """Dismisses with what to show on the pipeline: `rep:NAME` or a deal id, or None."""

    BINDINGS = [Binding("escape", "dismiss", N_("Close"), id="winloss.close"),
                Binding("k", "coaching", N_("Coaching notes"), id="winloss.coaching"), help_key("winloss")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog forecast winloss", can_focus=False):
            yield Static(id="winloss-title", classes="dialog-question")
            yield Static(id="winloss-summary")
            for table_id, _heading, _columns in TABLES:
                yield DataTable(cursor_type="row", zebra_stripes=True, id=table_id)
            yield Static(id="forecast-notes")
            yield Static(plain(_("enter show a rep's deals, or a reason's or stage's biggest lost deal · "
                                 "tab the next table · {close} close").format(close=shown_key(self, "winloss.close"))),
                         classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        for table_id, heading, columns in TABLES:
            self.query_one(f"#{table_id}", DataTable).add_columns(
                *rich_cells([_(name) for name in (heading, *columns)], figures(columns)))
        self.show()
        self.query_one("#winloss-reps", DataTable).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    def show(self) -> None:
        try:
            result = self.app.board.win_loss()
        except UpliftError as error:
            tell(self, error, "error")
            return
        self.query_one("#winloss-title", Static).update(plain(title(result)))
        self.query_one("#winloss-summary", Static).update(plain("\n".join(summary(result))))
        columns = {table_id: columns for table_id, _heading, columns in TABLES}
        for table_id, (says, shown) in tables(result).items():
            table = self.query_one(f"#{table_id}", DataTable)
            cursor = table.cursor_row
            table.clear()
            for key, cells in shown:
                table.add_row(*rich_cells(cells, figures(columns[table_id])), key=f"{key}#{len(table.rows)}")
            table.display = says
            if table.row_count:
                table.move_cursor(row=min(max(cursor, 0), table.row_count - 1))
        self.query_one("#forecast-notes", Static).update(plain("\n".join(notes(result))))

    async def refresh_board(self) -> None:
        """Another process changed the board: show the new numbers."""
        self.show()

    def action_coaching(self) -> None:
        """The coaching notes on the highlighted rep of the by-rep table (as `k` on the Review's
        leaderboard); elsewhere, the notes as the coaching screen opens them."""
        table = self.query_one("#winloss-reps", DataTable)
        key = (table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "").rpartition("#")[0] \
            if table.row_count else ""
        rep = key.removeprefix("rep:") if key.startswith("rep:") and key != f"rep:{UNASSIGNED}" else None
        self.app.action_coaching(rep)

    @on(DataTable.RowSelected)
    def _picked(self, event: DataTable.RowSelected) -> None:
        key = (event.row_key.value or "").rpartition("#")[0]
        if key.startswith("D-") or (key.startswith("rep:") and key != f"rep:{UNASSIGNED}"):
            self.dismiss(key)


def figures(columns) -> set[int]:
    """A table's columns of figures (by index, after its heading column): all but the deals'
    ids (`Which`), right-aligned."""
    return {index for index, name in enumerate(columns, 1) if name != "Which"}
