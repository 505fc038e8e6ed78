"""The review screen (key 5): goals, a gap-analysis answer typed in, a payout, the checklist."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib.resources import files

import pytest
from textual.widgets import DataTable, Input, Select

from store.board import Board
from store.plan_yaml import parse_plan_text
from tests.conftest import fix_now
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.fields_form import FieldsForm
from tui.screens.review import ReviewScreen

SIZE = (140, 45)


@pytest.fixture(autouse=True)
def in_the_sample_cycle(monkeypatch) -> None:
    """Every board here reads a day in the sample's cycle (2026-10-01 to 2026-12-31), whatever day
    the tests run on: a deal won after the cycle would change no statement of it."""
    fix_now(monkeypatch, datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc))


def sample_quarter(board_path) -> Board:
    """The sample quarter's plan on a new board, as its lead dana."""
    lead = Board(board_path, actor="dana")
    lead.import_plan(parse_plan_text(files("plans").joinpath("sample-quarter.yaml").read_bytes()).document)
    return lead


def cells(app, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def show_tab(app, pilot, tab_id: str) -> None:
    """The review screen's tab `tab_id` brought up as a person does (`]`, from any focus), and in
    view. Setting the tabs' `active` instead, with the focus inside the tab shown, was turned back
    by Textual (the focus, hidden, went to the next box, in that same tab) some of the time."""
    tabs = app.screen.query_one("#review-tabs")
    for _step in range(tabs.tab_count):
        if tabs.active == tab_id:
            break
        before = tabs.active
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: tabs.active != before)
    pane = app.screen.query_one(f"#{tab_id}")
    await until(pilot, lambda: tabs.active == tab_id and pane.region.width > 0)


async def open_statement(app, pilot, rep: str) -> None:
    """The review screen (5), its Payouts tab, `rep`'s statement picked and focused."""
    await pilot.press("5")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
    await show_tab(app, pilot, "tab-review-payouts")
    select = app.screen.query_one("#review-rep", Select)
    select.value = rep
    statement = app.screen.query_one("#review-statement", DataTable)
    await until(pilot, lambda: statement.row_count and select.value == rep)
    await pilot.pause()  # (the Select's change, handled: the rep's statement shown)
    statement.focus()
    await until(pilot, lambda: app.focused is statement)


async def test_review_tabs_answer_and_tick(board_path) -> None:
    """Each step waits for what it looks at (a screen pushed, a tab's table filled, a handler's
    write), not for one fixed pause: on a loaded machine a pause was sometimes not enough."""
    lead = sample_quarter(board_path)
    lead.answer_question(2, "[ @click=app.quit]x")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and cells(app, "#review-goals"))
        goals = cells(app, "#review-goals")
        # the sample's G-1: from $1.2M to $1.38M; C-5 says $1,262,000: 1,262,000 / 1,380,000 = 91.4%
        assert [row[:6] for row in goals][0] == ["G-1", "$1,200,000", "$1,380,000", "$1,262,000", "91.4%", "$118,000"]
        questions = cells(app, "#review-questions")
        assert questions[1][2] == "[ @click=app.quit]x"  # shown literally
        await show_tab(app, pilot, "tab-review-gaps")
        table = app.screen.query_one("#review-questions", DataTable)
        await until(pilot, lambda: table.region.width > 0)  # (the tab shown)
        table.focus()
        table.move_cursor(row=3)
        await until(pilot, lambda: app.focused is table and table.cursor_row == 3)
        await pilot.press("enter")
        box = app.screen.query_one("#review-answer", Input)
        await until(pilot, lambda: app.focused is box)
        box.value = "No, but the bundle came late"
        await pilot.press("enter")
        # the answer saved and shown, and the focus back on the questions, on the next one (the
        # handler's last step: a tab changed before it was turned back to this one by that focus)
        await until(pilot, lambda: cells(app, "#review-questions")[3][2] == "No, but the bundle came late"
                    and app.focused is table and table.cursor_row == 4)
        assert lead.answers_by_question()[3][1].answer == "No, but the bundle came late"

        await show_tab(app, pilot, "tab-review-payouts")
        app.screen.query_one("#review-rep", Select).value = "bea"
        await until(pilot, lambda: ["tier 50–100%: 5% of 25,000 = 1,250.00", "1,250.00"]
                    in cells(app, "#review-statement"))
        lines = cells(app, "#review-statement")
        assert lines[-2] == ["recognition: A place at the negotiation masterclass", ""]
        assert lines[-1] == ["not approved yet (a lead: a on this tab)", ""]
        statement = app.screen.query_one("#review-statement", DataTable)
        statement.focus()
        await until(pilot, lambda: app.focused is statement)
        await pilot.press("a")  # approve bea's statement, after saying what
        await until(pilot, lambda: app.screen.query(".dialog-question"))
        assert "Approve bea's payout statement of 3,430.00 for the cycle?" in str(
            app.screen.query_one(".dialog-question").render())
        # 4 December, the cycle runs to 31 December: said before the approval, as the command line says it
        assert ("The cycle runs to 2026-12-31: approved as it stands today; a deal that moves later changes it, "
                "and it shows as changed since.") in str(app.screen.query_one(".dialog-question").render())
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and cells(app, "#review-statement")[-1][0].startswith("approved by dana on "))
        assert cells(app, "#review-statement")[-1][0].endswith("(P-1): 3,430.00; not paid yet")
        assert [(a.id, a.rep, a.total) for a in lead.approvals()] == [("P-1", "bea", 3430)]
        await pilot.press("p")  # payroll has paid it: a form asks for its reference
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query(".dialog-question"))
        assert "Mark bea's approved statement P-1 paid (3,430.00 to pay)?" in str(
            app.screen.query_one(".dialog-question").render())
        assert not app.screen.query("#form-note")  # nothing changed since the approval
        await until(pilot, lambda: isinstance(app.focused, Input))  # (the reference's box)
        await pilot.press(*"run 12")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and "; paid on " in cells(app, "#review-statement")[-1][0])
        assert cells(app, "#review-statement")[-1][0].endswith("(run 12)")
        assert (lead.approvals()[0].paid_by, lead.approvals()[0].paid_ref) == ("dana", "run 12")

        assert [row[1] for row in cells(app, "#review-leaderboard")] == ["bea", "chen", "ali", "dev", "emma"]

        await show_tab(app, pilot, "tab-review-checklist")
        checklist = app.screen.query_one("#review-checklist", DataTable)
        await until(pilot, lambda: checklist.region.width > 0 and checklist.row_count)
        checklist.focus()
        await until(pilot, lambda: app.focused is checklist)
        await pilot.press("enter")
        await until(pilot, lambda: cells(app, "#review-checklist")[0][0] == "[x]")
        assert cells(app, "#review-checklist")[0][:2] == ["[x]", "Put target and actual side by side for every goal"]
        assert lead.checklist("review")[0][1].by == "dana"


async def test_marking_paid_a_statement_changed_since_its_approval_says_so(board_path) -> None:
    """A deal won after the approval: the form says what was approved against what the statement
    says now, before the lead records payroll's payment (of what was approved)."""
    lead = sample_quarter(board_path)
    lead.approve_payouts("bea")
    won = next(s.name for s in lead.stages() if s.outcome == "won")
    open_stages = {s.name for s in lead.stages() if s.outcome == "open"}
    deal = next(d for d in lead.deals() if d.owner == "bea" and d.stage in open_stages)
    lead.move_deal(deal.id, won)
    statement = lead.payouts("bea")[0]
    assert statement.total != statement.approval.total
    change = statement.total - statement.approval.total
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "bea")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        note = str(app.screen.query_one("#form-note").render())
        assert (f"The statement has CHANGED since P-1 was approved: 3,430.00 approved, "
                f"{statement.total:,.2f} now (+{change:,.2f})") in note
        assert "approve it again (a) for the difference" in note
        assert "Mark paid (^s)" in str(app.screen.query_one("#save").render())
        await pilot.press("ctrl+s")  # no reference: optional
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
    approval = Board(board_path, actor="dana").approvals()[0]
    assert approval.paid_at is not None and approval.paid_ref == ""


async def test_a_rep_is_told_at_once_that_payouts_are_a_leads(board_path) -> None:
    """A rep's a or p on a statement is refused before any question (no yes/no, no form)."""
    from tui.screens.dialogs import Confirm

    lead = sample_quarter(board_path)
    lead.approve_payouts("ali")
    app = UpliftApp(Board(board_path, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "ali")
        for key, words in (("a", "approve payout statements"), ("p", "mark payouts paid")):
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, (Confirm, FieldsForm)), key
            assert any(f"only a lead may {words}" in str(n.message) for n in app._notifications), key
    assert Board(board_path, actor="dana").approvals()[0].paid_at is None


async def test_empty_tabs_say_what_fills_them(board_path) -> None:
    """A new board: the Goals, Payouts and Leaderboard tabs say why they are empty and what to
    do, rather than show bare headings; once there is a goal and a rep, the hints go."""
    from textual.widgets import Static

    def shown(hint: str) -> bool:
        return app.screen.query_one(f"#{hint}", Static).display

    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and shown("review-goals-empty"))
        assert "set them on Goals (key 2)" in str(app.screen.query_one("#review-goals-empty", Static).render())
        for tab, hint in (("tab-review-payouts", "review-statement-empty"),
                          ("tab-review-leaders", "review-leaderboard-empty")):
            await show_tab(app, pilot, tab)
            hint_widget = app.screen.query_one(f"#{hint}", Static)
            await until(pilot, lambda: hint_widget.region.height > 0)  # in view, not under the table
            assert shown(hint) and "uplift member add NAME --role rep" in str(hint_widget.render())
        lead = Board(board_path, actor="dana")
        lead.add_member("dana", "lead")
        lead.add_member("ali", "rep")
        lead.add_goal("Grow revenue", metric="revenue", baseline=100, target=120, owner="dana")
        await app.screen.refresh_board()
        await pilot.pause()
        assert not shown("review-goals-empty") and not shown("review-statement-empty")
        assert not shown("review-leaderboard-empty")


async def test_a_rep_picking_a_question_is_told_at_once_that_answers_are_a_leads(board_path) -> None:
    """Enter on a gap-analysis question: a rep is told the rule then, the answer box is not
    handed to them to type into and be refused on enter; a lead gets the box."""
    sample_quarter(board_path)
    for actor, may in (("ali", False), ("dana", True)):
        app = UpliftApp(Board(board_path, actor=actor))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("5")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
            await show_tab(app, pilot, "tab-review-gaps")
            questions = app.screen.query_one("#review-questions", DataTable)
            questions.focus()
            await until(pilot, lambda: app.focused is questions)
            await pilot.press("enter")
            box = app.screen.query_one("#review-answer", Input)
            told = lambda: any("only a lead may add review answers" in str(n.message)  # noqa: E731
                               for n in app._notifications)
            await until(pilot, lambda: app.focused is box or told())
            assert (app.focused is box) is may, actor
            assert told() is not may, actor


async def test_the_payouts_tab_says_what_is_held_until_customers_pay(board_path) -> None:
    """The sample's I-1 released as customers pay; chen's D-8 (40,000) half paid. chen: quota
    45,000, won 40,000: 5% of the 17,500 above 50% = 875.00 earned, 437.50 payable, 437.50 held."""
    import msgspec

    lead = sample_quarter(board_path)
    lead.save_incentive_plan({**msgspec.to_builtins(lead.incentive_plan("I-1")), "release": "paid"})
    lead.record_payment("D-8", 20_000)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "chen")
        shown = cells(app, "#review-statement")
        assert ["D-8: commission 875.00 earned; customer paid 20,000 of 40,000 (50%): 437.50 payable, "
                "437.50 held until paid", "-437.50"] in shown
        assert ["released as customers pay: earned 875.00; payable 437.50; held 437.50 until customers pay",
                ""] in shown
        assert ["total payable now = 437.50", "437.50"] in shown


async def test_the_payouts_tab_shows_the_team_and_approves_everyone_waiting_with_its_keys(board_path) -> None:
    """The payout keys are in the footer on the Payouts tab only (at 80 columns they crowded the
    other tabs' keys out); the tab opens on the team at a glance, enter on a rep shows their
    statement, and A approves every statement waiting after one question, as `uplift payout approve`."""
    from tui.screens.dialogs import Confirm
    from tui.widgets.footer import Footer

    lead = sample_quarter(board_path)
    lead.hold_payout("ali", "Disputed split")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        footer = app.screen.query_one(Footer)
        await until(pilot, lambda: any(item.description == "Another cycle" for item in footer.keys))
        assert not {"Approve payout", "Approve all", "Mark paid"} & {item.description for item in footer.keys}
        await pilot.press("a")  # not offered here: nothing asked
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        await show_tab(app, pilot, "tab-review-payouts")
        await until(pilot, lambda: any(item.description == "Approve all" for item in footer.keys))
        team = {row[0]: row[1:] for row in cells(app, "#review-team")}
        assert team["ali"][1] == "on hold" and team["bea"][1] == "to approve"
        waiting = sorted(rep for rep, row in team.items() if row[1] == "to approve")
        table = app.screen.query_one("#review-team", DataTable)
        table.focus()
        table.move_cursor(row=list(team).index("bea"))
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.query_one("#review-rep", Select).value == "bea")
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and all(
            row[0] not in waiting or row[2] == "approved" for row in cells(app, "#review-team")))
    assert sorted(a.rep for a in Board(board_path, actor="dana").approvals()) == waiting


async def test_approving_a_rep_on_no_plan_says_there_is_nothing_to_approve(board_path) -> None:
    """a on the statement of a rep on no incentive plan: no question and no "approved as it
    stands", but why there is nothing to approve (as `uplift payout approve --rep` says)."""
    from tui.screens.dialogs import Confirm

    lead = sample_quarter(board_path)
    lead.add_member("fay", "rep")
    import msgspec

    plan = lead.incentive_plans()[0]  # its quota for everyone taken away: fay is on no plan
    lead.import_plan({"incentives": [msgspec.to_builtins(msgspec.structs.replace(plan, quota=None))]})
    assert lead.payouts("fay")[0].plan is None
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "fay")
        # the statement says what would give it something to approve (it said "nothing to approve")
        assert cells(app, "#review-statement")[-1][0] == (
            "nothing to approve: on no incentive plan (`uplift incentive set FILE.yaml` sets one)")
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert any("fay is on no incentive plan: nothing to approve" in str(n.message) for n in app._notifications)
    assert Board(board_path, actor="dana").approvals() == []


async def test_brackets_step_through_the_tabs_wherever_the_focus_is(board_path) -> None:
    """With a table focused the arrows move its cursor, so the tab bar's left/right do not reach
    the tabs: ] and [ do, on Review as on Diagnose."""
    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        tabs = app.screen.query_one("#review-tabs")
        app.screen.query_one("#review-goals", DataTable).focus()
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-review-gaps")
        await pilot.press("right_square_bracket", "right_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-review-leaders")
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-review-payouts")
        await pilot.press("question_mark")  # `?` lists them (the footer keeps the screen's own keys)
        await until(pilot, lambda: hasattr(app.screen, "rows"))
        assert {"review.previous_tab", "review.next_tab"} <= {ident for _key, _what, ident in app.screen.rows}
        await pilot.press("escape")
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("#diagnose-tabs"))
        outer = app.screen.query_one("#diagnose-tabs")
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: outer.active == "tab-breakdowns")


async def test_a_bracket_pressed_in_a_tabs_table_takes_the_focus_into_the_next_tabs(board_path) -> None:
    """The table the focus was on is hidden with its tab: ] left the focus nowhere, and the arrows
    then did nothing until tab was pressed. It goes into the shown tab's first control (and stays on
    the tab bar when it was there); Diagnose's `s`, which shows the breakdowns, does the same."""
    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        tabs = app.screen.query_one("#review-tabs")
        app.screen.query_one("#review-goals", DataTable).focus()
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-review-gaps"
                    and app.focused is app.screen.query_one("#review-questions"))
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-review-goals"
                    and app.focused is app.screen.query_one("#review-goals"))
        bar = app.screen.query_one("#review-tabs ContentTabs")
        bar.focus()
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-review-gaps")
        await pilot.pause()
        assert app.focused is bar
        await pilot.press("1")
        await until(pilot, lambda: app.screen.query("#diagnose-tabs"))
        outer = app.screen.query_one("#diagnose-tabs")
        outer.active = "tab-notes"
        await pilot.pause()
        app.screen.query_one("#notes", DataTable).focus()
        await pilot.press("s")
        await until(pilot, lambda: outer.active == "tab-breakdowns" and app.focused is not None
                    and outer.active_pane in app.focused.ancestors)


async def test_the_baseline_column_shows_where_there_is_room_for_it(board_path) -> None:
    """At 80 columns a Baseline column would cut the source and the title to a few letters:
    it comes and goes with the terminal's width, and Gap with it."""
    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        table = app.screen.query_one("#review-goals", DataTable)
        await until(pilot, lambda: table.row_count == 3)
        assert [str(c.label) for c in table.columns.values()][:3] == ["Goal", "Target", "Actual"]
        assert "check-in C-5" in cells(app, "#review-goals")[0][4]  # the source is read whole (two lines)
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: "Baseline" in [str(c.label) for c in table.columns.values()])
        assert cells(app, "#review-goals")[0][:3] == ["G-1", "$1,200,000", "$1,380,000"]
        assert "Gap" in [str(c.label) for c in table.columns.values()]  # (it goes and comes with Baseline)
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: "Baseline" not in [str(c.label) for c in table.columns.values()])
        assert table.row_count == 3


async def test_c_reads_a_past_cycles_review_and_approves_its_payouts_for_it(board_path) -> None:
    """After the plan moved on to the next cycle, c picks the last one: its won deals and
    leaderboard are that cycle's (the sample quarter's), the new cycle's are empty; a approves
    a statement of it for that cycle (commission released after it ended is paid so), saying so."""
    from textual.widgets import Static

    from tui.screens.dialogs import Pick

    lead = sample_quarter(board_path)
    quarter = lead.plan_period()
    won = {r.rep: r.won_value for r in lead.leaderboard()}
    assert any(won.values())
    lead.set_plan_info("Next quarter", "2027-01-11", "2027-04-09")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        screen = app.screen
        line = screen.query_one("#review-cycle", Static)
        assert str(line.render()) == "This cycle: 2027-01-11 to 2027-04-09 · c another"
        board = screen.query_one("#review-leaderboard", DataTable)
        assert all(row[3] in ("0", "–") for row in cells(app, "#review-leaderboard"))  # nothing won yet
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, Pick))
        assert [label for label, _ in app.screen.choices] == [  # each cycle named as the plan was then
            "2027-01-11 to 2027-04-09 (now) · Next quarter", f"{quarter[0]} to {quarter[1]} · North team, Q4 2026"]
        await pilot.press("down", "enter")
        await until(pilot, lambda: str(line.render()).startswith("A past cycle"))
        assert str(line.render()) == f"A past cycle: {quarter[0]} to {quarter[1]} · c another"
        shown = {str(board.get_cell(row, "Rep")): str(board.get_cell(row, "Won value")) for row in board.rows}
        assert shown == {rep: f"{value:,.0f}" if value else "0" for rep, value in won.items()}
        screen.query_one("#review-tabs").active = "tab-review-payouts"
        await pilot.pause()
        screen.query_one("#review-rep", Select).value = "bea"
        await pilot.pause()
        total = next(row[1] for row in cells(app, "#review-statement") if row[0].startswith("total payout = "))
        screen.query_one("#review-statement", DataTable).focus()
        await pilot.press("a")
        await until(pilot, lambda: app.screen is not screen)
        assert (f"Approve bea's payout statement of {total} for the past cycle {quarter[0]} to {quarter[1]}?"
                in str(app.screen.query_one(".dialog-question").render()))
        await pilot.press("y")
        await until(pilot, lambda: cells(app, "#review-statement")[-1][0].startswith("approved by dana"))
    (approval,) = Board(board_path, actor="dana").approvals()
    assert (approval.rep, approval.start, approval.end, f"{approval.total:,.2f}") == ("bea", *quarter, total)


async def test_a_statement_changed_since_its_approval_lists_what_moved(board_path) -> None:
    """Below the approval, the Payouts tab lists what the statement no longer says of what was
    approved and what it says now that was not (with their amounts)."""
    lead = sample_quarter(board_path)
    lead.approve_payouts("bea")
    open_stages = [s.name for s in lead.stages() if s.outcome == "open"]
    first = lead.payouts("bea")[0].lines[0].text  # `won 22,000 on D-2 ...`: bea's first deal won
    won = lead.deal(first.split(" on ")[1].split()[0])
    lead.move_deal(won.id, open_stages[0])  # reopened: no longer counted
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "bea")
        lines = cells(app, "#review-statement")
        at = next(i for i, row in enumerate(lines) if row[0].startswith("approved by dana on "))
        changed = lines[at + 1:]
        assert changed and all(row[0].startswith("  since P-1, ") for row in changed)
        assert [f"  since P-1, no longer: {lead.approvals()[0].lines[0].text}", ""] in changed
        assert any(row[0].startswith(f"  since P-1, new: {won.id} ") and "is open again" in row[0] for row in changed)
        assert any(row[0].startswith("  since P-1, no longer: tier ") and row[1] for row in changed)


async def test_a_long_statement_line_wraps_and_leaves_the_amounts_in_view(board_path) -> None:
    """The approval's line (changed since) was wider than a 100-column terminal: the Amount column
    went past the edge and "2,000.00" read "2,00". A long line now takes two lines."""
    lead = sample_quarter(board_path)
    lead.approve_payouts("bea")
    won = next(s.name for s in lead.stages() if s.outcome == "won")
    open_stages = {s.name for s in lead.stages() if s.outcome == "open"}
    lead.move_deal(next(d for d in lead.deals() if d.owner == "bea" and d.stage in open_stages).id, won)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_statement(app, pilot, "bea")
        table = app.screen.query_one("#review-statement", DataTable)
        await pilot.pause()
        assert any("CHANGED since" in row[0] for row in cells(app, "#review-statement"))
        assert table.virtual_size.width <= table.scrollable_content_region.width
        amount = table.columns[next(key for key in table.columns if key.value == "Amount")]
        assert amount.get_render_width(table) - 2 * table.cell_padding >= len("1,250.00")


async def test_the_strategies_tab_says_what_each_strategy_brought(board_path) -> None:
    """The sample quarter: S-1's tasks T-3 and T-4 worked on D-2 (won, 12,400) and D-8 (won,
    40,000), and it brought D-4 (lost) and D-6 (won, 31,000); S-2's T-8 on D-5 (won, 22,000); S-3
    brought D-13 (won, 6,000) and D-15 (open), S-4 D-1 (won, 30,000) and D-18 (open); S-5 none."""
    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        app.screen.query_one("#review-tabs").active = "tab-review-strategies"
        await pilot.pause()
        rows = {row[0]: row for row in cells(app, "#review-strategies")}
        assert list(rows) == ["S-1", "S-2", "S-3", "S-4", "S-5"]
        assert rows["S-1"][2:5] == ["4", "D-2, D-6, D-8", f"{12_400 + 31_000 + 40_000:,}"]
        assert rows["S-2"][2:5] == ["1", "D-5", "22,000"]
        assert rows["S-3"][2:5] == ["2", "D-13", "6,000"]
        assert rows["S-4"][2:5] == ["2", "D-1", "30,000"]
        assert rows["S-5"][2:5] == ["0", "–", "0"]
        note = app.screen.query_one("#review-strategies-note")
        assert note.display and "the Deal field of a task" in str(note.render())
        assert not app.screen.query_one("#review-strategies-empty").display


async def test_a_rep_picks_only_their_own_statement(board_path) -> None:
    """Pay is private: the Payouts tab offers a rep themselves only; a lead, every rep."""
    lead = sample_quarter(board_path)
    reps = lead.reps()
    for actor, offered in (("ali", ["ali"]), ("dana", reps)):
        app = UpliftApp(Board(board_path, actor=actor))
        async with app.run_test(size=SIZE) as pilot:
            await open_statement(app, pilot, "ali")
            select = app.screen.query_one("#review-rep", Select)
            assert [value for _, value in select._options if isinstance(value, str)] == offered, actor
            assert any("ali (I-1)" in row[0] or "won value" in row[0] for row in cells(app, "#review-statement"))


async def test_someone_not_on_the_team_is_told_pay_is_private(board_path) -> None:
    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="zed"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        app.screen.query_one("#review-tabs").active = "tab-review-payouts"
        await pilot.pause()
        empty = app.screen.query_one("#review-statement-empty")
        assert empty.display and "Pay is private" in str(empty.render())
        assert cells(app, "#review-statement") == []


async def test_a_closed_goals_source_reads_whole_at_80_columns(board_path) -> None:
    """`partly achieved (date)` took an even share with the titles and lost its date: the source,
    needing less, reads whole; the long title gives way (cut with …)."""
    lead = sample_quarter(board_path)
    lead.close_goal("G-1", "partly")
    closed = f"partly achieved ({lead.today().isoformat()})"
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.pause()
        table = app.screen.query_one("#review-goals", DataTable)
        shown = [table.render_line(y).text for y in range(1, 3)]  # G-1's two lines, under the header
        columns = list(table.columns.values())
        index = table.get_column_index("Source")
        start = sum(column.get_render_width(table) for column in columns[:index])
        width = columns[index].get_render_width(table)
        assert " ".join(line[start:start + width].strip() for line in shown) == closed, shown
        assert shown[1].rstrip().endswith("…")  # the title gave way


async def test_from_the_tab_bar_enter_goes_into_the_tab_and_picks_a_question(board_path) -> None:
    """5, then ] to the Gap analysis: the focus was on the tab bar, where the tab's "Select a
    question (enter)" did nothing, and the answer typed next went nowhere. Enter goes into the tab
    (as down does), and enter again picks the question under the cursor."""
    lead = sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        tabs = app.screen.query_one("#review-tabs")
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: tabs.active == "tab-review-gaps")
        await pilot.press("enter")
        await until(pilot, lambda: app.focused is app.screen.query_one("#review-questions", DataTable))
        await pilot.press("enter")
        box = app.screen.query_one("#review-answer", Input)
        await until(pilot, lambda: app.focused is box)
        await pilot.press(*"Mostly right", "enter")
        await until(pilot, lambda: lead.answers_by_question()[0][1] is not None)
        assert lead.answers_by_question()[0][1].answer == "Mostly right"
        # saved, the focus is back on the questions, on the next one: the keys typed next are
        # keys again (2 went into the answer as text, and the screen stayed)
        table = app.screen.query_one("#review-questions", DataTable)
        await until(pilot, lambda: app.focused is table and table.cursor_row == 1)
        await pilot.press("2")
        await until(pilot, lambda: app.current_mode == "goals")
        assert lead.answers_by_question()[0][1].answer == "Mostly right"


async def test_a_gap_analysis_answer_reads_whole_at_80_columns(board_path) -> None:
    """The answers column ran off the screen's edge at 80 columns (`Mostly rig`): the question and
    its answer share the room, on two lines where one would cut them."""
    lead = sample_quarter(board_path)
    answer = "Mostly right; too few demos in the first month"
    lead.answer_question(1, answer)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        app.screen.query_one("#review-tabs").active = "tab-review-gaps"
        table = app.screen.query_one("#review-questions", DataTable)
        await until(pilot, lambda: table.row_count == 5 and table.size.width > 0)
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width
        lines = [table.render_line(y).text for y in range(table.size.height)]
        assert answer in " ".join(" ".join(lines).split())


async def test_the_payouts_tab_shows_a_hold_and_its_reason_to_the_rep(board_path, monkeypatch) -> None:
    """A statement a lead held (a dispute) says so first, with why, to the rep who reads it;
    approving it from the tab is refused while it holds."""
    fix_now(monkeypatch, datetime(2026, 12, 4, 12, tzinfo=timezone.utc))  # (the sample's cycle runs)
    lead = sample_quarter(board_path)
    lead.hold_payout("ali", "Disputed split on D-7")
    app = UpliftApp(Board(board_path, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "ali")
        assert cells(app, "#review-statement")[0] == [
            "ON HOLD (W-1) since 2026-12-04 by dana: Disputed split on D-7; not approved or paid until a lead "
            "releases it", ""]
        said = [row[0] for row in cells(app, "#review-statement")]
        assert not any(text.startswith("not approved yet") for text in said)  # (the hold says so, and why)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "ali")
        await pilot.press("a")  # refused at once, before any question
        await pilot.pause()
        assert any("ali's statement is on hold (W-1: Disputed split on D-7): not approved" in str(n.message)
                   for n in app._notifications)
    assert not Board(board_path, actor="dana").approvals()


async def test_h_holds_a_statement_with_its_reason_and_releases_it_after_asking(board_path) -> None:
    """h on the Payouts tab (a lead's): a form asks the reason (needed), the hold shows first on
    the statement; h on the held statement asks, and yes releases it."""
    from tui.screens.dialogs import Confirm

    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "ali")
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert "Hold (^s)" in str(app.screen.query_one("#save").render())
        await pilot.press("ctrl+s")  # no reason: not held
        await pilot.pause()
        assert isinstance(app.screen, FieldsForm)
        assert "must not be empty" in str(app.screen.query_one("#error-reason").render())
        app.screen.query_one("#field-reason", Input).value = "Disputed split on D-7 [b]x[/b]"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.pause()
        assert cells(app, "#review-statement")[0] == [
            "ON HOLD (W-1) since 2026-12-04 by dana: Disputed split on D-7 [b]x[/b]; not approved or paid until a "
            "lead releases it", ""]
        (hold,) = Board(board_path, actor="dana").holds()
        assert (hold.rep, hold.reason, hold.released_at) == ("ali", "Disputed split on D-7 [b]x[/b]", None)
        # h again: a question first; no leaves it held, yes releases it
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert Board(board_path, actor="dana").holds()[0].released_at is None
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.pause()
        assert not cells(app, "#review-statement")[0][0].startswith("ON HOLD")
    assert Board(board_path, actor="dana").holds()[0].released_by == "dana"


async def test_a_rep_pressing_h_hears_the_rule_and_holds_nothing(board_path) -> None:
    from tui.screens.dialogs import Confirm

    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await open_statement(app, pilot, "ali")
        await pilot.press("h")
        await pilot.pause()
        assert not isinstance(app.screen, (Confirm, FieldsForm))
        assert any("only a lead may hold payout statements" in str(n.message) for n in app._notifications)
    assert not Board(board_path, actor="dana").holds()


async def test_the_leaderboard_shows_recognition_and_keeps_a_private_award_to_its_rep(board_path) -> None:
    """The sample: bea leads at 106% (Rep of the quarter, public) and bea and chen (88.9%) pass 80%
    (the masterclass place, private): chen reads both of theirs, ali only the public one."""
    sample_quarter(board_path)
    for actor, expected in (("chen", {"bea": "Rep of the quarter", "chen": "A place at the negotiation masterclass (private)"}),
                            ("ali", {"bea": "Rep of the quarter", "chen": ""})):
        app = UpliftApp(Board(board_path, actor=actor))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("5")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
            await show_tab(app, pilot, "tab-review-leaders")
            rows = {row[1]: row[5] for row in cells(app, "#review-leaderboard")}
            assert {rep: rows[rep] for rep in expected} == expected, actor  # (bea's own place: not for them)


async def test_enter_on_the_leaderboard_opens_that_reps_statement_if_yours_to_read(board_path) -> None:
    """enter on a leaderboard row: that rep's statement on the Payouts tab (a lead's a, p and h then
    act on it); a rep pressing it on another rep reads the rule, and stays on the leaderboard."""
    sample_quarter(board_path)
    app = UpliftApp(Board(board_path, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await show_tab(app, pilot, "tab-review-leaders")
        board = app.screen.query_one("#review-leaderboard", DataTable)
        tabs = app.screen.query_one("#review-tabs")
        board.focus()
        board.move_cursor(row=[row[1] for row in cells(app, "#review-leaderboard")].index("bea"))
        await pilot.press("enter")
        await until(pilot, lambda: any("bea's is for bea and the leads" in str(n.message) for n in app._notifications))
        assert tabs.active == "tab-review-leaders"
        board.move_cursor(row=[row[1] for row in cells(app, "#review-leaderboard")].index("ali"))
        await pilot.press("enter")
        statement = app.screen.query_one("#review-statement", DataTable)
        await until(pilot, lambda: tabs.active == "tab-review-payouts" and app.focused is statement)
        assert app.screen.query_one("#review-rep", Select).value == "ali"
        assert any("total payout" in row[0] for row in cells(app, "#review-statement"))
