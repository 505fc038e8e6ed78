"""The pipeline (phase 4): the deals as a kanban by stage, beside the funnel with its sparklines.

The kanban is the same widget as the task board's. A column shows at most CARDS_SHOWN cards
(the biggest deals, plus the one that has the focus): its header counts them all, with the
column's value and weighted value, so a pipeline of thousands stays quick to draw.
"""

from __future__ import annotations

import asyncio
from datetime import date

from rich.segment import Segment
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.renderables.sparkline import Sparkline as SparklineBars
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from sales.alerts import days_stuck
from sales.deals import Deal, FunnelRow, Stage, closed_on, is_slipped, outcome_of
from sales.errors import UpliftError
from sales.text import display_width
from tui.i18n import N_, _, fill
from tui.keys import shown_key
from tui.number_text import short_day
from tui.screens.board_view import BoardView
from tui.user_text import plain, tell
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.kanban import CardData, ColumnData, Kanban, whole_parts

CARDS_SHOWN = 8
COMPACT_WIDTH = 60  # a funnel this wide, too short for its lines, puts each stage on one line
COMPACT_SPARK = 8  # the least sparkline worth drawing beside a stage's numbers
#: The orders cards take within a stage, `s` stepping through them (Pipedrive's sort of the
#: pipeline view): the biggest deals first (the board's order), by the date on the card (the
#: soonest expected close first, none last; a closed deal's closing day), or those longest in
#: their stage first (the ones rotting).
SORTS = (("value", N_("biggest first")), ("close", N_("by close date")), ("age", N_("longest in stage")))
EMPTY_PIPELINE = N_("No deals yet. Press {new} to add one, or import a file with "
                    "`uplift deal import FILE.csv`. Press {help} for all keys.")


def money(value: float) -> str:
    """Compact amounts for narrow columns: 950, 12.5k, 3.2M."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.1f}{suffix}"
    return f"{value:.0f}"


def sorted_cards(deals: list[Deal], order: str, outcome: str = "open") -> list[Deal]:
    """A stage's deals in `order` (SORTS; they come biggest first, which ties keep). By close
    date is by the date the card shows: an open deal's expected close (none last), a closed
    one's closing day."""
    if order == "close":
        def day(deal: Deal) -> date | None:
            return deal.close if outcome == "open" else closed_on(deal, outcome)
        return sorted(deals, key=lambda d: (day(d) is None, day(d) or date.max))
    if order == "age":  # entered the stage it is in longest ago
        return sorted(deals, key=lambda d: d.history[-1].at.timestamp() if d.history else float("inf"))
    return deals


def deal_card(deal: Deal, outcome: str, today: date, stuck: int | None = None) -> CardData:
    """A deal as a card. An open deal shows its expected close date (marked PAST, in the alarm
    colour, once it has passed: it has slipped), and STUCK with its days when it has sat in its
    stage longer than the stage allows (`stuck`: sales.alerts.days_stuck); a won or lost one the
    day it was closed (when it entered its stage), which is what a closed card is read for. Days
    are short (`Dec 21`). The details are the account (left out when the title names it), the
    owner, the value and the strategy that brought it (`S-2`), if any."""
    owner = deal.owner or _("unassigned")
    if deal.splits:  # shared credit (sales/splits.py): the other rep, or how many others
        owner += "+" + (deal.splits[0].rep if len(deal.splits) == 1 else str(len(deal.splits)))
    # the account, unless the title already names it (`Polar Tech renewal` of Polar Tech): a
    # narrow column has no line to spare for saying it twice
    account = deal.account or "–"
    named = bool(deal.account) and deal.account.casefold() in deal.title.casefold()
    details = " · ".join([*([] if named else [account]), owner, money(deal.value), *filter(None, [deal.strategy])])
    slipped = is_slipped(deal, outcome, today)
    if (day := closed_on(deal, outcome)) is not None:
        flag = (_("won {day}") if outcome == "won" else _("lost {day}")).format(day=short_day(day, today))
        if outcome == "lost" and deal.lost_reason:
            flag += "  " + deal.lost_reason  # (a part of its own: see kanban.flag_lines)
    else:
        flag = _("close {day}").format(day=short_day(deal.close, today)) if deal.close else _("no close date")
        if slipped:
            flag += "  " + _("PAST")
        if stuck is not None:
            flag += "  " + _("STUCK {days}d").format(days=stuck)
    if deal.key_account:
        flag += "  ★ " + _("key")
    alarm = slipped or stuck is not None
    classes = frozenset(({"key-account"} if deal.key_account else set()) | ({"overdue"} if alarm else set()))
    return CardData(deal.id, deal.title, details, flag, classes)


def funnel_line(row: FunnelRow) -> str:
    conversion = ("" if row.outcome != "open" else
                  " · " + _("conv") + " –" if row.conversion is None else f" · {_('conv')} {row.conversion:.0f}%")
    return (f"{row.stage} ({row.probability}%): {row.count} · {money(row.value)}"
            f" · {_('w')} {money(row.weighted)}{conversion}")


class FunnelPanel(ScrollView, can_focus=False):
    """Per stage: count, value, weighted value, conversion, and a sparkline of weekly counts.

    One widget that draws its lines (Line API), as a kanban column does: as fourteen widgets
    (a line and a sparkline per stage) it took a seventh of the time to show the pipeline.
    `lines` and `trends` hold what it shows.
    """

    COMPONENT_CLASSES = {"funnel--title", "funnel--line", "funnel--spark", "funnel--total",
                         "funnel--spark-max", "funnel--spark-min"}
    DEFAULT_CSS = "FunnelPanel { overflow-x: hidden; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[str] = []
        self.trends: list[list[float]] = []
        self.total = ""
        self._drawn: tuple[tuple[int, int], list[Strip]] | None = None  # ((width, height), lines)
        self._parts: dict[tuple, list[Strip]] = {}  # each part's lines, by what it shows

    async def show(self, rows: list[FunnelRow], total_weighted: float) -> None:
        shown = ([funnel_line(row) for row in rows], [list(row.trend) or [0] for row in rows],
                 _("Weighted pipeline: {amount}").format(amount=money(total_weighted)))
        if shown == (self.lines, self.trends, self.total):
            return
        self.lines, self.trends, self.total = shown
        before = self._drawn[1] if self._drawn else None
        self._drawn = None
        after = self._draw()
        if before is None or len(before) != len(after):
            self.refresh()
            return
        # after a move, a few lines change (two stages and the total): repaint only those
        top = self.scroll_offset.y
        for y, (old, new) in enumerate(zip(before, after)):
            if old is not new:
                self.refresh(Region(0, y - top, self.size.width, 1))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = None
        self._parts.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._draw()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        strips = self._draw()
        line = y + self.scroll_offset.y
        if 0 <= line < len(strips):
            return strips[line].adjust_cell_length(width, self.visual_style.rich_style)
        return Strip.blank(width, self.visual_style.rich_style)

    def _draw(self) -> list[Strip]:
        region = self.scrollable_content_region
        width, height = region.width, region.height
        if width <= 0:
            return []
        if self._drawn is None or self._drawn[0] != (width, height):
            parts, self._parts = self._parts, {}  # (keeping only the parts drawn now)
            strips = list(self._text(_("Funnel · last 12 weeks"), width, "funnel--title", parts))
            for line, trend in zip(self.lines, self.trends):
                strips += self._text(line, width, "funnel--line", parts) + self._sparkline(trend, width, parts)
            strips += self._text(self.total, width, "funnel--total", parts)
            if len(strips) > height >= 0 and width >= COMPACT_WIDTH:
                # a short, wide panel (stacked under a narrow terminal's kanban): a line a stage
                strips = self._text(_("Funnel · last 12 weeks"), width, "funnel--title", parts, gap=False)
                at = max(map(display_width, self.lines), default=0) + 2  # the sparklines in a column
                for line, trend in zip(self.lines, self.trends):
                    strips += self._compact(line, trend, width, at, parts)
                strips += self._text(self.total, width, "funnel--total", parts)
            self._drawn = ((width, height), strips)
            virtual = Size(width, len(strips))
            if virtual != self.virtual_size:  # (quietly: see KanbanColumn._draw)
                self.set_reactive(ScrollView.virtual_size, virtual)
                self._scroll_update(virtual)
        return self._drawn[1]

    def _gap(self, part: str, width: int) -> list[Strip]:
        return [Strip.blank(width, self.visual_style.rich_style)] * self.get_component_styles(part).margin.bottom

    def _text(self, text: str, width: int, part: str, drawn: dict, gap: bool = True) -> list[Strip]:
        key = (part, text, width, gap)
        if (strips := drawn.get(key)) is None:
            style = self.get_visual_style(part)
            # in whole parts, as a column's header: `w 3.8k · conv 94%`, not `· w` / `3.8k`
            lines = [line for whole in whole_parts(text, width) for line in plain(whole).wrap(width)]
            strips = [Strip(line.render_segments(style)).adjust_cell_length(width, self.visual_style.rich_style)
                      for line in lines] + (self._gap(part, width) if gap else [])
        self._parts[key] = strips
        return strips

    def _compact(self, text: str, trend: list[float], width: int, at: int, drawn: dict) -> list[Strip]:
        """A stage on one line, its sparkline from column `at` (or just after its numbers when
        that leaves too little room; none when no room is left)."""
        if width - at < COMPACT_SPARK:
            at = display_width(text) + 2
        if width - at < COMPACT_SPARK:
            return self._text(text, width, "funnel--line", drawn, gap=False)
        key = ("compact", text, tuple(trend), width, at)
        if (strips := drawn.get(key)) is None:
            blank = self.visual_style.rich_style
            words = Strip(plain(text).render_segments(self.get_visual_style("funnel--line")))
            bars = self._sparkline_now(trend, width - at)[0]
            strips = [Strip.join([words.adjust_cell_length(at, blank), bars]).adjust_cell_length(width, blank)]
        self._parts[key] = strips
        return strips

    def _sparkline(self, trend: list[float], width: int, drawn: dict) -> list[Strip]:
        key = ("spark", tuple(trend), width)
        self._parts[key] = strips = drawn.get(key) or self._sparkline_now(trend, width)
        return strips

    def _sparkline_now(self, trend: list[float], width: int) -> list[Strip]:
        """A sparkline as Textual's Sparkline widget draws it (its renderable and colours)."""
        _, base = self.background_colors
        bars = SparklineBars(trend, width=width, height=1,
                             min_color=(base + self.get_component_styles("funnel--spark-min").color).rich_color,
                             max_color=(base + self.get_component_styles("funnel--spark-max").color).rich_color)
        segments = Segment.apply_style(self.app.console.render(bars, self.app.console.options.update_width(width)),
                                       self.visual_style.rich_style)
        line = Strip([segment for segment in segments if segment.text != "\n"])
        return [line.adjust_cell_length(width, self.visual_style.rich_style)] + self._gap("funnel--spark", width)


def update(static: Static, text: str) -> None:
    """Show `text` (as plain text) unless it is shown already. A new text lays the whole screen
    out again only if it takes another number of lines (after a move, most lines keep theirs)."""
    old = static.content
    if isinstance(old, Content) and old.plain == text:
        return
    new = plain(text)
    width = static.content_region.width
    same_height = (isinstance(old, Content) and width > 0
                   and old.get_height(static.styles, width) == new.get_height(static.styles, width))
    static.update(new, layout=not same_height)


class PipelineScreen(BoardView):
    BINDINGS = [
        Binding("n", "new", N_("New deal"), id="pipeline.new"),
        Binding("e,enter", "edit", N_("Edit"), id="pipeline.edit"),
        Binding("a", "log_activity", N_("Log activity"), id="pipeline.log"),
        Binding("t", "follow_up", N_("Follow-up task"), id="pipeline.follow_up"),
        Binding("o", "account", N_("Account"), id="pipeline.account"),
        Binding("v", "mark_won", N_("Won"), id="pipeline.won"),
        Binding("x", "mark_lost", N_("Lost"), id="pipeline.lost"),
        Binding("dollar_sign", "record_payment", N_("Customer paid"), show=False, id="pipeline.paid"),
        Binding("f", "feed", N_("Feed"), id="pipeline.feed"),
        Binding("m", "mine", N_("Mine"), id="pipeline.mine"),
        Binding("u", "toggle_funnel", N_("Funnel"), id="pipeline.funnel"),
        Binding("s", "sort", N_("Sort"), show=False, id="pipeline.sort"),
        Binding("w", "app.weekly_review", N_("Weekly review"), id="pipeline.weekly"),
        Binding("F", "app.forecast", N_("Forecast"), id="pipeline.forecast"),
        Binding("W", "app.win_loss", N_("Win/loss"), id="pipeline.winloss"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stages: list[Stage] = []
        self.owner_filter: str | None = None
        self.sort_by = SORTS[0][0]
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
            yield FunnelPanel(id="funnel")
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
        today = board.today()
        settings = board.alert_settings()
        who = self.owner_filter
        # a rep's deals: those they own and those they share the credit of (sales/splits.py)
        shown = [d for d in deals if who is None or d.owner == who or any(s.rep == who for s in d.splits)]
        focused = self.kanban.focused_id
        self.funnel_rows = board.funnel()
        rows = {row.stage: row for row in self.funnel_rows}
        by_stage: dict[str, list[Deal]] = {stage.name: [] for stage in stages}
        for deal in shown:  # one pass over the deals, not one per stage
            if (in_stage := by_stage.get(deal.stage)) is not None:
                in_stage.append(deal)
        columns = []
        for stage in stages:
            in_stage = sorted_cards(by_stage[stage.name], self.sort_by, stage.outcome)
            cards = in_stage[:CARDS_SHOWN]
            if focused and all(d.id != focused for d in cards):
                cards += [d for d in in_stage[CARDS_SHOWN:] if d.id == focused]
            row = rows[stage.name]
            value, weighted = row.value, row.weighted
            if len(shown) != len(deals):  # one rep's: the values of the deals the column shows
                value = sum(d.value for d in in_stage)
                weighted = value * stage.probability / 100
            summary = f"{money(value)} · {_('w')} {money(weighted)}"
            if len(in_stage) > len(cards):
                summary += " · " + _("top {count} shown").format(count=len(cards))
            is_open = stage.outcome == "open"
            columns.append(ColumnData(self.stage_key(stage.name), stage.name, [
                deal_card(d, stage.outcome, today, days_stuck(d, is_open, today, settings)) for d in cards],
                # the count: of the stage's deals (all of them, or those the column cuts to its top)
                None, summary, total=row.count if len(shown) != len(deals) else
                (len(in_stage) if len(in_stage) > len(cards) else None)))
        await self.kanban.sync(columns)
        # the weighted pipeline (sales.deals.weighted_pipeline) from the funnel's open stages,
        # rather than another pass over every deal
        weighted = sum(row.weighted for row in self.funnel_rows if row.outcome == "open")
        await self.query_one(FunnelPanel).show(self.funnel_rows, weighted)
        self.show_status(len(deals))

    def show_status(self, total: int) -> None:
        status = self.query_one("#pipeline-status", Static)
        said = []
        if self.owner_filter:
            said.append(_("Deals of {name} · {key} shows everyone's").format(
                name=self.owner_filter, key=shown_key(self, "pipeline.mine")))
        if self.sort_by != SORTS[0][0]:
            said.append(_("Sorted: {order} · {key} sorts again").format(
                order=_(dict(SORTS)[self.sort_by]), key=shown_key(self, "pipeline.sort")))
        if total == 0:
            update(status, _(EMPTY_PIPELINE).format(new=shown_key(self, "pipeline.new"),
                                                     help=shown_key(self.app, "app.help")))
        elif said:
            update(status, " · ".join(said))
        status.display = total == 0 or bool(said)

    # ------------------------------------------------------------------ moving

    @on(Kanban.MoveRequested)
    def _move_requested(self, event: Kanban.MoveRequested) -> None:
        event.stop()
        try:
            now = self.app.board.deal(event.card_id).stage
        except UpliftError:
            now = self.stage_name(event.source)  # gone meanwhile: the move itself says so
        if now != self.stage_name(event.source) and self.moved_by_another(event.card_id):  # since last drawn
            tell(self, fill(_("{id} was moved meanwhile, to {column}: it is shown there now; move it again if you "
                              "still mean to"), id=event.card_id, column=now), "warning")
            self.call_next(self.refresh_board)
            return
        self.call_next(self.move, event.card_id, self.stage_name(event.target))

    async def move(self, deal_id: str, stage: str) -> None:
        """Move a deal; into the lost stage, only once its owner has said why (or left it blank)."""
        board = self.app.board
        try:
            if any(s.name == stage and s.outcome == "lost" for s in self.stages):
                from tui.screens.deal_form import LostReasonForm

                deal = board.deal(deal_id)
                # asked why only when the move may be made (a rep, another's deal: refused at once)
                if deal.stage != stage and board.may("deal.move", owner=deal.owner, new_owner=deal.owner):
                    self.app.push_screen(LostReasonForm(deal, stage), lambda moved: moved and self.call_next(
                        self.show_moved, deal_id))
                    return
            from tui.screens.deal_form import tell_payments_kept

            old = board.deal(deal_id)
            deal = board.move_deal(deal_id, stage)
            tell_payments_kept(self, old, deal)
            if deal.stage != old.stage and board.stage(deal.stage).outcome != "open" and (
                    tasks := board.open_tasks_for(deal_id)):
                tell(self, _("{id} still has open tasks: {tasks}").format(
                    id=deal_id, tasks=", ".join(f"{t.id} {t.title}" for t in tasks)), "warning")
        except UpliftError as error:
            tell(self, error, "error")
            return
        await self.show_moved(deal_id)

    async def show_moved(self, deal_id: str) -> None:
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
        from tui.screens.dialogs import permitted

        if permitted(self, "deal.add", self.app.board.actor):
            self.app.push_screen(DealForm(), self._saved)

    def action_edit(self) -> None:
        from tui.screens.deal_form import DealForm
        from tui.screens.dialogs import permitted

        deal = self.focused_deal()
        if deal and permitted(self, "deal.edit", deal.owner):
            self.app.push_screen(DealForm(deal), self._saved)

    def _saved(self, deal: Deal | None) -> None:
        if deal is not None:
            tell(self, _("Saved {id}").format(id=deal.id))
            self.call_next(self.focus_item, deal.id)

    def action_follow_up(self) -> None:
        """A new task that moves the focused deal forward (its owner's, linked to it)."""
        from tui.screens.dialogs import permitted
        from tui.screens.task_form import TaskForm

        deal = self.focused_deal()
        if deal is None:
            tell(self, _("Focus a deal to plan its next step"), "warning")
            return
        if not permitted(self, "task.add", self.app.board.actor):
            return

        def saved(task) -> None:
            if task is not None:
                tell(self, _("Added {id} for {deal}").format(id=task.id, deal=deal.id))

        self.app.push_screen(TaskForm(deal=deal), saved)

    async def action_mark_lost(self) -> None:
        """The focused deal straight to the lost stage (asking why), from any stage: moving it
        there column by column would pass through won, and count a win."""
        deal = self.focused_deal()
        if deal is None:
            tell(self, _("Focus a deal to mark it lost"), "warning")
            return
        lost = next(s.name for s in self.stages if s.outcome == "lost")
        if deal.stage == lost:
            tell(self, _("{id} is lost already").format(id=deal.id), "warning")
            return
        await self.move(deal.id, lost)

    def action_mark_won(self) -> None:
        """The focused deal straight to the won stage (asked first), from any stage: moving it
        there column by column would add a 0-day stay in each stage between to its history."""
        from tui.screens.deal_form import WonForm
        from tui.screens.dialogs import permitted

        deal = self.focused_deal()
        if deal is None:
            tell(self, _("Focus a deal to mark it won"), "warning")
            return
        won = next(s.name for s in self.stages if s.outcome == "won")
        if deal.stage == won:
            tell(self, _("{id} is won already").format(id=deal.id), "warning")
            return
        if permitted(self, "deal.move", deal.owner):  # (a rep, another's deal: refused before being asked)
            self.app.push_screen(WonForm(deal, won), lambda moved: moved and self.call_next(self.show_moved, deal.id))

    def action_record_payment(self) -> None:
        """Record what the customer paid on the focused won deal (a lead's), in a small form."""
        from tui.screens.deal_form import PaymentForm
        from tui.screens.dialogs import permitted

        deal = self.focused_deal()
        if deal is None:
            tell(self, _("Focus a won deal to record what its customer paid"), "warning")
            return
        if not permitted(self, "deal.paid", deal.owner):  # the rule first: a rep may pay on no deal
            return
        if outcome_of(deal, self.stages) != "won":
            tell(self, _("{id} is not won: payments are recorded on won deals").format(id=deal.id), "warning")
            return

        def recorded(saved) -> None:
            if saved is not None:
                from sales.deals import paid_on
                from sales.payout import money

                day = saved.payments[-1].on if saved.payments else None
                if day is not None and day > self.app.board.today():  # (received from its day on)
                    tell(self, _("{id}: customer paid {paid} of {value}; the payment dated {day} counts from that "
                                 "day").format(id=saved.id, paid=money(paid_on(saved)), value=money(saved.value),
                                               day=day.isoformat()))
                    return
                tell(self, _("{id}: customer paid {paid} of {value}").format(
                    id=saved.id, paid=money(paid_on(saved)), value=money(saved.value)))

        self.app.push_screen(PaymentForm(deal), recorded)

    def action_log_activity(self) -> None:
        from tui.screens.deal_form import ActivityForm

        deal = self.focused_deal()
        if deal is None:
            tell(self, _("Focus a deal to log an activity on it"), "warning")
            return
        try:  # a rep on someone else's deal hears so now, not once the form is filled in
            self.app.board.require_activity_on(deal)
        except UpliftError as error:
            tell(self, error, "error")
            return

        def logged(touch) -> None:
            if touch is not None:
                tell(self, _("Logged {type} {id} on {deal}").format(type=_(touch.type), id=touch.id, deal=deal.id))

        self.app.push_screen(ActivityForm(deal), logged)

    def action_account(self) -> None:
        """The focused deal's account page (the Accounts screen's, key O): its other deals, its
        activities and notes; enter on a deal there shows it here."""
        deal = self.focused_deal()
        if deal is None:
            tell(self, _("Focus a deal to open its account"), "warning")
            return
        if not deal.account.strip():
            tell(self, _("{id} has no account: its form ({key}) gives it one").format(
                id=deal.id, key=shown_key(self, "pipeline.edit")), "warning")
            return
        self.app.show_account(deal.account)

    def action_feed(self) -> None:
        from tui.screens.feed import FeedScreen

        deal = self.focused_deal()
        # the focused deal's records (its timeline, as a CRM's deal page has); clearing the
        # filter shows everyone's
        self.app.push_screen(FeedScreen(deal.id if deal is not None else ""))

    async def action_sort(self) -> None:
        """The next order of the cards within each stage (SORTS), the focused card kept."""
        names = [name for name, _words in SORTS]
        self.sort_by = names[(names.index(self.sort_by) + 1) % len(names)]
        await self.refresh_board()
        tell(self, _("Cards sorted: {order}").format(order=_(dict(SORTS)[self.sort_by])))

    async def action_mine(self) -> None:
        """My deals; again (or on anyone's, as the forecast shows them): everyone's, as the
        status line says."""
        me = self.app.board.actor
        await self.show_owner(None if self.owner_filter is not None else me)

    async def show_owner(self, owner: str | None) -> None:
        """Show only `owner`'s deals (None: everyone's); the focused card keeps the focus while
        it is shown (as on the task board: `m` twice sent it to the first card)."""
        was = self.kanban.focused_id
        self.owner_filter = owner
        await self.refresh_board()
        if not (was and await self.kanban.focus_card(was)):
            self.kanban.focus_first()
