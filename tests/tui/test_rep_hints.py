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


async def test_a_rep_reads_the_gap_analysis_with_no_box_to_type_an_answer_into(team) -> None:
    """A lead answers the questions: a rep tabbed into the answer box, typed an answer, and was
    refused only at enter. The tab says who answers, and has no box for a rep."""
    from textual.widgets import Input

    from tests.conftest import snapshot_files
    from tui.screens.review import ReviewScreen

    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.is_mounted)
        app.screen.query_one("#review-tabs").active = "tab-review-gaps"
        await pilot.pause()
        assert text_of(app, "#review-answer-help") == "A lead answers these questions."
        assert not app.screen.query_one("#review-answer", Input).display
        before = snapshot_files(team)
        await pilot.press("tab", "tab", *"Prices rose", "enter")
        await pilot.pause()
        assert snapshot_files(team) == before
        app.screen.query_one("#review-tabs").active = "tab-review-strategies"
        await pilot.pause()
        assert " ".join(text_of(app, "#review-strategies-empty").split()) == (
            "No strategies yet: a lead adds them on Goals (key 2); then each deal names the strategy that "
            "brought it, or its tasks the deals they work on.")


async def test_a_lead_is_offered_the_answer_box(team) -> None:
    from textual.widgets import Input

    from tui.screens.review import ReviewScreen

    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.is_mounted)
        assert text_of(app, "#review-answer-help") == "Select a question (enter), type the answer, enter to save."
        assert app.screen.query_one("#review-answer", Input).display


async def test_a_task_s_steps_say_space_ticks_one_to_whoever_may_tick_them(team) -> None:
    """Another rep's task showed `Steps (space ticks one)` to a rep whose space only said the rule."""
    from tui.screens.task_detail import TaskDetail

    lead = Board(team, actor="dana")
    lead.update_task("T-1", steps=[{"text": "Send the quote"}])  # ali's
    lead.update_task("T-2", steps=[{"text": "Book the room"}])  # bea's
    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for task_id, said in (("T-1", "Steps (space ticks one)"), ("T-2", "Steps")):
            app.push_screen(TaskDetail(Board(team, actor="ali").task(task_id)))
            await until(pilot, lambda: isinstance(app.screen, TaskDetail) and app.screen.is_mounted)
            await until(pilot, lambda: text_of(app, "#detail-steps-label") == said)
            app.pop_screen()
            await pilot.pause()


async def test_a_rep_on_a_board_without_goals_is_told_who_adds_them(team) -> None:
    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("c")
        await until(pilot, lambda: app._notifications)
        assert [n.message for n in app._notifications] == ["No goal selected (a lead adds goals)."]
