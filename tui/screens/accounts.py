"""Accounts (key `O`, the palette's "Accounts"): every customer the deals and activities name, the
biggest open value first, as `uplift account list` prints them; enter opens the account's page:
its deals (open ones by stage, with their next step; then won and lost), its activities newest
first and the notes that name it. enter on a deal shows it on the pipeline."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from sales.errors import UpliftError
from sales.text import safe
from tui.account_text import (
    LIST_COLUMNS,
    account_name,
    activity_line,
    deal_when,
    heading,
    days_ago,
    list_cells,
    money,
    note_line,
    summary_block,
    titled,
)
from tui.i18n import N_, _
from tui.keys import shown_key
from tui.screens.dialogs import help_key
from tui.user_text import plain, plain_rich, tell
from tui.widgets.fill_table import FillTable
from tui.widgets.footer import Footer

#: The page's deal columns (key, heading); the title and the next step share what is left.
DEAL_COLUMNS = (("id", "ID"),  # (an id is ID in every language, as the other tables head it)
                ("stage", N_("Stage")), ("value", N_("Value")), ("day", N_("Close day")),
                ("owner", N_("Owner")), ("title", N_("Title")), ("next", N_("Next step")))
FIGURES = ("open", "open_value", "won", "won_value")  # (right-aligned)


class AccountsScreen(ModalScreen[str | None]):
    """Dismisses with the deal to show on the pipeline (chosen on an account's page), or None."""

    DEFAULT_CLASSES = "dialog-screen"

    BINDINGS = [Binding("escape,q", "dismiss", N_("Close"), id="accounts.close"), help_key("accounts")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog accounts"):
            with Vertical(classes="dialog-head"):
                yield Static(id="accounts-heading", classes="dialog-question")
            yield FillTable(cursor_type="row", zebra_stripes=True, id="accounts-table", fill=("account", "owners"))
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(FillTable)
        for key, name in LIST_COLUMNS:
            table.add_column(plain_rich(heading(name)), key=key)
        self.show()
        table.focus()

    def show(self) -> None:
        """The accounts as the board has them now; the cursor stays on the account it was on."""
        accounts = self.app.board.accounts()
        self.query_one("#accounts-heading", Static).update(plain(
            _("Accounts: {count} · enter opens one · {close} closes").format(
                count=len(accounts), close=shown_key(self, "accounts.close")) if accounts else
            _("No accounts yet: a deal's account or an activity logged on one makes one. Escape closes.")))
        table = self.query_one(FillTable)
        was = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        table.clear()
        for summary in accounts:
            cells = list_cells(summary)
            table.add_row(*(Text(safe(cells[key]), justify="right" if key in FIGURES else "left")
                            for key, _name in LIST_COLUMNS), key=summary.name)
        if was is not None and was in table.rows:
            table.move_cursor(row=table.get_row_index(was), animate=False)

    async def refresh_board(self) -> None:
        self.show()

    @on(DataTable.RowSelected, "#accounts-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        name = event.row_key.value or ""

        def picked(deal: str | None) -> None:
            if deal:  # (the deal is shown on the pipeline: the list closes too)
                self.dismiss(deal)

        self.app.push_screen(AccountScreen(name), picked)


class AccountScreen(ModalScreen[str | None]):
    """One account's page; dismisses with the deal chosen (enter), or None (escape: back to the list)."""

    DEFAULT_CLASSES = "dialog-screen"

    BINDINGS = [Binding("escape,q", "dismiss", N_("Back"), id="account.close"), help_key("account")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.account = name

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog account"):  # (tab: the page scrolls with the keys)
            yield Static(id="account-heading", classes="dialog-question")
            yield Static(id="account-summary")
            yield FillTable(cursor_type="row", zebra_stripes=True, id="account-deals", fill=("title", "next"),
                            lines=2)
            yield Static(id="account-activities", classes="account-part")
            yield Static(id="account-notes", classes="account-part")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(FillTable)
        for key, name in DEAL_COLUMNS:
            table.add_column(plain_rich(_(name)), key=key)
        self.show()
        (table if table.row_count else self.query_one(VerticalScroll)).focus(scroll_visible=False)
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_home, animate=False)

    def show(self) -> None:
        try:
            page = self.app.board.account(self.account)
        except UpliftError as error:  # (its last deal deleted meanwhile, in another session)
            tell(self, error, "warning")
            return
        self.query_one("#account-heading", Static).update(plain(
            _("{account} · enter shows a deal on the pipeline · tab scrolls the page · {close} back").format(
                account=account_name(page.account), close=shown_key(self, "account.close"))))
        self.query_one("#account-summary", Static).update(plain("\n".join(summary_block(page))))
        table = self.query_one(FillTable)
        was = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        table.clear()
        for deal in [*page.open, *page.won, *page.lost]:
            # (only a lost deal has a reason: sales.accounts._as_shown)
            stage = _("{stage}: {reason}").format(stage=deal.stage, reason=deal.lost_reason) \
                if deal.lost_reason else deal.stage
            cells = {"id": deal.id, "stage": stage, "value": money(deal.value), "day": deal_when(deal),
                     "owner": deal.owner or "–", "title": deal.title,
                     "next": " ".join(deal.next_step.split()) or ("–" if deal.outcome == "open" else "")}
            table.add_row(*(Text(safe(cells[key]), justify="right" if key == "value" else "left")
                            for key, _name in DEAL_COLUMNS), key=deal.id)
        table.display = bool(table.row_count)
        if not table.display and table.has_focus:  # (an account only activities name: the page scrolls)
            self.query_one(VerticalScroll).focus(scroll_visible=False)
        if was is not None and was in table.rows:
            table.move_cursor(row=table.get_row_index(was), animate=False)
        lines = [titled(_("Activities, newest first"), None if page.activities else days_ago(None))]
        lines += ["  " + activity_line(t) for t in page.activities]
        self.query_one("#account-activities", Static).update(plain("\n".join(lines)))
        notes = self.query_one("#account-notes", Static)
        notes.update(plain("\n".join([titled(_("Notes that name it")), *("  " + note_line(n) for n in page.notes)])))
        notes.display = bool(page.notes)

    async def refresh_board(self) -> None:
        self.show()

    @on(DataTable.RowSelected, "#account-deals")
    def _open(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)
