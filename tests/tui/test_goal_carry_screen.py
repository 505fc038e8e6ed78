"""A new cycle on the Goals screen: the line above the goals names the last cycle's goals waiting
to be carried on, and `o` on one carries it on (a form with its title, owner and target)."""

from __future__ import annotations

from datetime import datetime, timezone

from store.board import Board
from tests.tui.test_goals_screen import fill, open_goals, text_of
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.fields_form import FieldsForm

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def _last_quarter(path) -> Board:
    board = Board(path, actor="dana", clock=lambda: NOW)
    board.add_goal("Grow Q3 revenue to 150", metric="revenue", unit="$", baseline=100, target=150,
                   start="2026-07-01", deadline="2026-09-30", owner="ali")
    board.checkin("G-1", 130, on="2026-09-20")
    board.add_goal("Win 10 new customers", baseline=0, target=10, start="2026-07-01", deadline="2026-09-30")
    board.add_strategy("Target mid-market", goals=["G-1"])
    board.set_plan_info("North, Q4", start="2026-10-01", end="2026-12-31")
    return board


async def test_o_carries_the_selected_goal_on_into_the_plans_cycle(team) -> None:
    board = _last_quarter(team)
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_goals(pilot, app)
        assert "G-1, G-2 ended with the last cycle: o carries one on into this one" in text_of(app, "#goals-status")
        await pilot.press("o")  # G-1, the first row
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert app.screen.query_one("#field-title").value == "Grow Q3 revenue to 150"
        assert app.screen.query_one("#field-target").value == "150"
        await fill(pilot, app, title="Grow Q4 revenue to 170", target="170")
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
        status = text_of(app, "#goals-status")
        assert "G-2 ended with the last cycle: o carries it on into this one" in status
        # G-1, carried on, is its cycle's: the screen lists this cycle's goals and G-2, still waiting
        assert "1 goal of another cycle not shown (a shows every cycle's)" in status
        table = app.screen.query_one("#goals-table")
        assert [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)] == ["G-2", "G-3"]
        assert "carries G-1 on from the last cycle" in text_of(app, "#goal-summary")  # (G-3 selected, as saved)
        await pilot.press("o")  # G-3 is this cycle's: said at once, no form to fill in first
        await pilot.pause()
        assert not isinstance(app.screen, FieldsForm)
        assert any("G-3 is one of this cycle's goals already: e edits it" in str(n.message)
                   for n in app._notifications)
        await pilot.press("a")  # every cycle's: last quarter's G-1 readable in the app too
        await until(pilot, lambda: table.row_count == 3)
        assert "every cycle's goals (a: this cycle's only)" in text_of(app, "#goals-status")
        table.move_cursor(row=[table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(3)].index("G-1"))
        await until(pilot, lambda: "carried on into the next cycle as G-3" in text_of(app, "#goal-summary"))
        await pilot.press("a")
        await until(pilot, lambda: table.row_count == 2)
    new = board.goal("G-3")
    # from where G-1 ended (its check-in of 130), for the plan's days, served by G-1's strategy
    assert (new.title, new.baseline, new.target, new.owner, new.carried_from) == \
        ("Grow Q4 revenue to 170", 130, 170, "ali", "G-1")
    assert (str(new.start), str(new.deadline)) == ("2026-10-01", "2026-12-31")
    assert board.strategy("S-1").goals == ["G-1", "G-3"]


async def test_a_rep_is_not_offered_the_carrying(team) -> None:
    _last_quarter(team)
    app = UpliftApp(Board(team, actor="ali", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_goals(pilot, app)
        assert "ended with the last cycle" not in text_of(app, "#goals-status")


async def test_the_cycle_at_a_glance_names_the_goals_waiting_and_the_keys_that_carry_one_on(team) -> None:
    from textual.widgets import OptionList

    from tui.screens.cycle import CycleScreen

    _last_quarter(team)
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        listing = app.screen.query_one(OptionList)
        goals = str(listing.get_option_at_index(1).prompt)
        assert "  the last cycle's goals not carried on: G-1, G-2 (carry one on: 2, then o; or `uplift goal carry" in goals
