"""The budget screen's `s`: the selected line's spending, and taking a spend back (a lead's, or
its author's), as `uplift budget show` and `budget unspend` do."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from textual.widgets import OptionList

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.budget import BudgetScreen
from tui.screens.dialogs import Confirm, Pick

SIZE = (120, 40)
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def spent(team):
    """B-1 (ali's) approved 1,000; ali spent 300 (E-1), then 250 (E-2) by mistake."""
    Board(team, actor="ali", clock=lambda: NOW).request_budget("Booth", 1000, task="T-1")
    Board(team, actor="dana", clock=lambda: NOW).approve_budget("B-1", "ok")
    ali = Board(team, actor="ali", clock=lambda: NOW)
    ali.record_spend("B-1", 300, date(2026, 11, 20), "deposit")
    ali.record_spend("B-1", 250, None, "typed on the wrong line")
    return team


async def open_spending(pilot, app: UpliftApp) -> None:
    await pilot.press("2", "b")
    await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, Pick))


def options(app: UpliftApp) -> list[str]:
    listing = app.screen.query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


@pytest.mark.parametrize("actor", ["dana", "ali"])
async def test_a_spend_typed_wrong_is_taken_back_from_the_budget_screen(spent, actor) -> None:
    app = UpliftApp(Board(spent, actor=actor, clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await open_spending(pilot, app)
        assert str(app.screen.query_one(".dialog-question").render()) == "Spending on B-1 (enter takes one back)"
        assert options(app) == ["E-1  2026-11-20  300  ali  deposit",
                                "E-2  2026-11-26  250  ali  typed on the wrong line"]
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert app.screen.question == "Take back E-2, 250 spent on B-1 on 2026-11-26?"
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen)
                    and "spent 300 ·" in str(app.screen.query_one("#budget-totals").render()))
    assert [e.id for e in Board(spent, actor="dana").spending()] == ["E-1"]


async def test_a_rep_may_not_take_back_someone_elses_spend(spent) -> None:
    app = UpliftApp(Board(spent, actor="bea", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await open_spending(pilot, app)
        await pilot.press("enter")
        await until(pilot, lambda: app._notifications)
        assert [n.message for n in app._notifications] == [
            "a rep may only change their own spending; this one is ali's"]
        assert not isinstance(app.screen, Confirm)
    assert len(Board(spent, actor="dana").spending()) == 2


async def test_the_spending_is_said_in_chinese(spent, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    app = UpliftApp(Board(spent, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await open_spending(pilot, app)
        assert str(app.screen.query_one(".dialog-question").render()) == "B-1 的支出（回车撤回所选一笔）"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert app.screen.question == "撤回 E-1（2026-11-20 在 B-1 上支出的 300）？"


async def test_a_line_with_nothing_spent_says_which_key_records_a_spend(team) -> None:
    Board(team, actor="dana", clock=lambda: NOW).request_budget("Booth", 1000, task="T-1")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await pilot.press("s")
        await until(pilot, lambda: app._notifications)
        assert [n.message for n in app._notifications] == ["Nothing spent on B-1 yet: press p to record a spend."]


async def test_e_reschedules_the_selected_training_item(team) -> None:
    from tui.screens.fields_form import FieldsForm

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_training("Objection handling", audience="all reps", on="2026-12-17")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        app.screen.query_one("#training-table").focus()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-on"))
        assert app.screen.query_one("#field-on").value == "2026-12-17"
        app.screen.query_one("#field-on").value = "2027-01-12"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
    item = Board(team, actor="dana").training_item("L-1")
    assert (str(item.on), item.audience, item.topic) == ("2027-01-12", "all reps", "Objection handling")


async def test_a_on_a_leads_own_request_says_the_rule_before_the_form(team) -> None:
    """Separation of duties: with another lead on the board, dana's `a` on her own request is
    refused at once (no reason typed for nothing); lee's opens the form."""
    from tui.screens.fields_form import FieldsForm

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_member("lee", "lead")
    lead.request_budget("Booth", 1000, task="T-1")
    for actor, opens in (("dana", False), ("lee", True)):
        app = UpliftApp(Board(team, actor=actor, clock=lambda: NOW))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("2", "b")
            await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, FieldsForm) is opens, actor
            said = [str(n.message) for n in app._notifications]
            assert any("separation of duties" in m for m in said) is not opens, said
            assert not app.screen.query("#form-note")  # (lee's is not lee's own request)
    assert Board(team, actor="dana").budget_line("B-1").status == "requested"
    Board(team, actor="dana").remove_member("lee")  # dana alone leads: her own, said in the form
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert "B-1 is your own request: you are the board's only lead" in str(
            app.screen.query_one("#form-note").render())


async def test_the_budget_screen_shows_this_cycles_lines_and_c_every_cycles(team) -> None:
    from textual.widgets import DataTable, Static

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.set_plan_info("Q3", "2026-07-01", "2026-09-30")
    lead.set_plan_budget(1200)
    lead.approve_budget(lead.request_budget("Booth", 1000, task="T-1").id, "ok")
    lead.record_spend("B-1", 400, date(2026, 9, 20))
    lead.request_budget("Flyers", 80, task="T-1")
    lead.set_plan_info("Q4", "2026-10-01", "2026-12-31")
    lead.approve_budget(lead.request_budget("Dinner", 300, task="T-2").id, "ok")
    lead.record_spend("B-1", 150, date(2026, 11, 20))  # the booth's last invoice, paid in Q4
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        said = str(app.screen.query_one("#budget-totals", Static).render())
        # Q4: B-3's 300 approved (Q3's 1,000 not held against Q4's budget); 150 spent in Q4
        assert said.startswith("plan budget 1,200 · approved 300 · spent 150 · waiting for a decision 0 · "
                               "900 left to approve · lines of the cycle 2026-10-01 to 2026-12-31 · "
                               "2 of other cycles not counted (c shows them)")
        table = app.screen.query_one("#budget-lines", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[:6] + row[8:9] for row in rows] == [
            ["B-3", "approved", "other", "300", "300", "0", "Dinner"],
            ["B-1", "approved", "other", "–", "–", "150", "2026-07-01–09-30 · Booth"]]  # Q3's, paid in Q4
        await pilot.press("c")
        said = str(app.screen.query_one("#budget-totals", Static).render())
        assert said.startswith("approved 1,300 · spent 550 · waiting for a decision 80 · every cycle's lines")
        assert [(table.get_row_at(i)[0].plain, table.get_row_at(i)[8].plain) for i in range(table.row_count)] == [
            ("B-1", "2026-07-01–09-30 · Booth"), ("B-2", "2026-07-01–09-30 · Flyers"), ("B-3", "Dinner")]


async def test_approving_a_request_left_from_the_last_cycle_says_where_it_counts(team) -> None:
    from tui.screens.fields_form import FieldsForm

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.set_plan_info("Q3", "2026-07-01", "2026-09-30")
    Board(team, actor="ali", clock=lambda: NOW).request_budget("Flyers", 80, task="T-1")
    lead.set_plan_info("Q4", "2026-10-01", "2026-12-31")
    app = UpliftApp(Board(team, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await pilot.press("c", "a")  # every cycle's lines: B-1, last cycle's, waiting
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert ("B-1 was requested in the cycle 2026-07-01 to 2026-09-30: its approval counts in that cycle's "
                "budget") in str(app.screen.query_one("#form-note").render())


async def test_a_spend_dated_before_the_cycle_is_said_to_be_left_out_of_it(spent) -> None:
    """The cycle began on 2026-11-23; `p` records on B-1 a deposit paid on 2026-11-20, before it:
    the budget's spent stays at this cycle's, and the notification says why."""
    Board(spent, actor="dana", clock=lambda: NOW).set_plan_info("Q", "2026-11-23", "2027-02-19")
    app = UpliftApp(Board(spent, actor="dana", clock=lambda: NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await pilot.press("p")
        await until(pilot, lambda: not isinstance(app.screen, BudgetScreen))
        await pilot.press(*"400", "tab", *"2026-11-20", "ctrl+s")
        await until(pilot, lambda: any(n.severity == "warning" for n in app._notifications))
        assert [n.message for n in app._notifications if n.severity == "warning"] == [
            "E-3 is dated 2026-11-20, before the cycle 2026-11-23 to 2027-02-19 begins: money counts in the cycle "
            "it was spent in, so this cycle's spending leaves it out (every cycle's: `uplift budget list --all`)"]
    assert [(e.id, e.amount) for e in Board(spent, actor="dana").spending()] == [("E-1", 300), ("E-3", 400), ("E-2", 250)]
