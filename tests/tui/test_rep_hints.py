"""What a screen tells a rep to press is a key a rep may use: a lead's key (link a strategy, add
or tick a training item) only says the rule to a rep, so the screen says who does it instead, as
the Goals screen's empty table and the team screen already did."""

from __future__ import annotations

from textual.widgets import Static

from store.board import Board
from tests.tui.test_goals_screen import app_for, open_budget, open_goals, text_of
from tests.tui.waiting import until

SIZE = (120, 40)


async def test_a_rep_is_told_a_lead_links_strategies(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_goal("Grow revenue")  # G-1
    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await until(pilot, lambda: "strategy" in text_of(app, "#goal-strategies"))
        assert text_of(app, "#goal-strategies") == "No strategy serves this goal yet (a lead links one)."
        lead.add_strategy("Mid-market", goals=["G-1"])  # S-1, from another session
        await until(pilot, lambda: "S-1" in text_of(app, "#goal-strategies"))
        assert text_of(app, "#goal-strategies").splitlines()[0] == "Strategies"


async def test_a_lead_is_told_the_keys(team) -> None:
    Board(team, actor="dana").add_goal("Grow revenue")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await until(pilot, lambda: "strategy" in text_of(app, "#goal-strategies"))
        assert text_of(app, "#goal-strategies") == "No strategy serves this goal yet: press s."


async def test_a_rep_is_told_a_lead_adds_and_ticks_training(team) -> None:
    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await open_budget(pilot, app)
        await pilot.pause()
        heading = app.screen.query_one("#training-heading", Static)
        await until(pilot, lambda: str(heading.content) == "Training: none yet (a lead adds them)")
        Board(team, actor="dana").add_training("Objection handling")  # another session
        await until(pilot, lambda: str(heading.content) == "Training")
