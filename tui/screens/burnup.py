"""The burn-up (key b on the task board): the plan's tasks and those done, day by day over the
cycle, against an even pace, and when the open ones will be done at the recent pace
(sales/burnup.py). m shows only your tasks (again: everyone's)."""

from __future__ import annotations

import math
from contextlib import nullcontext
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static
from textual_plotext import PlotextPlot

from sales.burnup import BurnUp
from sales.errors import UpliftError
from tui.burnup_text import summary, title
from tui.chart_labels import label_step
from tui.i18n import N_, _
from tui.keys import shown_key
from tui.screens.dialogs import help_key
from tui.user_text import plain, tell
from tui.widgets.footer import Footer


#: Each line is drawn with a mark of its own, so that the lines are told apart without colour
#: (NO_COLOR, a monochrome terminal, a colour-blind reader): the tasks a thin braille line, those
#: done a line of blocks, the even pace a line of dots; the legend shows each mark.
MARKERS = ("braille", "hd", "dot")
SAMPLES = ("⠒⠒", "▄▄", "••")


class BurnUpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", N_("Close"), id="burnup.close"),
                Binding("m", "mine", N_("Mine"), id="burnup.mine"),
                Binding("c", "pick_cycle", N_("Cycles"), id="burnup.cycles"), help_key("burnup")]

    def __init__(self) -> None:
        super().__init__()
        self.mine = False
        self.cycle: tuple[date, date] | None = None  # an earlier cycle's (c), else the plan's now

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog forecast burnup"):
            yield Static(id="burnup-title", classes="dialog-question")
            yield PlotextPlot(id="burnup-chart")
            yield Static(id="burnup-legend")
            yield Static(id="burnup-summary")
            yield Static(plain(_("{mine} only my tasks (again: everyone's) · {close} closes").format(
                mine=shown_key(self, "burnup.mine"), close=shown_key(self, "burnup.close"))), classes="dialog-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    async def refresh_board(self) -> None:
        """A task done by someone else while the chart is open (over SSH, a script) shows, as the
        board beneath shows it (the app's poll)."""
        self.show()

    def on_resize(self) -> None:
        """The week labels are spaced for the width (see draw)."""
        self.show()

    def action_mine(self) -> None:
        self.mine = not self.mine
        self.show()

    def action_pick_cycle(self) -> None:
        """An earlier cycle's burn-up, as it ended (after the turn, last quarter's is still there)."""
        from tui.cycle_choices import pick_cycle

        pick_cycle(self, _("Which cycle's burn-up?"))

    def show(self) -> None:
        board = self.app.board
        try:
            with board.reading_cycle(*self.cycle) if self.cycle else nullcontext():
                result = board.burn_up(board.actor if self.mine else None)
        except UpliftError as error:
            tell(self, error, "error")
            return
        self.query_one("#burnup-title", Static).update(plain(title(result)))
        self.query_one("#burnup-summary", Static).update(plain("\n".join(summary(result))))
        self.draw(result)

    def line_colours(self) -> list[tuple[int, int, int]]:
        """The three lines' colours, from the theme (plotext is given them as RGB): the tasks in
        the primary colour, those done in the success colour, the even pace in the warning one,
        each in the theme's shade of it for text (Textual's light themes' warning was 1.4:1)."""
        colours = self.app.theme_variables
        return [Color.parse(colours.get(f"text-{name}") or "white").rgb for name in ("primary", "success", "warning")]

    def draw(self, result: BurnUp) -> None:
        """The chart; its legend is a line of its own under it (plotext counts a CJK character as
        one cell, so a Chinese legend drawn inside the chart would shift its lines)."""
        chart = self.query_one("#burnup-chart", PlotextPlot)
        plt = chart.plt
        plt.clear_data()
        plt.clear_figure()
        colours = self.line_colours()
        names = [_("Tasks"), _("Done")] + ([_("Even pace")] if result.cycle else [])
        xs = list(range(1, len(result.days) + 1))
        series = [[d.scope for d in result.days], [d.done for d in result.days],
                  [result.even_pace(d) for d in result.days]]
        for values, colour, marker in zip(series, colours, MARKERS):
            plt.plot(xs, values, marker=marker, color=colour)
        length = (result.end - result.start).days + 1
        plt.xlim(1, length)  # the days left show as room to go
        top = max([d.scope for d in result.days] + [1])
        step = -(-top // 5)  # whole tasks on the axis, five steps or so
        plt.ylim(0, top)
        plt.yticks(list(range(0, top + 1, step)))
        # a label a week, or every other week or more where the weeks' labels would not fit
        every = label_step(math.ceil(length / 7), len("12-31"), min(self.app.size.width, 150) - 12)
        weeks = list(range(1, length + 1, 7 * every))
        plt.xticks(weeks, [(result.start + timedelta(days=x - 1)).strftime("%m-%d") for x in weeks])
        chart.refresh()
        legend = Content("   ").join(Content.assemble((sample + " ", f"rgb({r},{g},{b})"), name)
                                      for (r, g, b), sample, name in zip(colours, SAMPLES, names))
        self.query_one("#burnup-legend", Static).update(legend)
