"""The footer offers a rep only the keys whose change a rep may make: a lead's keys (delete a
task, add or change goals and strategies, approve or pay payouts, decide on budget lines,
training items) are left out for a rep, as Pipedrive hides what a role cannot do. Pressed, such a
key still says the rule at once, and `?` still lists it."""

from __future__ import annotations

import pytest

from store.board import Board
from tests.tui.waiting import until
from textual.widgets import DataTable

from tui.app import UpliftApp
from tui.screens.budget import BudgetScreen
from tui.screens.help import Help
from tui.widgets.footer import Footer

SIZE = (200, 40)  # wide enough for every key of every screen: none is left out for lack of room
LEADS = {"3": {"delete"}, "2": {"new", "edit", "delete", "strategy"}, "5": {"approve", "approve_all", "mark_paid"}}
EVERYONE = {"3": {"new", "edit", "details", "filter"}, "2": {"checkin", "budget"}, "5": set()}


def offered(app: UpliftApp) -> set[str]:
    return {key.action for key in app.screen.query_one(Footer).keys}


@pytest.mark.parametrize("mode", ["3", "2", "5"])
@pytest.mark.parametrize("actor", ["ali", "dana"])
async def test_a_leads_keys_are_offered_to_leads_only(team, mode, actor) -> None:
    app = UpliftApp(Board(team, actor=actor))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(mode)
        if mode == "5":  # (the payout keys are offered on the Payouts tab only)
            await until(pilot, lambda: app.current_mode == "review")
            await pilot.press("right_square_bracket", "right_square_bracket")
            await until(pilot, lambda: app.screen.query_one("#review-tabs").active == "tab-review-payouts")
        await until(pilot, lambda: app.screen.query_one(Footer).keys and EVERYONE[mode] <= offered(app)
                    and app.current_mode == {"3": "plan", "2": "goals", "5": "review"}[mode])
        assert offered(app) & LEADS[mode] == (set() if actor == "ali" else LEADS[mode])


async def test_on_the_budget_a_rep_is_offered_request_and_spend(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen) and app.screen.query_one(Footer).keys)
        assert {"request", "spend"} <= offered(app)
        assert not offered(app) & {"approve", "reject", "training", "training_done", "training_delete"}


async def test_a_key_left_out_still_says_the_rule_and_help_lists_it(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one(Footer).keys)
        assert "delete" not in offered(app)
        await pilot.press("d")
        await until(pilot, lambda: app._notifications)
        assert [n.message for n in app._notifications] == ["only a lead may delete tasks (you are a rep)"]
        assert Board(team, actor="dana").task("T-1").title == "Call Acme"
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, Help))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert any("board.delete" in map(str, table.get_row_at(i)) for i in range(table.row_count))


@pytest.mark.parametrize(("actor", "said"), [
    ("ali", "No goals yet: a lead sets them; your check-ins go on them once they are here."),
    ("dana", "No goals yet. Press n to set the first one (or run `uplift demo` to see a sample quarter)."),
])
async def test_goals_with_none_tell_a_rep_who_sets_them_not_a_key_they_may_not_use(team, actor, said) -> None:
    app = UpliftApp(Board(team, actor=actor))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.current_mode == "goals"
                    and str(app.screen.query_one("#goals-status").render()).strip())
        assert str(app.screen.query_one("#goals-status").render()).strip() == said


@pytest.mark.parametrize(("actor", "said"), [
    ("ali", "S-1 serves no goal"),
    ("dana", "S-1 serves no goal (S edits it, D deletes it)"),
])
async def test_a_strategy_serving_no_goal_names_the_keys_to_a_lead_only(team, actor, said) -> None:
    lead = Board(team, actor="dana")
    lead.add_goal("Revenue", metric="revenue", baseline=100, target=120)
    lead.add_strategy("Loose end")
    app = UpliftApp(Board(team, actor=actor))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: app.current_mode == "goals"
                    and "serves no goal" in str(app.screen.query_one("#goals-status").render()))
        status = str(app.screen.query_one("#goals-status").render())
        assert status.endswith(said)


@pytest.mark.parametrize("actor", ["ali", "dana"])
async def test_the_weekly_review_offers_its_tick_to_leads_only(team, actor) -> None:
    from tui.screens.weekly_review import WeeklyReviewScreen

    app = UpliftApp(Board(team, actor=actor))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "w")
        await until(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen) and app.screen.query_one(Footer).keys)
        await pilot.pause()
        assert ("tick" in offered(app)) == (actor == "dana")
        assert "dismiss" in offered(app)
        from textual.widgets import Static

        hint = str(app.screen.query_one(".dialog-hint", Static).render())
        assert hint.startswith("enter/space tick · ") == (actor == "dana")  # the hint line alike
        assert hint.endswith("tab the pipeline, enter its biggest deal · esc close")


@pytest.mark.parametrize("lang, key", [("en", "c Cycles"), ("zh", "c 各周期")])
@pytest.mark.parametrize("actor", ["dana", "ali"])
async def test_the_budgets_cycles_key_is_in_the_footer_at_80_columns(team, monkeypatch, lang, key, actor) -> None:
    """`c` (every cycle's lines) was the budget's last key, the first the footer left out."""
    monkeypatch.setenv("UPLIFT_LANG", lang)
    app = UpliftApp(Board(team, actor=actor))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await pilot.pause()
        assert key in app.screen.query_one(Footer).render_line(0).text
