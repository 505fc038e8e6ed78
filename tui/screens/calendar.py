"""The Calendar (`A` anywhere, "Calendar" in the palette): a month's page of the plan's dates,
the same `uplift calendar` writes (tasks due, deals' expected close, goals' deadlines, training,
the cycle's own days; sales/calendar.py), a week a row from the config's `week_start:` (Monday by
default). Arrows move a day cursor (into the months beside),
PageUp/PageDown or `[` `]` change month, `t` is today, `m` only mine (again: everyone's); enter
lists the day's items, and enter on one jumps to it as the Today screen does."""

from __future__ import annotations

from datetime import date, timedelta

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from sales.calendar import Event
from sales.calendar_month import by_day, month_weeks, overdue
from sales.dates import months_later
from sales.errors import UpliftError
from sales.text import fit
from tui.calendar_text import cell_line, day_heading, day_number, list_line, month_heading, weekday_name
from tui.i18n import N_, _
from tui.keys import shown_key
from tui.screens.dialogs import help_key
from tui.user_text import plain, tell
from tui.widgets.footer import Footer

SEPARATOR = "│"  # between the days of a week


class MonthGrid(Widget):
    """The month's weeks, drawn as one text: a line of weekday names, then per week a line of
    day numbers and as many lines of items as the height leaves each week (`+3` where more are
    on a day than fit). Text objects throughout: the titles are never read as markup."""

    COMPONENT_CLASSES = {"calendar--weekday", "calendar--day", "calendar--other-month", "calendar--today",
                         "calendar--cursor", "calendar--overdue", "calendar--more"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.cursor = date.today()
        self.today = date.today()
        self.days: dict[date, list[Event]] = {}
        self.first_weekday = 0  # (0 Monday, 6 Sunday: the page's first column)

    def show(self, cursor: date, today: date, days: dict[date, list[Event]], first_weekday: int = 0) -> None:
        self.cursor, self.today, self.days, self.first_weekday = cursor, today, days, first_weekday
        self.refresh()

    def weeks(self) -> list[list[date]]:
        return month_weeks(self.cursor, self.first_weekday)

    def cell_width(self) -> int:
        return max(1, (self.size.width - (7 - 1)) // 7)

    def margin(self) -> int:
        """Cells left of the grid: the seven days are as wide as each other, and the cells that
        do not divide among them (up to six) go to the margins, half on each side (the last day
        took them all, wider than the rest)."""
        return max(0, self.size.width - (7 * self.cell_width() + 7 - 1)) // 2

    def week_lines(self) -> int:
        """Lines a week takes: its day numbers and at least one line of items."""
        return max(2, (self.size.height - 1) // len(self.weeks()))

    def day_at(self, x: int, y: int) -> date | None:
        """The day drawn at a point of the grid (a click), or None (the weekdays' line)."""
        weeks = self.weeks()
        x -= self.margin()
        row, column = (y - 1) // self.week_lines(), x // (self.cell_width() + 1)
        if y < 1 or x < 0 or row >= len(weeks) or column > 6:
            return None
        return weeks[row][column]

    def render(self) -> Text:
        width, per_week = self.cell_width(), self.week_lines()
        style = self.get_component_rich_style
        weeks = self.weeks()
        lines = [Text(SEPARATOR).join(Text(fit(" " + weekday_name(day.weekday()), width),
                                           style=style("calendar--weekday")) for day in weeks[0])]
        for week in weeks:
            rows = [Text(SEPARATOR).join(self._number(day, width) for day in week)]
            for slot in range(per_week - 1):
                rows.append(Text(SEPARATOR).join(self._item(day, slot, per_week - 1, width) for day in week))
            lines += rows
        left = Text(" " * self.margin())
        return Text("\n").join(left + line for line in lines)

    def _number(self, day: date, width: int) -> Text:
        style = self.get_component_rich_style
        name = ("calendar--cursor" if day == self.cursor else "calendar--today" if day == self.today else
                "calendar--day" if day.month == self.cursor.month else "calendar--other-month")
        return Text(day_number(day, self.today, width, day == self.cursor), style=style(name))

    def _item(self, day: date, slot: int, slots: int, width: int) -> Text:
        events_of_day = self.days.get(day, [])
        style = self.get_component_rich_style
        dim = Style(dim=True) if day.month != self.cursor.month else Style()
        if len(events_of_day) > slots and slot == slots - 1:  # the last line says how many more
            return Text(fit(f" +{len(events_of_day) - slot}", width), style=style("calendar--more") + dim)
        if slot >= len(events_of_day):
            return Text(" " * width)
        event = events_of_day[slot]
        late = overdue(event, self.today)
        return Text(" " + cell_line(event, late, width - 1), style=(style("calendar--overdue") if late else Style()) + dim)

    def on_click(self, event: events.Click) -> None:
        day = self.day_at(event.x, event.y)
        if day is not None:
            self.screen.move_to(day)


class CalendarScreen(ModalScreen[str | None]):
    """Returns the id of the item chosen in a day's list (enter, enter), or None (escape)."""

    DEFAULT_CLASSES = "dialog-screen"

    BINDINGS = [Binding("escape,q", "cancel", N_("Close"), id="calendar.close"),
                Binding("enter", "open_day", N_("Open day"), id="calendar.open"),
                Binding("pageup,left_square_bracket", "month(-1)", N_("Last month"), id="calendar.previous"),
                Binding("pagedown,right_square_bracket", "month(1)", N_("Next month"), id="calendar.next"),
                Binding("t", "today", N_("Today"), id="calendar.today"),
                Binding("m", "mine", N_("Mine"), id="calendar.mine"),
                Binding("left,h", "step(-1)", N_("Day before"), show=False, id="calendar.left"),
                Binding("right,l", "step(1)", N_("Day after"), show=False, id="calendar.right"),
                Binding("up,k", "step(-7)", N_("Week before"), show=False, id="calendar.up"),
                Binding("down,j", "step(7)", N_("Week after"), show=False, id="calendar.down"),
                help_key("calendar")]

    def __init__(self) -> None:
        super().__init__()
        self.mine = False
        self.cursor: date | None = None  # (today, once the board says which day that is)
        self.shown_today: date | None = None  # (a cursor on it moves to the next when midnight passes)
        self.days: dict[date, list[Event]] = {}
        self.first_weekday = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog calendar"):
            yield Static(id="calendar-title", classes="dialog-question")
            yield MonthGrid(id="calendar-grid")
        yield Footer()

    def on_mount(self) -> None:
        self.first_weekday = self.app.config.first_weekday()
        self.show()

    @property
    def today(self) -> date:
        return self.app.board.today()

    def who(self) -> str | None:
        return self.app.board.actor if self.mine else None

    def show(self) -> bool:
        """Read the dates afresh and draw the cursor's month (False: the board said why not)."""
        try:
            events_ = self.app.board.calendar_events(self.who())
            today = self.today
        except UpliftError as error:
            tell(self, error, "error")
            return False
        if self.cursor is None or self.cursor == self.shown_today:
            self.cursor = today
        self.shown_today = today
        self.days = by_day(events_)
        self.draw(today)
        return True

    def draw(self, today: date | None = None) -> None:
        today = today or self.today
        cursor = self.cursor or today
        count = sum(len(items) for day, items in self.days.items() if (day.year, day.month) == (cursor.year, cursor.month))
        self.query_one("#calendar-title", Static).update(plain(month_heading(cursor, self.who(), count)))
        self.query_one(MonthGrid).show(cursor, today, self.days, self.first_weekday)

    async def refresh_board(self) -> None:
        """Another process changed the board, or midnight passed: show the month as it is now
        (the cursor left on today on the new today)."""
        self.show()

    def move_to(self, day: date) -> None:
        self.cursor = day
        self.draw()

    def action_step(self, days: int) -> None:
        self.move_to((self.cursor or self.today) + timedelta(days=days))

    def action_month(self, months: int) -> None:
        self.move_to(months_later(self.cursor or self.today, months))

    def action_today(self) -> None:
        self.move_to(self.today)

    def action_mine(self) -> None:
        self.mine = not self.mine
        if not self.show():  # (someone not on the board has no dates of their own: still everyone's)
            self.mine = not self.mine

    def action_open_day(self) -> None:
        day = self.cursor or self.today
        items = self.days.get(day, [])
        if not items:
            tell(self, _("Nothing falls on {day}.").format(day=day.isoformat()))
            return
        self.app.push_screen(DayScreen(day, self.today, items, self.who()), lambda item: item and self.dismiss(item))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DayScreen(ModalScreen[str | None]):
    """A day's items, as `uplift calendar` names them: returns the chosen one's id (enter). It
    follows the board, as the month under it does: an item moved to the day by someone else
    comes in, one moved away or done goes (of `who`'s only, where the month shows only mine)."""

    DEFAULT_CLASSES = "dialog-screen"

    BINDINGS = [Binding("escape,q", "cancel", N_("Close"), id="calendar_day.close"), help_key("calendar_day")]

    def __init__(self, day: date, today: date, items: list[Event], who: str | None = None) -> None:
        super().__init__()
        self.day, self.today, self.items, self.who = day, today, items, who

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog today"):
            yield Static(plain(day_heading(self.day, self.today)), id="calendar-day-title", classes="dialog-question")
            yield OptionList(*self.options(), id="calendar-day-list")
            with Vertical(classes="dialog-foot"):
                yield Static(plain(_("enter jumps to the item · {close} closes").format(
                    close=shown_key(self, "calendar_day.close"))), classes="dialog-hint")
        yield Footer()

    def options(self) -> list[Option]:
        """A line per item (the cycle's days, which are no item, cannot be chosen); none: says so."""
        if not self.items:
            return [Option(plain(_("Nothing falls on {day}.").format(day=self.day.isoformat())), disabled=True)]
        return [Option(plain(list_line(event, overdue(event, self.today))), id=f"{n}:{event.item}",
                       disabled=not event.item) for n, event in enumerate(self.items)]

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = next((i for i, event in enumerate(self.items) if event.item), None)
        listing.focus()

    async def refresh_board(self) -> None:
        """Another process changed the board (or the day did: what is overdue and the heading's
        `(today)`): the day's items as they are now, the cursor kept on the item it was on (else
        at its place in the list)."""
        try:
            events_ = self.app.board.calendar_events(self.who)
            self.today = self.app.board.today()
        except UpliftError as error:
            tell(self, error, "error")
            return
        listing = self.query_one(OptionList)
        index = listing.highlighted
        was = self.items[index].item if index is not None and index < len(self.items) else None
        self.items = by_day(events_).get(self.day, [])
        self.query_one("#calendar-day-title", Static).update(plain(day_heading(self.day, self.today)))
        listing.set_options(self.options())
        choosable = [i for i, event in enumerate(self.items) if event.item]
        same = next((i for i in choosable if self.items[i].item == was), None) if was else None
        listing.highlighted = same if same is not None else next(
            (i for i in choosable if index is None or i >= index), choosable[-1] if choosable else None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((event.option.id or "").split(":", 1)[-1] or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
