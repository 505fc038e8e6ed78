"""The pipeline (phase 4): the deals as a kanban by stage, beside the funnel with its sparklines.

The kanban is the same widget as the task board's. A column shows at most CARDS_SHOWN cards
(the biggest deals, plus the one that has the focus): its header counts them all, with the
column's value and weighted value, so a pipeline of thousands stays quick to draw.
"""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Sparkline, Static

from sales.deals import Deal, FunnelRow, Stage, weighted_pipeline
from sales.errors import UpliftError
from tui.user_text import plain, tell
from tui.widgets.footer import Footer
from tui.widgets.kanban import CardData, ColumnData, Kanban

CARDS_SHOWN = 8
EMPTY_PIPELINE = ("No deals yet. Press n to add one, or import a file with "
                  "`uplift deal import FILE.csv`. Press ? for all keys.")


def money(value: float) -> str:
    """Compact amounts for narrow columns: 950, 12.5k, 3.2M."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.1f}{suffix}"
    return f"{value:.0f}"


def deal_card(deal: Deal) -> CardData:
    details = f"{deal.account or '–'} · {deal.owner or 'unassigned'} · {money(deal.value)}"
    flag = (f"close {deal.close}" if deal.close else "no close date") + ("  ★ key" if deal.key_account else "")
    classes = frozenset({"key-account"} if deal.key_account else ())
    return CardData(deal.id, deal.title, details, flag, classes)


def funnel_line(row: FunnelRow) -> str:
    conversion = ("" if row.outcome != "open" else
                  " · conv –" if row.conversion is None else f" · conv {row.conversion:.0f}%")
    return (f"{row.stage} ({row.probability}%): {row.count} · {money(row.value)}"
            f" · w {money(row.weighted)}{conversion}")


class FunnelPanel(Vertical):
    """Per stage: count, value, weighted value, conversion, and a sparkline of weekly counts."""

    def __init__(self, stage_names: list[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.stage_names = stage_names

    def compose(self) -> ComposeResult:
        yield from self._widgets(len(self.stage_names))

    @staticmethod
    def _widgets(stages: int) -> list[Widget]:
        widgets = [Static(plain("Funnel · last 12 weeks"), classes="funnel-title")]
        for index in range(stages):
            widgets += [Static(classes="funnel-line", id=f"funnel-line-{index}"),
                        Sparkline([0], classes="funnel-spark", id=f"funnel-spark-{index}")]
        return widgets + [Static(id="funnel-total")]

    async def show(self, rows: list[FunnelRow], total_weighted: float) -> None:
        names = [row.stage for row in rows]
        if names != self.stage_names:
            self.stage_names = names
            await self.remove_children()
            await self.mount_all(self._widgets(len(rows)))
        for index, row in enumerate(rows):
            update(self.query_one(f"#funnel-line-{index}", Static), funnel_line(row))
            self.query_one(f"#funnel-spark-{index}", Sparkline).data = list(row.trend) or [0]
        update(self.query_one("#funnel-total", Static), f"Weighted pipeline: {money(total_weighted)}")


def update(static: Static, text: str) -> None:
    """Show `text` (as plain text) unless it is shown already: an update lays the screen out again."""
    if not isinstance(static.content, Content) or static.content.plain != text:
        static.update(plain(text))


class PipelineScreen(Screen):
    BINDINGS = [
        Binding("n", "new", "New deal", id="pipeline.new"),
        Binding("e,enter", "edit", "Edit", id="pipeline.edit"),
        Binding("a", "log_activity", "Log activity", id="pipeline.log"),
        Binding("f", "feed", "Feed", id="pipeline.feed"),
        Binding("m", "mine", "Mine", id="pipeline.mine"),
        Binding("u", "toggle_funnel", "Funnel", id="pipeline.funnel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stages: list[Stage] = []
        self.owner_filter: str | None = None
        self.funnel_rows: list[FunnelRow] = []
        self._redrawing = asyncio.Lock()

    def compose(self) -> ComposeResult:
        # the columns and the funnel's lines are laid out with the screen (mounting them after it
        # would lay it out twice); the first redraw fills them in
        self.stages = self.app.board.stages()
        yield Header()
        yield Static(id="pipeline-status")
        with Horizontal(id="pipeline-body"):
            with Vertical(id="pipeline-board"):
                yield self._new_kanban()
            yield FunnelPanel([stage.name for stage in self.stages], id="funnel")
        yield Footer()

    def _new_kanban(self) -> Kanban:
        return Kanban([f"stage{i}" for i in range(len(self.stages))], id="pipeline-kanban")

    async def on_mount(self) -> None:
        await self.refresh_board()
        self.kanban.focus_first()

    @property
    def kanban(self) -> Kanban:
        return self.query_one(Kanban)

    def stage_key(self, name: str) -> str:
        """Column keys are positions (stage names may hold spaces or any script)."""
        return f"stage{[s.name for s in self.stages].index(name)}"

    def stage_name(self, key: str) -> str:
        return self.stages[int(key.removeprefix("stage"))].name

    async def refresh_board(self) -> None:
        """Redraw from the board; one redraw at a time (the poll and a move may overlap)."""
        async with self._redrawing:
            await self._redraw()

    async def _redraw(self) -> None:
        board = self.app.board
        stages = board.stages()
        if len(stages) != len(self.stages) or not self.query(Kanban):  # column keys are positions
            self.stages = stages
            holder = self.query_one("#pipeline-board")
            await holder.remove_children()
            await holder.mount(self._new_kanban())
        self.stages = stages
        deals = board.deals()
        shown = [d for d in deals if self.owner_filter is None or d.owner == self.owner_filter]
        focused = self.kanban.focused_id
        self.funnel_rows = board.funnel()
        rows = {row.stage: row for row in self.funnel_rows}
        columns = []
        for stage in stages:
            in_stage = [d for d in shown if d.stage == stage.name]
            cards = in_stage[:CARDS_SHOWN]
            if focused and all(d.id != focused for d in cards):
                cards += [d for d in in_stage[CARDS_SHOWN:] if d.id == focused]
            row = rows[stage.name]
            summary = f"{money(row.value)} · w {money(row.weighted)}"
            if len(in_stage) > len(cards):
                summary += f" · top {len(cards)} shown"
            if len(shown) != len(deals):
                summary += f" · of {row.count}"
            columns.append(ColumnData(self.stage_key(stage.name), stage.name,
                                      [deal_card(d) for d in cards], None, summary))
        await self.kanban.sync(columns)
        await self.query_one(FunnelPanel).show(self.funnel_rows, weighted_pipeline(deals, stages))
        self.show_status(len(deals))

    def show_status(self, total: int) -> None:
        status = self.query_one("#pipeline-status", Static)
        if total == 0:
            update(status, EMPTY_PIPELINE)
        elif self.owner_filter:
            update(status, f"Deals of {self.owner_filter} · m shows everyone's")
        status.display = total == 0 or bool(self.owner_filter)

    # ------------------------------------------------------------------ moving

    @on(Kanban.MoveRequested)
    def _move_requested(self, event: Kanban.MoveRequested) -> None:
        event.stop()
        self.call_next(self.move, event.card_id, self.stage_name(event.target))

    async def move(self, deal_id: str, stage: str) -> None:
        try:
            self.app.board.move_deal(deal_id, stage)
        except UpliftError as error:
            tell(self, error, "error")
            return
        await self.refresh_board()
        await self.kanban.focus_card(deal_id)

    async def focus_item(self, item: str) -> None:
        """Jump to a deal (`D-4`) or to a stage's column (`stage:Proposal`)."""
        await self.refresh_board()
        if item.startswith("stage:"):
            name = item.removeprefix("stage:")
            if name in [s.name for s in self.stages]:
                self.kanban.focus_column_top(self.stage_key(name))
            return
        self.kanban.focused_id = item
        await self.refresh_board()
        await self.kanban.focus_card(item)

    # ------------------------------------------------------------------ actions

    def action_toggle_funnel(self) -> None:
        """Show or hide the funnel. On a narrow terminal it starts hidden (the columns' headers
        still give each stage's count and values) and, shown, takes the place of the board."""
        shown = self.query_one("#funnel").display
        self.set_class(not shown, "show-funnel")
        self.set_class(shown, "hide-funnel")

    def focused_deal(self) -> Deal | None:
        card = self.kanban.focused_card
        if card is not None:
            try:
                return self.app.board.deal(card.id)
            except UpliftError as error:
                tell(self, error, "error")
        return None

    def action_new(self) -> None:
        from tui.screens.deal_form import DealForm

        self.app.push_screen(DealForm(), self._saved)

    def action_edit(self) -> None:
        from tui.screens.deal_form import DealForm

        deal = self.focused_deal()
        if deal:
            self.app.push_screen(DealForm(deal), self._saved)

    def _saved(self, deal: Deal | None) -> None:
        if deal is not None:
            tell(self, f"Saved {deal.id}")
            self.call_next(self.focus_item, deal.id)

    def action_log_activity(self) -> None:
        from tui.screens.deal_form import ActivityForm

        deal = self.focused_deal()
        if deal is None:
            tell(self, "Focus a deal to log an activity on it", "warning")
            return

        def logged(touch) -> None:
            if touch is not None:
                tell(self, f"Logged {touch.type} {touch.id} on {deal.id}")

        self.app.push_screen(ActivityForm(deal), logged)

    def action_feed(self) -> None:
        from tui.screens.feed import FeedScreen

        deal = self.focused_deal()
        self.app.push_screen(FeedScreen())
        if deal is not None:
            tell(self, f"type {deal.id} in the filter to see only that deal")

    async def action_mine(self) -> None:
        me = self.app.board.actor
        self.owner_filter = None if self.owner_filter == me else me
        await self.refresh_board()
        self.kanban.focus_first()
