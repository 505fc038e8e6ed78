"""Closing a goal on the Goals screen: `x` opens a form with the outcome its numbers say, a final
value and a closing note; the table and the detail then read its outcome, not a pace; `c` on it
says it is closed; `x` again asks to reopen it."""

from __future__ import annotations

from datetime import datetime, timezone

from store.board import Board
from tests.tui.test_goals_screen import fill, open_goals, text_of
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.dialogs import Confirm
from tui.screens.fields_form import FieldsForm

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def _quarter(path) -> Board:
    board = Board(path, actor="dana", clock=lambda: NOW)
    board.set_plan_info("North, Q4", start="2026-10-01", end="2026-12-31")
    board.add_goal("Grow revenue to 150", metric="revenue", unit="$", baseline=100, target=150,
                   start="2026-10-01", deadline="2026-11-20", owner="ali")
    board.checkin("G-1", 130, on="2026-11-15")
    return board


def _cell(app, row: int, column: str) -> str:
    table = app.screen.query_one("#goals-table")
    return str(table.get_cell(table.coordinate_to_cell_key((row, 0)).row_key, column))


async def test_x_closes_the_goal_with_its_outcome_and_the_screen_reads_it_closed(team) -> None:
    board = _quarter(team)
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_goals(pilot, app)
        assert "G-1 “Grow revenue to 150” has no strategy" in text_of(app, "#goals-status")
        # its deadline passed: where it ended, not "100% expected by now"
        assert _cell(app, 0, "Expected") == "ended"
        assert "ended 2026-11-20 at 60% of the way from baseline to target; x closes it" in text_of(app, "#goal-pace")
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert app.screen.query_one("#field-outcome").value == "partly"  # 130 of 100 → 150
        await fill(pilot, app, note="Two deals slipped into December")
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
        await until(pilot, lambda: _cell(app, 0, "Expected") == "partly achieved")
        # closed, it is over: the line above the goals no longer asks for a strategy for it
        await until(pilot, lambda: "G-1 “Grow revenue to 150” has no strategy" not in text_of(app, "#goals-status"))
        pace = text_of(app, "#goal-pace")
        assert "partly achieved, closed 2026-11-26 by dana: ended at $130, 60% of the way" in pace
        assert "Closing note: Two deals slipped into December" in pace and "x reopens it" in pace
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsForm)
        assert any("G-1 is closed (partly achieved): it takes no more check-ins; x reopens it" in str(n.message)
                   for n in app._notifications)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: _cell(app, 0, "Expected") == "ended")
    assert board.goal("G-1").closed is None


async def test_a_rep_may_close_their_own_goal_but_the_form_offers_no_drop_to_save(team) -> None:
    _quarter(team)
    app = UpliftApp(Board(team, actor="ali", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        app.screen.query_one("#field-outcome").value = "dropped"
        await fill(pilot, app, value="140")
        assert isinstance(app.screen, FieldsForm)  # refused, said on the form
        app.screen.query_one("#field-outcome").value = "achieved"
        await fill(pilot, app, value="140")
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
    closed = Board(team, actor="dana", clock=lambda: NOW).goal("G-1").closed
    assert (closed.outcome, closed.value, closed.by) == ("achieved", 140, "ali")


async def test_at_a_new_cycles_start_the_screen_says_x_closes_a_goal_of_the_last_one(team) -> None:
    board = _quarter(team)
    board.set_plan_info("North, Q1", start="2027-01-04", end="2027-03-31")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_goals(pilot, app)
        assert ("G-1 ended with the last cycle: o carries it on into this one, x closes it with how it ended"
                in text_of(app, "#goals-status"))
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        await fill(pilot, app)
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
        await until(pilot, lambda: "ended with the last cycle" not in text_of(app, "#goals-status"))
    assert board.goal("G-1").closed.outcome == "partly" and board.not_carried() == []


async def test_the_alerts_screen_asks_to_close_an_ended_goal_and_enter_opens_it_on_goals(team) -> None:
    from tests.tui.test_screen_sizes import shown_text
    from textual.widgets import OptionList

    from tui.screens.alerts import AlertsScreen

    _quarter(team)
    app = UpliftApp(Board(team, actor="ali", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "exclamation_mark")
        await until(pilot, lambda: isinstance(app.screen, AlertsScreen) and app.screen.alerts)
        assert [(a.kind, a.item) for a in app.screen.alerts] == [("ended", "G-1")]
        shown = " ".join(shown_text(app.screen.query_one(OptionList)).split())
        assert "Goal ended, not closed · G-1" in shown and "behind its pace" not in shown
        assert "G-1 ended 2026-11-20 at 60% of the way from baseline to target and is not closed yet" in shown
        await pilot.press("enter")
        await until(pilot, lambda: app.current_mode == "goals" and not isinstance(app.screen, AlertsScreen))


async def test_a_closed_contributor_reads_closed_in_its_parents_detail(team) -> None:
    board = _quarter(team)
    board.add_goal("Team revenue", metric="revenue", unit="$", baseline=0, target=400,
                   start="2026-10-01", deadline="2026-12-31")
    board.update_goal("G-1", parent="G-2")
    board.close_goal("G-1", outcome="missed")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("down")
        await until(pilot, lambda: "contributing: G-1" in text_of(app, "#goal-summary"))
        assert "closed, missed)" in text_of(app, "#goal-summary")


async def test_the_close_forms_footer_says_its_save_key_closes_the_goal(team) -> None:
    """The form's button said "Close goal (^s)" and its footer "^s Save": the footer says what the
    key does, as the button does; a form that only saves still says Save."""
    from tui.widgets.footer import Footer

    _quarter(team)
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        footer = app.screen.query_one(Footer)
        await until(pilot, lambda: [item.description for item in footer.keys][:1] == ["Close goal"])
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, FieldsForm))
        await pilot.press("c")  # a check-in's form: Save
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        footer = app.screen.query_one(Footer)
        await until(pilot, lambda: [item.description for item in footer.keys][:1] == ["Save"])
