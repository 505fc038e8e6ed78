"""The goals screen through Textual's Pilot: add a goal, watch its badges fill in, check in, budget."""

from __future__ import annotations

from datetime import datetime, timezone

from store.board import Board
from tests.tui.waiting import until
from tui.app import UpliftApp
from tui.screens.budget import BudgetScreen
from tui.screens.fields_form import FieldsForm
from tui.screens.goals import GoalsScreen

SIZE = (120, 40)
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)


def app_for(path, actor: str = "dana") -> UpliftApp:
    return UpliftApp(Board(path, actor=actor, clock=lambda: NOW))


def badges(app: UpliftApp, goal_id: str) -> list[str]:
    row = app.screen.query_one("#goals-table").get_row(goal_id)
    return [str(cell) for cell in row[1:6]]


def text_of(app: UpliftApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def fill(pilot, app: UpliftApp, **values: str) -> None:
    """Set the open form's fields and save it (after letting the form that a key opened mount)."""
    await until(pilot, lambda: all(app.screen.query(f"#field-{name}") for name in values))
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}").value = value
    await pilot.press("ctrl+s")
    await until(pilot, lambda: not isinstance(app.screen, FieldsForm)
                or any(str(e.render()).strip() for e in app.screen.query(".field-error")))


async def open_goals(pilot, app: UpliftApp) -> None:
    """Key 2, and wait until the goals table has the focus (mounted and ready)."""
    await pilot.press("2")
    await until(pilot, lambda: isinstance(app.screen, GoalsScreen)
                and app.focused is app.screen.query_one("#goals-table"))


async def open_budget(pilot, app: UpliftApp) -> None:
    """The Goals screen, then b: the budget screen."""
    await open_goals(pilot, app)
    await pilot.press("b")
    await until(pilot, lambda: isinstance(app.screen, BudgetScreen))


async def test_add_a_goal_and_watch_its_badges_change(team) -> None:
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        assert isinstance(app.screen, GoalsScreen)
        assert "No goals yet" in text_of(app, "#goals-status")

        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FieldsForm)
        await pilot.press(*"Grow revenue")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        # the owner defaults to the lead; nothing else is there yet
        assert badges(app, "G-1") == ["S ✗", "M ✗", "A ✗", "R ✗", "T ✗"]
        assert "no scope" in text_of(app, "#goal-smart") and "no deadline" in text_of(app, "#goal-smart")

        await pilot.press("e")
        await fill(pilot, app, region="North")
        assert badges(app, "G-1") == ["S ✓", "M ✗", "A ✗", "R ✗", "T ✗"]

        await pilot.press("e")
        await fill(pilot, app, metric="revenue", baseline="1.2M", target="1.38M", unit="$",
                   start="2026-10-01", deadline="2026-12-31")
        assert badges(app, "G-1") == ["S ✓", "M ✓", "A ✗", "R ✗", "T ✓"]
        assert "no history to judge by" in text_of(app, "#goal-smart")

        await pilot.press("s")  # a strategy, already ticked for the selected goal
        await pilot.pause()
        await pilot.press(*"Mid-market push")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert badges(app, "G-1") == ["S ✓", "M ✓", "A ✗", "R ✓", "T ✓"]
        assert "S-1 “Mid-market push” has no tasks" in text_of(app, "#goals-status")
    goal = Board(team, actor="dana").goal("G-1")
    assert (goal.metric, goal.baseline, goal.target, goal.scope.region) == ("revenue", 1_200_000, 1_380_000, "North")


async def test_record_a_check_in_and_see_the_pace(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue", owner="ali", metric="revenue", scope={"region": "North"},
                  baseline=1_200_000, target=1_380_000, start="2026-10-01", deadline="2026-12-31")
    app = app_for(team, actor="ali")  # a rep checks in on their own goal
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        assert "0% of the way from baseline to target, 62% expected by now" in text_of(app, "#goal-pace")  # 56 of 91 days
        await pilot.press("c")
        await fill(pilot, app, value="lots")
        assert isinstance(app.screen, FieldsForm)
        assert "not a number" in text_of(app, "#error-value")
        await fill(pilot, app, value="12,3456")  # neither thousands nor a decimal comma: refused, never 123,456
        assert isinstance(app.screen, FieldsForm)
        assert "not a number" in text_of(app, "#error-value")
        app.screen.query_one("#field-comment").value = "slow November"
        await fill(pilot, app, value="1,286,400")
        assert isinstance(app.screen, GoalsScreen)
        assert "48% of the way from baseline to target, 62% expected by now" in text_of(app, "#goal-pace")  # 86,400 of 180,000
        assert app.screen.query_one("#goal-sparkline").data == [1_200_000, 1_286_400]
        assert "slow November" in text_of(app, "#goal-last-checkin")
        assert app.screen.query_one("#goals-table").get_row("G-1")[6].plain == "48%"
        Board(team, actor="ali", clock=lambda: NOW).checkin("G-1", 1_290_000, "at_risk")
        await pilot.press("c")  # the next check-in's form keeps what the last one said
        await until(pilot, lambda: app.screen.query("#field-confidence"))
        assert app.screen.query_one("#field-confidence").value == "at_risk"
    checkin = Board(team, actor="dana").checkins("G-1")[0]
    assert (checkin.by, checkin.value, checkin.comment) == ("ali", 1_286_400, "slow November")


async def test_a_reps_check_in_on_the_teams_goal_says_the_rule_before_any_form(team) -> None:
    """The team's goal (no owner) is the leads' to update: `c` says so at once, and asks nothing."""
    Board(team, actor="dana", clock=lambda: NOW).add_goal("Grow revenue", metric="revenue", baseline=1, target=2)
    app = app_for(team, actor="bea")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        assert text_of(app, "#goal-last-checkin") == "No check-ins yet (its owner or a lead checks in)."  # not "press c"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert any("a rep may check in only on goals they own; this one is the team's" in str(n.message)
                   for n in app._notifications)
    assert Board(team, actor="dana").checkins("G-1") == []


async def test_a_bad_target_is_refused_next_to_its_field(team) -> None:
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Something")
        await fill(pilot, app, target="lots")
        assert isinstance(app.screen, FieldsForm)
        assert "not a number" in text_of(app, "#error-target")
        await pilot.press("escape")
    assert Board(team, actor="dana").goals() == []


async def test_forms_show_numbers_as_typed_and_read_them_back_unchanged(team) -> None:
    """`1.2e+06` was what the goal form showed for a baseline of 1200000, and `:g` kept six digits:
    saving a form unchanged turned 1234567.89 into 1234570."""
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue", owner="dana", baseline=1200000, target=15, target_kind="percent")
    lead.add_goal("Hold the big accounts", owner="dana", baseline=1234567.89, target=1380000.5)
    lead.add_strategy("Fairs")
    lead.request_budget("Booth", 1234567.5, strategy="S-1")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        shown = []
        for _goal in ("G-1", "G-2"):
            await pilot.press("e")
            await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-baseline"))
            shown.append((app.screen.query_one("#field-baseline").value, app.screen.query_one("#field-target").value))
            await fill(pilot, app)  # saved as it is
            await pilot.press("down")
        assert shown == [("1,200,000", "+15%"), ("1,234,567.89", "1,380,000.5")]
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen))
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-amount"))
        assert app.screen.query_one("#field-amount").value == "1,234,567.5"
        await fill(pilot, app, reason="the whole booth")
    board = Board(team, actor="dana")
    assert [(g.baseline, g.target) for g in board.goals()] == [(1200000, 15), (1234567.89, 1380000.5)]
    assert board.budget_line("B-1").approved == 1234567.5


async def test_budget_from_the_keyboard(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_strategy("Fairs")
    Board(team, actor="ali").request_budget("Booth", 8000, strategy="S-1")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BudgetScreen)
        await pilot.press("a")
        await fill(pilot, app, amount="6000")  # no reason yet
        assert "say why" in text_of(app, "#error-reason")
        await fill(pilot, app, reason="one booth only")
        assert isinstance(app.screen, BudgetScreen)
        await pilot.press("p")
        await fill(pilot, app, amount="6500")
        assert "500 over" in text_of(app, "#budget-flags")
        assert "approved 6,000" in text_of(app, "#budget-totals")
        await pilot.press("escape")
        assert isinstance(app.screen, GoalsScreen)
    line = Board(team, actor="dana").budget_line("B-1")
    assert (line.status, line.approved, line.reason) == ("approved", 6000, "one booth only")


async def test_a_rep_is_told_they_may_not_approve(team) -> None:
    Board(team, actor="dana").add_strategy("Fairs")
    Board(team, actor="ali").request_budget("Booth", 8000, strategy="S-1")
    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await open_budget(pilot, app)
        await pilot.pause()
        for key in ("a", "x", "t"):  # told at once, not after a form's worth of answers
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, BudgetScreen)
            assert any("only a lead may" in str(n.message) for n in app._notifications)
    assert Board(team, actor="dana").budget_line("B-1").status == "requested"


async def test_hostile_goal_text_is_shown_literally(team) -> None:
    Board(team, actor="dana").add_goal("[b]bold[/b] [@click=app.quit]x", owner="dana")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await until(pilot, lambda: app.screen.query_one("#goals-table").row_count == 1
                    and "[@click=app.quit]x" in text_of(app, "#goal-summary"))
        assert app.screen.query_one("#goals-table").get_row("G-1")[10].plain == "[b]bold[/b] [@click=app.quit]x"
        assert "[@click=app.quit]x" in text_of(app, "#goal-summary")


async def test_3_returns_to_the_task_board(team) -> None:
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("3")
        await pilot.pause()
        assert app.current_mode == "plan"


async def test_edit_and_delete_strategies_and_goals_from_the_screen(team) -> None:
    from textual.widgets import OptionList, SelectionList

    from tui.screens.dialogs import Confirm, Pick

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue")  # G-1
    lead.add_goal("Win new logos")  # G-2
    lead.add_goal("Keep churn low")  # G-3: S-2 does not serve it
    lead.add_strategy("Mid-market", goals=["G-1"])  # S-1
    lead.add_strategy("Referrals", goals=["G-1", "G-2"])  # S-2
    lead.add_task("Call the list", goal="G-1", strategy="S-1")  # T-3
    lead.checkin("G-1", 3)
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        assert "S edits one, D deletes one" in text_of(app, "#goal-strategies")

        # S on G-1 (two strategies): pick S-2; the form holds its title and both its goals ticked
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, Pick))
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert app.screen.query_one("#field-title").value == "Referrals"
        assert app.screen.query_one("#field-goals", SelectionList).selected == ["G-1", "G-2"]
        await fill(pilot, app, title="Referral partners")
        assert Board(team, actor="dana").strategy("S-2").title == "Referral partners"

        # D: pick S-1, the question names the task it unlinks; yes deletes it
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, Pick))
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "What serves it stays, unlinked: T-3." in app.screen.question
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen)
                    and "S-1" not in text_of(app, "#goal-strategies"))

        # d on G-1: asked first (no keeps it), then its check-in goes and S-2, T-3 are unlinked
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert app.screen.question == ("Delete G-1 “Grow revenue”? Its check-ins (1) go with it. "
                                       "What serves it stays, unlinked: S-2, T-3.")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        assert [g.id for g in Board(team, actor="dana").goals()] == ["G-1", "G-2", "G-3"]
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen) and app.screen.selected_id() == "G-2")
    board = Board(team, actor="dana")
    assert [g.id for g in board.goals()] == ["G-2", "G-3"] and board.checkins() == []
    assert board.strategy("S-2").goals == ["G-2"] and board.task("T-3").goal is None


async def test_a_strategy_serving_no_goal_is_reached_from_s_and_d(team) -> None:
    """Its goal deleted, a strategy has no row of its own: the status line names it and S and D
    offer it beside the selected goal's, to give it a goal again or delete it."""
    from textual.widgets import OptionList, SelectionList

    from tui.screens.dialogs import Confirm, Pick

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue")  # G-1
    lead.add_goal("Win new logos")  # G-2
    lead.add_strategy("Mid-market", goals=["G-1"])  # S-1
    lead.add_strategy("Referrals", goals=["G-2"])  # S-2
    lead.add_strategy("Fairs")  # S-3
    lead.delete_goal("G-2")  # S-2 serves no goal now
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        assert "S-2, S-3 serve no goal (S edits one, D deletes one)" in text_of(app, "#goals-status")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, Pick))
        options = app.screen.query_one(OptionList)
        assert [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)] == [
            "S-1  Mid-market", "S-2  Referrals  (no goal)", "S-3  Fairs  (no goal)"]
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert app.screen.query_one("#field-title").value == "Referrals"
        goals = app.screen.query_one("#field-goals", SelectionList)
        assert goals.selected == []
        goals.select("G-1")
        await fill(pilot, app)
        assert Board(team, actor="dana").strategy("S-2").goals == ["G-1"]
        await until(pilot, lambda: "S-3 serves no goal (S edits it, D deletes it)" in text_of(app, "#goals-status"))

        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, Pick))
        await pilot.press("end", "enter")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert app.screen.question.startswith("Delete S-3 “Fairs”?")
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen)
                    and "serve" not in text_of(app, "#goals-status"))
    assert [s.id for s in Board(team, actor="dana").strategies()] == ["S-1", "S-2"]


async def test_with_no_goal_left_s_still_reaches_a_strategy(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue")
    lead.add_strategy("Mid-market", goals=["G-1"])
    lead.delete_goal("G-1")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen)
                    and "S-1 serves no goal" in text_of(app, "#goals-status"))
        assert "No goals yet" in text_of(app, "#goals-status")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) or app.screen.query("OptionList"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert app.screen.query_one("#field-title").value == "Mid-market"


async def test_a_rep_cannot_delete_a_goal(team) -> None:
    from tui.screens.dialogs import Confirm

    Board(team, actor="dana", clock=lambda: NOW).add_goal("Grow revenue")
    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("d")  # told at once: no question first
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert any("only a lead may delete goals" in str(n.message) for n in app._notifications)
        for key, words in (("n", "add goals"), ("e", "change goals"), ("s", "add strategies"),
                           ("S", "change strategies"), ("D", "delete strategies")):
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, GoalsScreen), key
            assert any(f"only a lead may {words}" in str(n.message) for n in app._notifications), key
    assert [g.id for g in Board(team, actor="dana").goals()] == ["G-1"]


async def test_a_training_item_is_deleted_from_the_budget_screen(team) -> None:
    from tui.screens.dialogs import Confirm

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_training("Pricing rules")
    lead.add_training("Objection handling")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_budget(pilot, app)
        app.screen.query_one("#training-table").focus()
        await pilot.press("down", "delete")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert app.screen.question == "Delete L-2 “Objection handling”?"
        await pilot.press("y")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen)
                    and app.screen.query_one("#training-table").row_count == 1)
    assert [t.id for t in Board(team, actor="dana").training()] == ["L-1"]


async def test_budget_keys_act_on_the_table_that_has_the_focus(team) -> None:
    """With a budget line highlighted, the training keys (d, delete) do not reach for the training
    table's row, and a line's keys (a, x, p) do nothing from the training table: each says where it
    works."""
    from tui.screens.dialogs import Confirm
    from tui.screens.fields_form import FieldsForm

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_strategy("Fairs")
    lead.request_budget("Booth", 8000, strategy="S-1")
    lead.add_training("Pricing rules")
    app = app_for(team)

    def told(words: str) -> bool:
        return any(words in str(n.message) for n in app._notifications)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen)
                    and app.focused is app.screen.query_one("#budget-lines"))
        await pilot.press("d")
        await until(pilot, lambda: told("d acts on a training item: tab to the training table first"))
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, BudgetScreen)  # no question about L-1
        assert not Board(team, actor="dana").training()[0].done
        app.screen.query_one("#training-table").focus()
        for key in ("a", "x", "p"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, FieldsForm)
        assert told("p acts on a budget line: tab to the budget lines first")
        await pilot.press("d")  # here it ticks the training item
        await until(pilot, lambda: Board(team, actor="dana").training()[0].done)
        await pilot.press("shift+tab", "a")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        await pilot.press("escape")
        await pilot.press("tab", "delete")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
    assert Board(team, actor="dana").budget_line("B-1").status == "requested"
    assert [t.id for t in Board(team, actor="dana").training()] == ["L-1"]


async def test_a_training_item_gone_since_the_table_was_drawn_is_said_so(team, monkeypatch) -> None:
    """Deleted elsewhere while the screen shows it: d (done) and delete say it is not there,
    rather than an empty notification."""
    monkeypatch.setattr("tui.app.POLL_SECONDS", 3600)  # the table is not redrawn before the keys
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_training("Pricing rules")
    app = app_for(team)

    def told(words: str) -> bool:
        return any(str(n.message) == words and n.severity == "error" for n in app._notifications)

    async with app.run_test(size=SIZE) as pilot:
        await open_budget(pilot, app)
        app.screen.query_one("#training-table").focus()
        lead.delete_training("L-1")
        await pilot.press("d")
        await until(pilot, lambda: told("no training item L-1 on this board"))
        app.clear_notifications()
        await pilot.press("delete")
        await until(pilot, lambda: told("no training item L-1 on this board"))
        assert isinstance(app.screen, BudgetScreen)


async def test_a_goal_contributes_to_another_from_the_form(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow Q4 revenue", owner="dana")
    lead.add_goal("ali: 300k of it", owner="ali")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("down", "e")  # G-2
        await fill(pilot, app, parent="G-1")
        assert badges(app, "G-2")[3] == "R ✓"  # relevant: it contributes to G-1
        assert str(app.screen.query_one("#goals-table").get_row("G-2")[9]) == "G-1"
        assert "contributes to G-1" in text_of(app, "#goal-summary")
        assert "contributes to G-1" in text_of(app, "#goal-smart")
        await pilot.press("up")
        await until(pilot, lambda: "contributing: G-2 (ali, –, –)" in text_of(app, "#goal-summary"))
    assert Board(team, actor="dana").goal("G-2").parent == "G-1"


async def test_a_goal_without_check_ins_draws_no_chart(board_path) -> None:
    board = Board(board_path, actor="dana", clock=lambda: NOW)
    board.add_goal("Win 25 new customers", metric="new_customers", baseline=9, target=25, unit="customers",
                   start="2026-10-01", deadline="2026-12-31", owner="dana")
    app = app_for(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen) and "No check-ins yet" in text_of(
            app, "#goal-last-checkin"))
        assert not app.screen.query_one("#goal-sparkline").display
        Board(board_path, actor="dana", clock=lambda: NOW).checkin("G-1", 12, "on_track")
        await app.screen.refresh_board()
        await until(pilot, lambda: text_of(app, "#goal-last-checkin").startswith("1 check-in; last"))
        assert app.screen.query_one("#goal-sparkline").display  # baseline and one check-in: a line


async def test_a_goal_saved_unchanged_keeps_its_sub_targets_values_and_logs_nothing(team) -> None:
    """The form shows a sub-target's text; the value and unit a plan file gave it stay with the
    line, and a save that changes nothing is no change."""
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue", metric="revenue", baseline=1_200_000, target=1_380_000, unit="$",
                  subtargets=[{"text": "new customers bring 30% of the growth", "value": 30, "unit": "%"},
                              {"text": "no discount over 10%"}])
    logged = len(lead.history())
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))
        await pilot.press("e")
        await fill(pilot, app)
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("e")
        await until(pilot, lambda: bool(app.screen.query("#field-subtargets")))
        box = app.screen.query_one("#field-subtargets")
        box.text = box.text + "\nkeep margin"
        await fill(pilot, app)
    goal = Board(team, actor="dana").goal("G-1")
    assert [(s.text, s.value, s.unit) for s in goal.subtargets] == [
        ("new customers bring 30% of the growth", 30, "%"), ("no discount over 10%", None, ""), ("keep margin", None, "")]
    assert len(Board(team, actor="dana").history()) == logged + 1  # only the line added


async def test_a_goal_rolls_up_from_its_contributors_from_the_form(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Team revenue", owner="dana", metric="revenue", unit="$", baseline=0, target=1_000_000)
    lead.add_goal("ali: 300k", owner="ali", parent="G-1", metric="revenue", unit="$", baseline=0)
    lead.add_goal("bea: 500k", owner="bea", parent="G-1", metric="revenue", unit="$", baseline=0)
    lead.add_goal("chen: new", parent="G-1", metric="revenue", unit="$")  # no check-in, no baseline
    lead.checkin("G-2", 300_000)
    lead.checkin("G-3", 100_000)
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("e")  # G-1
        await fill(pilot, app, rollup="sum")
        table = app.screen.query_one("#goals-table")
        await until(pilot, lambda: str(table.get_row("G-1")[6]) == "40% Σ")  # (300,000 + 100,000) / 1,000,000
        pace = text_of(app, "#goal-pace")
        assert "now $400,000 (sum of G-2 ali $300,000, G-3 bea $100,000" in pace
        assert "left out (no check-in or baseline yet): G-4" in pace
        assert "contributing: G-2 (ali, $300,000, –), G-3 (bea, $100,000, –), G-4 (–, –, –)" in text_of(
            app, "#goal-summary")  # (the parts set no target: no progress to show)
        assert "rolls up from its contributors" in text_of(app, "#goal-last-checkin")
        await pilot.press("c")  # no check-in form: it says why
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    assert Board(team, actor="dana").goal("G-1").rollup == "sum"
    assert len(Board(team, actor="dana").checkins("G-1")) == 0


async def test_a_rolled_up_goal_draws_its_contributors_check_ins(team) -> None:
    """Σ and μ goals: the line starts where the roll-up stood before any check-in below it (the
    contributors' baselines), and moves with each check-in on a contributor, however deep; a
    check-in elsewhere draws no point."""
    lead = Board(team, actor="dana", clock=lambda: NOW)
    revenue = {"metric": "revenue", "unit": "$"}
    lead.add_goal("Team revenue", owner="dana", baseline=0, target=1_000_000, rollup="sum", **revenue)  # G-1
    lead.add_goal("ali", owner="ali", parent="G-1", baseline=100_000, **revenue)  # G-2
    lead.add_goal("East", owner="bea", parent="G-1", rollup="sum", **revenue)  # G-3, itself a roll-up
    lead.add_goal("bea", owner="bea", parent="G-3", baseline=50_000, **revenue)  # G-4
    lead.add_goal("Win rate", metric="win_rate", unit="%", baseline=25, target=40, rollup="average")  # G-5
    lead.add_goal("ali's rate", parent="G-5", metric="win_rate", unit="%", baseline=30)  # G-6
    lead.add_goal("bea's rate", parent="G-5", metric="win_rate", unit="%")  # G-7: no baseline, left out
    lead.add_goal("Unrelated", metric="calls", baseline=1, target=9)  # G-8
    lead.checkin("G-2", 150_000)
    lead.checkin("G-8", 5)
    lead.checkin("G-4", 80_000)
    lead.checkin("G-7", 40)
    lead.checkin("G-2", 170_000)
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)  # G-1 first
        sparkline = app.screen.query_one("#goal-sparkline")
        # 100k + 50k; ali 150k; bea 80k; ali 170k (G-8's and G-7's check-ins are not G-1's)
        await until(pilot, lambda: list(sparkline.data) == [150_000, 200_000, 230_000, 250_000])
        assert sparkline.display
        await pilot.press("down", "down", "down", "down")  # G-5: 30 alone, then the mean of 30 and 40
        await until(pilot, lambda: list(sparkline.data) == [30, 35])
        assert sparkline.display
        await pilot.press("down")  # G-6, an ordinary goal: its baseline, no check-in: no line
        await until(pilot, lambda: list(sparkline.data) == [30])
        assert not sparkline.display


async def test_a_rep_spending_on_anothers_budget_line_is_told_before_the_form(team) -> None:
    """p on bea's line: the rule is said at once (the store refuses the spend), not after the
    amount is typed; on ali's own line the form opens and records it."""
    Board(team, actor="dana").add_strategy("Fairs")
    Board(team, actor="bea").request_budget("Booth", 8000, strategy="S-1")  # B-1, bea's
    Board(team, actor="ali").request_budget("Travel", 900, strategy="S-1")  # B-2, ali's
    app = app_for(team, actor="ali")
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen)
                    and app.focused is app.screen.query_one("#budget-lines"))
        await pilot.press("p")  # B-1 under the cursor
        await pilot.pause()
        assert isinstance(app.screen, BudgetScreen)
        assert any("this one is bea's" in str(n.message) for n in app._notifications)
        await pilot.press("down", "p")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        await fill(pilot, app, amount="120")
        assert isinstance(app.screen, BudgetScreen)
    assert [(e.line, e.amount) for e in Board(team, actor="dana").spending()] == [("B-2", 120)]


async def test_approving_a_line_already_decided_is_refused_before_the_form(team) -> None:
    """a or x on a line already approved or rejected says so at once: the form asked for a reason
    (and an amount) and only then said that a line is decided once."""
    lead = Board(team, actor="dana")
    lead.add_strategy("Fairs")
    lead.request_budget("Booth", 8000, strategy="S-1")
    lead.approve_budget("B-1", "one booth")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BudgetScreen)
                    and app.focused is app.screen.query_one("#budget-lines"))
        for key in ("a", "x"):
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, BudgetScreen), key
            assert [str(n.message) for n in app._notifications] == [
                "B-1 is already approved: a line is approved or rejected once"], key


async def test_an_empty_training_table_says_what_fills_it(team) -> None:
    """The budget lines say `press r to request one` when there are none; the training table was
    a bare header. With one item it is the table's usual heading again."""
    from textual.widgets import Static

    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_budget(pilot, app)
        await pilot.pause()
        heading = app.screen.query_one("#training-heading", Static)
        assert str(heading.content) == "Training: none yet, press t to add one"
        Board(team, actor="dana").add_training("Objection handling")  # another session
        await until(pilot, lambda: str(heading.content) == "Training (d ticks one done)")


async def test_saving_a_goal_or_strategy_form_keeps_what_someone_else_changed_while_it_was_open(team) -> None:
    """dana edits a title while another lead, elsewhere, changes the goal's target and the
    strategy's description: the save changes the title only."""
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue", metric="revenue", target=100000)  # G-1
    lead.add_strategy("Mid-market", goals=["G-1"], description="the 50-200 seat firms")  # S-1
    lead.add_member("eve", "lead")
    other = Board(team, actor="eve", clock=lambda: NOW)
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-title"))
        other.update_goal("G-1", target=120000, description="from the board meeting")
        await fill(pilot, app, title="Grow revenue in the north")
        assert not isinstance(app.screen, FieldsForm)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-title"))
        other.update_strategy("S-1", description="the 20-200 seat firms")
        await fill(pilot, app, title="Mid-market push")
        assert not isinstance(app.screen, FieldsForm)
    board = Board(team, actor="dana")
    goal, strategy = board.goal("G-1"), board.strategy("S-1")
    assert (goal.title, goal.target, goal.description) == ("Grow revenue in the north", 120000, "from the board meeting")
    assert (strategy.title, strategy.description) == ("Mid-market push", "the 20-200 seat firms")


async def test_a_new_goal_with_a_target_below_its_baseline_is_a_decrease(team) -> None:
    """The form's Direction opens at "increase to": left so, the numbers say the way (churn
    from 12% to 8% is a decrease); chosen against them on an edit, it is refused beside its box."""
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("n")
        await fill(pilot, app, title="Cut churn", metric="churn", baseline="12", target="8", unit="%")
        assert isinstance(app.screen, GoalsScreen)
        assert Board(team, actor="dana").goal("G-1").direction == "decrease"
        assert badges(app, "G-1")[1] == "M ✓"
        await pilot.press("e")
        await fill(pilot, app, direction="increase")
        assert isinstance(app.screen, FieldsForm)
        assert "the target 8 is below the baseline 12" in text_of(app, "#error-direction")
        await pilot.press("escape")
    assert Board(team, actor="dana").goal("G-1").direction == "decrease"


async def test_a_percentage_checked_in_on_a_goal_in_dollars_is_refused_beside_the_value(team) -> None:
    Board(team, actor="dana", clock=lambda: NOW).add_goal(
        "Grow revenue", owner="dana", metric="revenue", unit="$", baseline=1_200_000, target=1_380_000)
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("c")
        await fill(pilot, app, value="50%")
        assert isinstance(app.screen, FieldsForm)
        assert "'50%' is a percentage, but the goal is measured in $" in text_of(app, "#error-value")
        await pilot.press("escape")
    assert Board(team, actor="dana").checkins("G-1") == []


async def test_a_check_in_is_dated_in_the_past_from_the_form_and_a_future_day_is_refused(team) -> None:
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue", owner="dana", metric="revenue", baseline=100, target=200)
    lead.checkin("G-1", 130)  # today (2026-11-26)
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("c")
        await fill(pilot, app, value="140", date="tomorrow")
        assert isinstance(app.screen, FieldsForm)
        assert "2026-11-27 is still to come" in text_of(app, "#error-date")
        await fill(pilot, app, value="120", date="-1w")
        assert isinstance(app.screen, GoalsScreen)
        assert "30% of the way" in text_of(app, "#goal-pace")  # today's 130 still counts
    first, second = Board(team, actor="dana").checkins("G-1")
    assert (first.value, str(first.at), second.value) == (120, "2026-11-19 12:00:00+00:00", 130)


async def test_no_check_ins_yet_names_the_check_in_key_as_remapped(board_path, own_config_dir) -> None:
    own_config_dir.mkdir(parents=True)
    (own_config_dir / "config.yaml").write_text("keys:\n  goals.checkin: k\n", encoding="utf-8")
    Board(board_path, actor="dana", clock=lambda: NOW).add_goal("Win 25 new customers", target=25, owner="dana")
    app = app_for(board_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen) and "No check-ins yet" in text_of(
            app, "#goal-last-checkin"))
        assert text_of(app, "#goal-last-checkin") == "No check-ins yet: press k."


async def test_a_goal_without_check_ins_stands_at_a_snapshot_of_its_own_time_and_says_so(team, tmp_path) -> None:
    """The review's actual and the screen's value are one: a diagnosis of the goal's own months."""
    records = tmp_path / "west.csv"
    records.write_text("order,date,region,amount\n" + "".join(
        f"W{d},2026-10-{d:02d},West,250\n" for d in range(1, 32)))  # October in the West: 7,750
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("West revenue", owner="dana", metric="revenue", unit="$", scope={"region": "West"},
                  baseline=5_000, target=10_000, start="2026-10-01", deadline="2026-10-31")
    lead.run_diagnosis([records])
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        # October's goal: 7,750 is 55% of the way from 5,000 to 10,000
        await until(pilot, lambda: str(app.screen.query_one("#goals-table").get_row("G-1")[6]).startswith("55%"))
        assert "now $7,750 (diagnosis X-1, 2026-10)" in text_of(app, "#goal-pace")
    assert next(r for r in lead.goal_results() if r.goal == "G-1").actual == 7_750


async def test_in_chinese_a_known_metric_is_named_in_chinese_on_the_screen_and_in_the_check_in(team, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_LANG", "zh")  # (before the app is made)
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("新客户", owner="dana", metric="new_customers", baseline=0, target=25,
                  start="2026-10-01", deadline="2026-12-31")
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        assert text_of(app, "#goal-summary").splitlines()[1].startswith("新客户数 · ")
        assert "  可衡量：新客户数 从 0 到 25\n" in text_of(app, "#goal-smart")  # (a Chinese colon)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query(".field-label"))
        assert str(app.screen.query(".field-label").first().render()) == "新客户数的当前值"


async def test_t_adds_a_task_to_a_strategy_with_its_goal_filled_in(team) -> None:
    """'S-1 has no tasks' has a next step: t on a goal opens the task form with one of the goal's
    strategies (asked which, when it has several) and the goal filled in."""
    from textual.widgets import Input, Select

    from tui.screens.dialogs import Pick
    from tui.screens.task_form import TaskForm
    from tui.widgets.footer import Footer

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue")  # G-1
    lead.add_goal("Win new logos")  # G-2
    lead.add_strategy("Mid-market", goals=["G-1"])  # S-1
    lead.add_strategy("Referrals", goals=["G-1", "G-2"])  # S-2
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        status = text_of(app, "#goals-status")
        assert "S-1 “Mid-market” has no tasks" in status
        assert "t on its goal adds a task to a strategy" in status
        await until(pilot, lambda: "New task" in {k.description for k in app.screen.query_one(Footer).keys})

        # G-2 has one strategy: the form opens at once, S-2 and G-2 chosen
        await pilot.press("down", "t")
        await until(pilot, lambda: isinstance(app.screen, TaskForm))
        assert app.screen.query_one("#goal", Select).value == "G-2"
        assert app.screen.query_one("#strategy", Select).value == "S-2"
        app.screen.query_one("#title", Input).value = "Ask three customers for referrals"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen))

        # G-1 has two: asked which; S-1 is picked, and G-1 is its goal
        await pilot.press("up", "t")
        await until(pilot, lambda: isinstance(app.screen, Pick))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TaskForm))
        assert app.screen.query_one("#goal", Select).value == "G-1"
        assert app.screen.query_one("#strategy", Select).value == "S-1"
        app.screen.query_one("#title", Input).value = "Call the mid-market list"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, GoalsScreen)
                    and "has no tasks" not in text_of(app, "#goals-status"))
    made = {t.title: (t.goal, t.strategy) for t in Board(team, actor="dana").tasks()}
    assert made["Ask three customers for referrals"] == ("G-2", "S-2")
    assert made["Call the mid-market list"] == ("G-1", "S-1")


async def test_a_rep_has_key_t_and_a_reader_has_not(team) -> None:
    from tui.widgets.footer import Footer

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Grow revenue")
    lead.add_strategy("Mid-market", goals=["G-1"])
    for actor, shown in (("ali", True), ("zoe", False)):
        app = app_for(team, actor)
        async with app.run_test(size=SIZE) as pilot:
            await open_goals(pilot, app)
            await until(pilot, lambda: "Budget" in {k.description for k in app.screen.query_one(Footer).keys})
            assert ("New task" in {k.description for k in app.screen.query_one(Footer).keys}) is shown
            assert ("adds a task" in text_of(app, "#goals-status")) is shown


async def test_the_form_takes_points_and_says_what_a_percentage_of_a_rate_came_to(team) -> None:
    """`+5pp` on a win rate of 40% is 45%; `+5%` is 42% (40 * 1.05), and the confirmation says
    so, with how points are written. The form reads a points target back as it was typed."""
    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Win more", owner="dana", metric="win_rate", unit="%", baseline=40, target=50)
    app = app_for(team)
    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await pilot.press("e")
        await fill(pilot, app, target="+5%")
        said = [str(n.message) for n in app._notifications]
        assert said[-1] == "Saved G-1\nG-1: win rate 40% → 42%: +5% of 40%; for points write +5pp"
        assert "→ increase to 42% (+5%)" in text_of(app, "#goal-summary")
        await pilot.press("e")
        await fill(pilot, app, target="+5 points")
        assert [str(n.message) for n in app._notifications][-1] == "Saved G-1"
        assert "→ increase to 45% (+5 pts)" in text_of(app, "#goal-summary")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-target"))
        assert app.screen.query_one("#field-target").value == "+5pp"
        await pilot.press("escape")
    goal = Board(team, actor="dana").goal("G-1")
    assert (goal.target, goal.target_kind) == (5, "points")


async def test_a_rep_is_offered_c_only_on_a_goal_they_may_check_in_on(team) -> None:
    """The footer's `c Check in` follows the highlighted goal: a rep's own has it, another's not
    (pressed there, c still says the rule, as it did)."""
    from tui.widgets.footer import Footer

    lead = Board(team, actor="dana", clock=lambda: NOW)
    lead.add_goal("Ali's part", owner="ali")  # G-1
    lead.add_goal("Bea's part", owner="bea")  # G-2
    app = app_for(team, "ali")

    def offered() -> set[str]:
        return {k.description for k in app.screen.query_one(Footer).keys}

    async with app.run_test(size=SIZE) as pilot:
        await open_goals(pilot, app)
        await until(pilot, lambda: "Check in" in offered())
        await pilot.press("down")
        await until(pilot, lambda: "Check in" not in offered() and "Budget" in offered())
        await pilot.press("c")
        await until(pilot, lambda: any("only on goals they own" in str(n.message) for n in app._notifications))
        assert isinstance(app.screen, GoalsScreen)  # no form opened
        await pilot.press("up")
        await until(pilot, lambda: "Check in" in offered())
