"""The task board through Textual's Pilot: keys, the form, filters, live updates, hostile text."""

from __future__ import annotations

import asyncio

import pytest
from textual.containers import VerticalScroll

from store.board import Board
from tests.tui.waiting import notices, on_mode, settled, until
from tui.app import UpliftApp
from tui.screens.dialogs import Confirm
from tui.screens.help import Help
from tui.screens.task_detail import TaskDetail
from tui.screens.task_form import TaskForm
from tui.widgets.kanban import Kanban

SIZE = (120, 40)
MODE_OF_KEY = {"1": "diagnose", "2": "goals", "3": "plan", "4": "pipeline", "5": "review"}


def column_ids(app: UpliftApp) -> dict[str, list[str]]:
    kanban = app.screen.query_one(Kanban)
    return {column.key: [card.id for card in column.cards] for column in kanban.columns}


def card_text(app: UpliftApp, card_id: str) -> str:
    column = next(c for c in app.screen.query_one(Kanban).columns if c.index_of(card_id) is not None)
    return str(column.card_content(column.cards[column.index_of(card_id)]))


async def test_moving_a_card_with_keys_moves_the_task(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
        assert app.focused.card.id == "T-1"
        await pilot.press("shift+right")
        await pilot.pause()
        assert "T-1" in column_ids(app)["doing"]
        assert app.focused.card.id == "T-1"  # the focus follows the card
        await pilot.press("L")
        await pilot.pause()
        assert "T-1" in column_ids(app)["blocked"]
        await pilot.press("h", "j")
        assert app.focused.card.id == "T-2"
    assert Board(team, actor="dana").task("T-1").status == "blocked"


async def test_creating_a_task_through_the_form(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, TaskForm)
        await pilot.press(*"Send the renewal offer")
        due = app.screen.query_one("#due")
        due.value = "+3d"
        app.screen.query_one("#steps").text = "[x] draft\nsend"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TaskForm)
        assert "T-3" in column_ids(app)["todo"]
    board = Board(team, actor="dana")
    task = board.task("T-3")
    assert task.title == "Send the renewal offer"
    assert (task.due - board.today()).days == 3
    assert [(s.text, s.done) for s in task.steps] == [("draft", True), ("send", False)]
    assert task.owner == "dana"


async def test_a_bad_value_is_refused_next_to_its_field(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.press(*"Something")
        app.screen.query_one("#due").value = "someday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TaskForm)
        assert "not a date" in str(app.screen.query_one("#error-due").render())
        app.screen.query_one("#start").value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # both at once, each next to its field, the first of them focused
        assert "'2026-02-30' is not a date" in str(app.screen.query_one("#error-start").render())
        assert "'someday' is not a date" in str(app.screen.query_one("#error-due").render())
        assert app.focused is app.screen.query_one("#start")
        app.screen.query_one("#title").value = "  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "a task needs a title" in str(app.screen.query_one("#error-title").render())
        assert "'someday' is not a date" in str(app.screen.query_one("#error-due").render())
        await pilot.press("escape")
    assert [t.id for t in Board(team, actor="dana").tasks()] == ["T-1", "T-2"]


async def test_a_bad_waits_for_is_refused_next_to_it_in_view(team) -> None:
    """Not a task id, or no such task: said under Waits for, scrolled into view at 120x40 (the
    form is longer than the screen), as a loop is."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        form = app.screen.query_one(VerticalScroll)
        for text, reason in (("zz", "'zz' is not a task id (expected T-12)"), ("T-99", "no task T-99"),
                             ("T-1", "T-1 would wait for itself")):
            app.screen.query_one("#title").focus()
            form.scroll_home(animate=False)
            await pilot.pause()
            app.screen.query_one("#depends").value = text
            await pilot.press("ctrl+s")
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            error = app.screen.query_one("#error-depends")
            assert reason in str(error.render())
            assert str(app.screen.query_one("#error-form").render()) == ""
            assert app.focused is app.screen.query_one("#depends")
            assert error.region.height and form.region.contains_region(error.region)
        await pilot.press("escape")
    assert Board(team, actor="dana").task("T-1").depends == []


async def test_an_error_without_a_field_is_scrolled_into_view(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        form = app.screen.query_one(VerticalScroll)
        app.screen.query_one("#measure").focus()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert form.scroll_y > 0
        app.screen.show_error("form", "someone else changed T-1")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        error = app.screen.query_one("#error-form")
        assert error.region.height and form.region.contains_region(error.region)


async def test_editing_a_task(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, TaskForm)
        app.screen.query_one("#title").value = "Call Acme about the renewal"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "about the renewal" in card_text(app, "T-1")
    assert Board(team, actor="dana").task("T-1").title == "Call Acme about the renewal"


async def test_filters_by_text_and_owner(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"visit")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-2"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
        await pilot.press("m")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-1"]
        status = app.screen.query_one("#board-status")
        assert str(status.render()).startswith("Showing 1 of 2 tasks · owner ali")
        Board(team, actor="dana").delete_task("T-2")  # one task left: "of 1 task", not "of 1 tasks"
        await until(pilot, lambda: str(status.render()).startswith("Showing 1 of 1 task · owner ali"))


async def test_escape_while_filtering_comes_back_to_the_card_you_were_on(team) -> None:
    """As the filter narrows, the cursor lands on the first match; escape while typing clears
    the filter and comes back to the card focused when `/` was pressed (it stayed on the match).
    A filter that matches nothing, kept with enter, leaves the board's keys to the board."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")
        await pilot.pause()
        assert app.screen.query_one(Kanban).card.id == "T-2"
        await pilot.press("slash", *"call")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-1"]
        await pilot.press("escape")
        await until(pilot, lambda: column_ids(app)["todo"] == ["T-1", "T-2"])
        assert app.focused is app.screen.query_one(Kanban) and app.focused.card.id == "T-2"
        await pilot.press("slash", *"nothing like it", "enter")
        await pilot.pause()
        assert column_ids(app)["todo"] == [] and app.focused is app.screen.query_one(Kanban)
        await pilot.press("question_mark")  # a board key, not a character typed into the filter
        await until(pilot, lambda: isinstance(app.screen, Help))
        assert app.screen_stack[-2].query_one("#filter").value == "nothing like it"


async def test_a_filtered_column_header_says_shown_of_total_and_the_wip_limit(team) -> None:
    """`To do  1 of 2 · WIP 2`: what the filter shows, what the column holds, its limit; the
    column is outlined as full by what it holds, whatever the filter shows."""
    Board(team, actor="dana").set_wip_limit("todo", 2)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        todo = app.screen.query_one(Kanban).columns[0]
        assert todo.render_line(0).text.strip() == "To do  2 · WIP 2"
        assert app.screen.query_one(Kanban).columns[1].render_line(0).text.strip() == "Doing  0"
        await pilot.press("slash", *"visit", "enter")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-2"]
        assert todo.render_line(0).text.strip() == "To do  1 of 2 · WIP 2"
        assert todo.has_class("full") and not todo.has_class("over")
        assert app.screen.query_one(Kanban).columns[1].render_line(0).text.strip() == "Doing  0"  # none hidden


async def test_the_text_filter_finds_the_work_of_a_strategy(team) -> None:
    lead = Board(team, actor="dana")
    lead.add_strategy("Referrals")
    lead.update_task("T-2", strategy="S-1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"s-1")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-2"]


async def test_another_instance_sees_a_change_within_a_second(team) -> None:
    first = UpliftApp(Board(team, actor="dana"))
    second = UpliftApp(Board(team, actor="bea"))
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        await one.press("shift+right")
        await one.pause()
        assert "T-1" in column_ids(first)["doing"]
        for _ in range(20):
            await asyncio.sleep(0.05)
            await two.pause()
            if "T-1" in column_ids(second)["doing"]:
                break
        assert "T-1" in column_ids(second)["doing"]


async def test_a_screen_that_was_away_shows_the_changes_made_meanwhile(team) -> None:
    """Another process moves a task while the pipeline is on screen; back on the task board,
    the card is where it now is. The same for a change made on another screen of this app."""
    from tui.screens.goals import GoalsScreen

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
        await pilot.press("4")
        await pilot.pause()
        Board(team, actor="ali").move_task("T-1", "doing")
        await app.watch_board()  # (the half-second poll, at once)
        await pilot.press("3")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-2"] and "T-1" in column_ids(app)["doing"]
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        app.board.add_task("Made on the goals screen", owner="ali")  # (as its forms do)
        await pilot.press("3")
        await pilot.pause()
        assert "T-3" in column_ids(app)["todo"]


async def test_a_reps_forbidden_move_shows_a_message_and_changes_nothing(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # T-2, bea's
        assert app.focused.card.id == "T-2"
        await pilot.press("shift+right")
        await pilot.pause()
        assert any("only change their own" in n.message for n in app._notifications)
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
    assert Board(team, actor="dana").task("T-2").status == "todo"


async def test_moving_into_a_full_column_asks_first(team) -> None:
    Board(team, actor="dana").set_wip_limit("doing", 1)
    Board(team, actor="dana").move_task("T-2", "doing")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert column_ids(app)["doing"] == ["T-2"]
        await pilot.press("shift+right")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert sorted(column_ids(app)["doing"]) == ["T-1", "T-2"]


async def test_the_form_putting_a_task_in_a_full_column_says_it_is_over_its_limit(team) -> None:
    """A card moved into a full column asks first; a status chosen in the form is saved, then said
    to be over the limit (as `uplift task move` warns). An edit that keeps the status says nothing."""
    Board(team, actor="dana").set_wip_limit("doing", 1)
    Board(team, actor="dana").move_task("T-2", "doing")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")  # T-1, To do
        await pilot.pause()
        await pilot.press("tab", "tab", "enter", "down", "enter")  # (title, owner,) status: Doing
        await pilot.pause()
        assert app.screen.query_one("#status").value == "doing"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(app._notifications) >= 2)
        assert sorted(column_ids(app)["doing"]) == ["T-1", "T-2"]
        said = [str(n.message) for n in app._notifications]
        assert said[-2:] == ["Saved T-1", "Doing now holds 2 tasks, over its WIP limit of 1"]
        # (by identity: on a busy machine the first notifications may have timed out meanwhile)
        before = {n.identity for n in app._notifications}
        await pilot.press("e")  # T-1 again, in Doing: saved as it is
        await settled(pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(n.identity not in before for n in app._notifications))
        await settled(pilot)
        assert [str(n.message) for n in app._notifications if n.identity not in before] == ["Saved T-1"]


async def test_a_repeating_task_done_in_the_form_names_its_next(team) -> None:
    """Done through the form's Status, as through a move to Done: the next occurrence is named."""
    Board(team, actor="dana").update_task("T-1", every="weekly")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")  # T-1, due 2026-12-01 (the fixture's), weekly
        await pilot.pause()
        await pilot.press("tab", "tab", "enter", "end", "enter")  # (title, owner,) status: Done
        await pilot.pause()
        assert app.screen.query_one("#status").value == "done"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "T-1" in column_ids(app)["done"] and "T-3" in column_ids(app)["todo"]
        due = Board(team, actor="dana").task("T-3").due
        assert f"T-1 repeats weekly: T-3 is the next, due {due}" in [str(n.message) for n in app._notifications]


async def test_a_reps_move_of_anothers_task_into_a_full_column_is_refused_without_asking(team) -> None:
    """The permission comes first: no question about the WIP limit for a move that is refused."""
    lead = Board(team, actor="dana")
    lead.set_wip_limit("doing", 1)
    lead.add_task("Already doing", owner="dana", status="doing")  # T-3: Doing is full
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # T-2, bea's
        assert app.focused.card.id == "T-2"
        await pilot.press("shift+right")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert any("only change their own" in n.message for n in app._notifications)
        await pilot.press("k", "shift+right")  # T-1, ali's own: asked first
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "Doing is at its WIP limit (1/1). Move T-1 there anyway?" in app.screen.question
        await pilot.press("n")
    assert Board(team, actor="dana").task("T-2").status == "todo"


async def test_delete_asks_for_confirmation(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-2"]


async def test_enter_on_the_delete_question_keeps_the_task(team) -> None:
    """A delete is destructive: No has the focus, so a reflexive enter answers no; only y deletes."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        assert app.focused.id == "no"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
    assert [t.id for t in Board(team, actor="dana").tasks()] == ["T-1", "T-2"]


async def test_enter_still_answers_yes_to_a_question_that_destroys_nothing(team) -> None:
    Board(team, actor="dana").set_wip_limit("doing", 1)
    Board(team, actor="dana").move_task("T-2", "doing")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right")  # into a full column: asks, Yes focused
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")
        await pilot.pause()
        assert sorted(column_ids(app)["doing"]) == ["T-1", "T-2"]


async def test_detail_ticks_steps_and_shows_history(team) -> None:
    Board(team, actor="dana").update_task("T-1", steps=[{"text": "find the number"}, {"text": "call"}])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, TaskDetail)
        await pilot.press("space")
        await pilot.pause()
        history = str(app.screen.query_one("#detail-history").render())
        assert "ticked “find the number” on T-1" in history
        assert "created T-1" in history
    assert Board(team, actor="dana").task("T-1").steps[0].done


async def test_open_details_show_what_another_process_changes(team) -> None:
    """The lead reads T-1's details while ali comments on it and moves it over SSH: they show
    at the next poll; when the lead deletes it elsewhere, the details close, saying so."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, TaskDetail)
        ali = Board(team, actor="ali")
        ali.comment_task("T-1", "Acme wants a call on Monday")
        ali.move_task("T-1", "doing")
        await app.watch_board()  # (the half-second poll, at once)
        await pilot.pause()
        assert "ali  Acme wants a call on Monday" in str(app.screen.query_one("#detail-comments").render())
        assert "Doing" in str(app.screen.query_one("#detail-fields").render())
        assert "ali  moved T-1 from To do to Doing" in str(app.screen.query_one("#detail-history").render())
        Board(team, actor="dana").delete_task("T-1")
        await app.watch_board()
        await until(pilot, lambda: not isinstance(app.screen, TaskDetail))
        await until(pilot, lambda: any("no task T-1 on this board" in n.message for n in app._notifications))


async def test_a_form_asks_before_saving_over_a_field_someone_changed_meanwhile(team) -> None:
    """The lead edits T-1's title while ali, over SSH, changes its priority and then its title.
    The priority alone is no clash (the save keeps it); the title is: the first ctrl+s says who
    changed it and saves nothing, the second saves the lead's over it."""
    from textual.widgets import Input, Static

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, TaskForm)
        app.screen.query_one("#title", Input).value = "Call Acme about the renewal"
        ali = Board(team, actor="ali")
        ali.update_task("T-1", priority="high")
        ali.update_task("T-1", title="Call Acme on Monday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TaskForm)
        assert str(app.screen.query_one("#error-form", Static).render()) == (
            "ali changed T-1 since this form opened: ^s again saves yours over theirs, esc cancels")
        assert Board(team, actor="dana").task("T-1").title == "Call Acme on Monday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TaskForm)
    task = Board(team, actor="dana").task("T-1")
    assert (task.title, task.priority) == ("Call Acme about the renewal", "high")


async def test_a_form_saves_at_once_when_others_changed_only_other_fields(team) -> None:
    from textual.widgets import Input

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        app.screen.query_one("#title", Input).value = "Call Acme about the renewal"
        Board(team, actor="ali").move_task("T-1", "doing")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TaskForm)
    task = Board(team, actor="dana").task("T-1")
    assert (task.title, task.status) == ("Call Acme about the renewal", "doing")


async def test_the_details_put_priority_and_due_in_one_column(team, monkeypatch) -> None:
    """Status and Start are values of different widths (To do, 2026-11-02; 待办): Priority and Due,
    beside them, start in the same column, in English and in Chinese (a CJK character takes two cells)."""
    from sales.text import display_width

    lead = Board(team, actor="dana")
    lead.update_task("T-1", start="2026-11-02", due="2030-12-01")
    for language, (priority, due) in (("en", ("Priority", "Due")), ("zh", ("优先级", "截止"))):
        monkeypatch.setenv("UPLIFT_LANG", language)
        app = UpliftApp(Board(team, actor="dana"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("v")
            await pilot.pause()
            lines = str(app.screen.query_one("#detail-fields").render()).splitlines()
            first = next(line for line in lines if priority in line)
            second = next(line for line in lines if due in line and "2030-12-01" in line)
            assert display_width(first[:first.index(priority)]) == display_width(second[:second.index(due)])


async def test_help_lists_the_bindings(team) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, Help)
        descriptions = {row[1] for row in app.screen.rows}
        assert {"New", "Edit", "Delete", "Filter", "Mine", "Owner", "Move left", "Move right",
                "Quit", "Help"} <= descriptions


async def test_an_empty_board_says_how_to_start(board_path) -> None:
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE):
        assert "Press n to add the first one" in str(app.screen.query_one("#board-status").render())


async def test_a_hostile_title_renders_literally_and_does_nothing(board_path) -> None:
    board = Board(board_path, actor="dana")
    board.add_task("[ @click=app.quit]x [b]bold[/b] \x1b]52;c;aGk=\x07end")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        text = card_text(app, "T-1")
        assert "[ @click=app.quit]x [b]bold[/b]" in text
        assert "\x1b" not in text
        await pilot.click("#column-todo", offset=(4, 2))  # on the card's title
        await pilot.pause()
        assert app.is_running


async def test_ctrl_z_undoes_and_ctrl_y_redoes_after_asking(team) -> None:
    async def ask(pilot, key: str, answer: str) -> str:
        """Press `key`, answer its question, let the board redraw; the question asked."""
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        question = app.screen.question
        await pilot.press(answer)
        await pilot.pause()
        await pilot.pause()
        return question

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right")
        await pilot.pause()
        assert "T-1" in column_ids(app)["doing"]
        assert "moved T-1 from To do to Doing" in await ask(pilot, "ctrl+z", "n")
        assert "T-1" in column_ids(app)["doing"]  # no: nothing changes
        await ask(pilot, "ctrl+z", "y")
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
        # redo: asked the same way, then the card moves again
        assert "moved T-1 from To do to Doing" in await ask(pilot, "ctrl+y", "y")
        assert "T-1" in column_ids(app)["doing"]
        await ask(pilot, "ctrl+z", "y")
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
        # in a form, ctrl+z is the form's business: no undo is offered over it
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, TaskForm)
    assert Board(team, actor="dana").task("T-1").status == "todo"


async def test_an_undo_asked_about_is_not_swapped_for_a_change_made_meanwhile(team) -> None:
    """The lead asks to undo moving T-1; before answering, she moves T-2 from another terminal.
    Yes then undoes nothing (her last change is no longer the one she was asked about) and says
    so; asked again, the question is about T-2."""
    Board(team, actor="dana").move_task("T-1", "doing")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+z")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "moved T-1 from To do to Doing" in app.screen.question
        Board(team, actor="dana").move_task("T-2", "doing")  # (the other terminal)
        await pilot.press("y")
        await until(pilot, lambda: any("Nothing undone: your last change is another now" in str(n.message)
                                       for n in app._notifications))
        board = Board(team, actor="dana")
        assert (board.task("T-1").status, board.task("T-2").status) == ("doing", "doing")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        assert "moved T-2 from To do to Doing" in app.screen.question


async def test_a_card_moved_elsewhere_since_the_last_poll_is_not_moved_from_where_it_was(team) -> None:
    """ali finishes T-1 a moment before the lead, whose board still shows it in To do, presses
    shift+right: the move would have taken it from Done back to Doing. It is said instead, and
    the board shows where the card is."""
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused.card.id == "T-1"
        Board(team, actor="ali").move_task("T-1", "done")
        # shift+right as pressed before the app's next poll: from To do, the column drawn
        app.screen.query_one(Kanban).post_message(Kanban.MoveRequested("T-1", "todo", "doing"))
        await until(pilot, lambda: "T-1" in column_ids(app)["done"])
        await until(pilot, lambda: any("T-1 was moved meanwhile, to Done" in str(n.message)
                                       for n in app._notifications))
        assert Board(team, actor="dana").task("T-1").status == "done"


async def test_a_comment_from_the_board_shows_on_the_card_and_in_the_details(team) -> None:
    from tui.screens.fields_form import FieldsForm

    app = UpliftApp(Board(team, actor="bea"))  # a rep, on ali's task
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused.card.id == "T-1"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FieldsForm)
        app.screen.query_one("#field-comment").text = "Ali is out; I called Acme."
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert "1 comment" in card_text(app, "T-1")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetail)
        comments = str(app.screen.query_one("#detail-comments").render())
        assert "bea  Ali is out; I called Acme." in comments
    assert [c.text for c in Board(team, actor="dana").task("T-1").comments] == ["Ali is out; I called Acme."]


async def test_a_repeating_task_done_on_the_board_makes_the_next(team) -> None:
    from textual.widgets import Select

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")  # T-1, due 2026-12-01 (the fixture's)
        assert isinstance(app.screen, TaskForm)
        app.screen.query_one("#every", Select).value = "weekly"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "↻ weekly" in card_text(app, "T-1")
        await pilot.press("L", "L", "L")  # to Done
        await pilot.pause()
        assert "T-1" in column_ids(app)["done"] and "T-3" in column_ids(app)["todo"]
        assert any("T-1 repeats weekly: T-3 is the next" in str(n.message) for n in app._notifications)
    after = Board(team, actor="dana").task("T-3")
    assert (after.title, after.every, after.previous) == ("Call Acme", "weekly", "T-1")


async def test_a_card_says_what_it_waits_for(team) -> None:
    lead = Board(team, actor="dana")
    lead.update_task("T-2", depends=["T-1"])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert "waits for T-1" in card_text(app, "T-2")
        await pilot.press("j", "L")  # T-2 to Doing while T-1 is not done: allowed, and said
        await pilot.pause()
        assert "T-2" in column_ids(app)["doing"]
        assert any("T-2 waits for T-1, not done yet" in str(n.message) for n in app._notifications)
        lead.move_task("T-1", "done")
        await until(pilot, lambda: "waits for" not in card_text(app, "T-2"))  # it sees the other process's change


async def test_tags_on_a_card_and_in_the_filter(team) -> None:
    Board(team, actor="dana").update_task("T-2", tags=["visit", "Q4"])
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert "+visit +q4" in card_text(app, "T-2")
        await pilot.press("slash", *"+q4", "enter")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-2"]


async def test_a_rep_is_told_at_once_that_anothers_task_is_not_theirs_to_edit(team) -> None:
    """e, enter, d and e in the task's details on ali's task, as bea: the rule at once, no form
    to fill in nor a question to answer first (a comment stays open to anyone)."""
    app = UpliftApp(Board(team, actor="bea"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused.card.id == "T-1"
        for key, rule in (("e", "a rep may only change their own tasks; this one is ali's"),
                          ("enter", "a rep may only change their own tasks; this one is ali's"),
                          ("d", "only a lead may delete tasks")):
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, (TaskForm, Confirm)), key
            assert any(rule in str(n.message) for n in app._notifications), key
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetail)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetail)


async def test_a_dialog_over_the_board_shows_its_own_keys_and_its_heading(team) -> None:
    """A form, a yes/no question, a pick: each shows its own keys in its footer (the board's
    keys beneath do nothing there). The comment form keeps its heading, which says how to save,
    in view (a text box used to fill the dialog, scrolling the heading away); after saving, the
    focus is back on the card."""
    from tui.screens.dialogs import Pick
    from tui.screens.fields_form import FieldsForm
    from tui.widgets.footer import Footer

    def footer_keys() -> dict[str, str]:
        return {k.description: k.key_display for k in app.screen.query_one(Footer).keys}

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FieldsForm)
        await pilot.pause()
        assert footer_keys() == {"Save": "^s", "Cancel": "esc"}
        heading = app.screen.query_one(".dialog-question")
        dialog = app.screen.query_one(".dialog")
        assert "Comment on T-1" in str(heading.render()) and "saves" in str(heading.render())
        assert dialog.scrollable_content_region.contains_region(heading.region), (heading.region, dialog.region)
        await pilot.press(*"[b]x[/b]", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsForm) and app.focused.card.id == "T-1"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.pause()
        assert footer_keys() == {"Yes": "y", "No": "n"}
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("o")  # one owner's tasks: a pick
        await pilot.pause()
        assert isinstance(app.screen, Pick)
        await pilot.pause()
        assert footer_keys() == {"Cancel": "esc"}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, Help)
        await pilot.pause()
        assert footer_keys() == {"Close": "esc"}
        await pilot.press("escape")
    assert [c.text for c in Board(team, actor="dana").task("T-1").comments] == ["[b]x[/b]"]


def owner_choices(app: UpliftApp) -> tuple[bool, list[str]]:
    """Whether the open form's Owner box can be changed, and the names it offers."""
    from textual.widgets import Select

    owner = app.screen.query_one("#owner", Select)
    return not owner.disabled, [value for _label, value in owner._options if value != Select.NULL]


async def test_a_reps_task_and_deal_forms_offer_only_themselves_as_owner(team) -> None:
    """A rep may not give work to someone else: the form says so before it is filled in (the Owner
    box fixed at them), rather than offering everyone and refusing the save. A lead picks anyone."""
    from tui.screens.deal_form import DealForm

    for actor, expected in (("ali", (False, ["ali"])), ("dana", (True, ["ali", "bea", "dana"]))):
        app = UpliftApp(Board(team, actor=actor))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, TaskForm)
            choices = owner_choices(app)
            assert (choices[0], sorted(choices[1])) == expected, actor
            app.screen.query_one("#title").value = f"{actor}'s own task"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, TaskForm)
            await pilot.press("4")
            await on_mode(pilot, "pipeline")
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, DealForm)
            choices = owner_choices(app)
            assert (choices[0], sorted(choices[1])) == expected, actor
    owners = {t.title: t.owner for t in Board(team, actor="dana").tasks()}
    assert (owners["ali's own task"], owners["dana's own task"]) == ("ali", "dana")


async def test_someone_who_may_only_read_hears_so_before_any_form(team) -> None:
    """Someone not on the team may only read: each key that makes something (a task, a comment, a
    deal, a follow-up, a check-in, a budget request, a note) says so at once, instead of a form
    whose save is refused. A rep's `$` names the rule (a lead's), not the deal's stage."""
    from textual.screen import ModalScreen

    lead = Board(team, actor="dana")
    lead.add_goal("Grow revenue", owner="dana")
    lead.add_deal("Acme pilot", account="Acme", owner="ali", value=1000)
    for actor, screen, key, rule in (
            ("zed", "3", "n", "not a member"), ("zed", "3", "c", "not a member"),
            ("zed", "4", "n", "not a member"), ("zed", "4", "t", "not a member"),
            ("zed", "2", "c", "not a member"), ("zed", "1", "n", "not a member"),
            ("ali", "4", "dollar_sign", "only a lead may record")):
        app = UpliftApp(Board(team, actor=actor))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(screen)
            await on_mode(pilot, MODE_OF_KEY[screen])
            await pilot.press(key)
            await until(pilot, lambda: any(rule in str(n.message) for n in app._notifications))
            await settled(pilot)
            assert not isinstance(app.screen, ModalScreen), (actor, screen, key, app.screen)
    app = UpliftApp(Board(team, actor="zed"))
    async with app.run_test(size=SIZE) as pilot:  # the budget screen's request
        await pilot.press("2")
        await on_mode(pilot, "goals")
        goals = app.screen
        await pilot.press("b")
        await until(pilot, lambda: app.screen is not goals)
        await settled(pilot)
        screen = app.screen
        await pilot.press("r")
        await until(pilot, lambda: any("not a member" in str(n.message) for n in app._notifications))
        await settled(pilot)
        assert app.screen is screen


async def test_a_due_date_before_the_start_is_refused_next_to_due(team) -> None:
    """The task's own rules about its dates are said next to Due, where the fix is typed (they
    were said at the top of the form, above the fold of a long form), and nothing is saved."""
    from textual.widgets import Select, Static

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#title").value = "Plan the trade fair"
        form.query_one("#start").value = "2026-12-10"
        form.query_one("#due").value = "2026-12-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#error-due", Static).content) == "Due: 2026-12-01 is before the start date 2026-12-10"
        assert str(form.query_one("#error-form", Static).content) == ""
        form.query_one("#start").value = form.query_one("#due").value = ""
        form.query_one("#every", Select).value = "weekly"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#error-due", Static).content) == "Due: a repeating task needs a due date to repeat from"
        assert str(form.query_one("#error-form", Static).content) == ""
    assert [t.title for t in Board(team, actor="dana").tasks()] == ["Call Acme", "Visit Betasoloin"]


async def test_keys_that_act_on_a_task_say_so_when_none_is_shown(board_path) -> None:
    """On an empty board (or a filter that shows no card) e, v, c and d said nothing at all."""
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        for key in ("e", "v", "c", "d"):
            app._notifications.clear()
            await pilot.press(key)
            await pilot.pause()
            assert [str(n.message) for n in app._notifications] == ["No task selected: press n to add one."], key


async def test_saving_the_task_form_keeps_what_someone_else_changed_while_it_was_open(team) -> None:
    """ali edits the title while dana, elsewhere, sets the due date and adds a tag: ali's save
    changes the title only."""
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, TaskForm)
        Board(team, actor="dana").update_task("T-1", due="2026-12-20", tags=["visit"])
        app.screen.query_one("#title").value = "Call Acme about the renewal"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TaskForm)
    task = Board(team, actor="dana").task("T-1")
    assert (task.title, str(task.due), task.tags) == ("Call Acme about the renewal", "2026-12-20", ["visit"])


async def test_a_new_task_for_nobody_is_nobodys(team) -> None:
    from textual.widgets import Select

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, TaskForm)
        await pilot.press(*"Tidy the CRM")
        app.screen.query_one("#owner", Select).value = Select.NULL  # "nobody"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TaskForm)
    assert Board(team, actor="dana").task("T-3").owner is None


async def test_escape_keeps_the_focused_card_with_or_without_a_filter(team) -> None:
    """escape clears the filters; the card under the cursor keeps the focus. With no filter on it
    sent the focus back to the first card, and a stray escape lost your place on the board."""
    lead = Board(team, actor="dana")
    lead.add_task("Quote Cobalt", owner="ali")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.focused.card.id == "T-3"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused.card.id == "T-3"
        await pilot.press("slash", *"Cobalt", "enter")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-3"]
        await pilot.press("escape")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-1", "T-2", "T-3"]
        assert app.focused.card.id == "T-3"


async def test_m_and_o_keep_the_focused_card_while_it_is_still_shown(team) -> None:
    """Turning "only mine" off (m again), or picking everyone (o), shows more cards: the card you
    were on keeps the focus (it went back to the board's first card); a card the filter hides
    gives the focus to the first one shown."""
    lead = Board(team, actor="dana")
    lead.add_task("Plan the kickoff", owner="dana")  # T-3
    lead.add_task("Review the pipeline", owner="dana")  # T-4
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused.card.id == "T-1"  # ali's
        await pilot.press("m")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-3", "T-4"] and app.focused.card.id == "T-3"
        await pilot.press("down")
        await pilot.pause()
        assert app.focused.card.id == "T-4"
        await pilot.press("m")  # everyone's again
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-1", "T-2", "T-3", "T-4"] and app.focused.card.id == "T-4"
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")  # everyone, ali, bea, dana
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-3", "T-4"] and app.focused.card.id == "T-4"
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("home", "enter")  # everyone
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-1", "T-2", "T-3", "T-4"] and app.focused.card.id == "T-4"


async def test_a_long_pick_list_scrolls_inside_its_dialog_at_80x24(team) -> None:
    """`o` with thirty owners: the list ran two lines past the dialog's edge (under its question),
    its last owner out of reach; it scrolls inside the dialog and the last one can be chosen."""
    from textual.widgets import OptionList

    from tui.screens.dialogs import Pick

    lead = Board(team, actor="dana")
    for n in range(30):
        lead.add_member(f"rep{n:02d}", "rep")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, Pick)
        listing = app.screen.query_one(OptionList)
        dialog = app.screen.query_one(".dialog")
        assert dialog.content_region.contains_region(listing.region), (listing.region, dialog.content_region)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, Pick)


async def test_a_move_into_a_column_over_its_limit_says_over(team) -> None:
    """Doing already holds two where one is the limit: the question says over, not at."""
    lead = Board(team, actor="dana")
    lead.add_task("Doing one", owner="dana", status="doing")
    lead.add_task("Doing two", owner="dana", status="doing")
    lead.set_wip_limit("doing", 1)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("shift+right")  # T-1
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "Doing is over its WIP limit (2/1). Move T-1 there anyway?" in app.screen.question
        await pilot.press("n")


async def test_the_words_for_changes_made_meanwhile_in_chinese(team, monkeypatch) -> None:
    """A card moved elsewhere since the last poll, and an undo asked about that a change made
    meanwhile has replaced, are said in Chinese."""
    from tui.i18n import set_language

    monkeypatch.setenv("UPLIFT_LANG", "zh")
    set_language()
    Board(team, actor="dana").move_task("T-2", "doing")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        Board(team, actor="ali").move_task("T-1", "done")
        app.screen.query_one(Kanban).post_message(Kanban.MoveRequested("T-1", "todo", "doing"))
        await until(pilot, lambda: any("T-1 刚被移到了完成：现已显示在那里；如仍要移动，请再移一次" == str(n.message)
                                       for n in app._notifications))
        await pilot.press("ctrl+z")
        await until(pilot, lambda: isinstance(app.screen, Confirm))
        Board(team, actor="dana").move_task("T-2", "blocked")
        await pilot.press("y")
        await until(pilot, lambda: any(str(n.message).startswith("未撤销任何内容：") for n in app._notifications))
    assert Board(team, actor="dana").task("T-2").status == "blocked"


async def test_a_move_while_another_process_holds_the_lock_says_the_board_is_busy_soon(team) -> None:
    """A long import in another process holds the board's lock. The app waited a command's 15 s
    for it, its screen frozen; it now waits the app's shorter time and says so, and nothing moves."""
    import os

    from store.files import exclusive_lock
    from tui.app import APP_LOCK_WAIT

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused.card.id == "T-1"
        with exclusive_lock(team, os.stat(team / "board.json").st_mode & 0o777):
            await pilot.press("shift+right")
            await pilot.pause()
        busy = [said for said in notices(app) if "held the board's lock" in said]
        assert busy == [f"{team}: another process has held the board's lock for {APP_LOCK_WAIT:.0f} s; try again"]
        assert APP_LOCK_WAIT < 15
        assert column_ids(app)["todo"] == ["T-1", "T-2"]
    assert Board(team, actor="dana").task("T-1").status == "todo"


def column_words(column) -> str:
    """What a column shows, its lines' words joined by single spaces (wrapped lines rejoined)."""
    lines = ["".join(segment.text for segment in column.render_line(y)) for y in range(column.size.height)]
    return " ".join(" ".join(line.strip(" ▎▌▐█▇▆▅▄▃▂▁") for line in lines).split())


async def test_a_card_far_down_a_long_column_is_drawn_where_it_is(board_path) -> None:
    """Clearing a filter that showed the 150th card of a column keeps the focus on it: the column
    shows that card, whole, and the one above it, then `home` brings back its first card and
    `end` its last. (The column works out every card's height but draws only those in view: a
    deep jump among 1,600 cards took 2 s when it drew them all.)"""
    lead = Board(board_path, actor="dana")
    lead.add_member("dana", "lead")
    for n in range(1, 151):
        lead.add_task(f"Call customer number {n} about the renewal", owner="dana")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"number 150 ", "enter")
        await pilot.pause()
        assert column_ids(app)["todo"] == ["T-150"]
        await pilot.press("escape")
        await pilot.pause()
        todo = app.screen.query_one(Kanban).columns[0]
        assert len(column_ids(app)["todo"]) == 150 and app.focused.card.id == "T-150"
        shown = column_words(todo)
        assert "T-150 Call customer number 150 about the renewal dana · normal no due date" in shown
        assert "T-149 Call customer number 149" in shown and "T-1 " not in shown
        await pilot.press("home")
        await pilot.pause()
        shown = column_words(todo)
        assert shown.startswith("To do 150 T-1 Call customer number 1 about the renewal") and "T-150" not in shown
        await pilot.press("end")
        await pilot.pause()
        assert "T-150 Call customer number 150" in column_words(todo)


async def test_the_details_say_when_a_task_imported_done_was_done(board_path, tmp_path) -> None:
    """A task done in taskwarrior before it came onto the board: its history says only that it
    was created; the details say when it was done (taskwarrior's `end`)."""
    import json

    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{"description": "Send the quote", "status": "completed", "end": "20261105T150000Z",
                                 "uuid": "b2222222-2222-2222-2222-222222222222"}]), encoding="utf-8")
    lead = Board(board_path, actor="dana")
    lead.import_tasks(path)
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, TaskDetail)
        text = str(app.screen.query_one("#detail-fields").render())
        done = lead.task("T-1").done_at.astimezone().strftime("%Y-%m-%d %H:%M")
        assert f"Done      {done}  (as the list it came from says)" in text, text


async def test_end_scrolls_to_a_columns_last_card_past_the_ones_not_shown_yet(board_path) -> None:
    """A column shows its cards a window at a time: `end` scrolled to its "↓ 12 more" line, not
    to its end, the last cards out of reach of the key that promises them."""
    lead = Board(board_path, actor="dana")
    lead.add_member("dana", "lead")
    for n in range(1, 21):
        lead.add_task(f"Call customer number {n}", owner="dana")
    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        todo = app.screen.query_one(Kanban).columns[0]
        assert todo.hidden == 12 and "T-20 " not in column_words(todo)  # eight shown, twelve more below
        await pilot.press("end")
        await until(pilot, lambda: "T-20 Call customer number 20" in column_words(todo))
        assert todo.hidden == 0 and "more" not in column_words(todo)
        assert app.focused.card.id == "T-1"  # the keys scroll; the focus stays where it was
        await pilot.press("home")
        await until(pilot, lambda: column_words(todo).startswith("To do 20 T-1 Call customer number 1"))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_footer_says_the_filter_boxs_keys_while_it_has_the_focus(team, size) -> None:
    """While the filter box has the focus the footer showed only `/ Filter` (and `/` is typed
    there); now it says enter keeps the filter and escape clears it, which both do, and once the
    box lets go the board's keys are back."""
    from tui.widgets.footer import Footer

    def footer() -> list[tuple[str, str]]:
        return [(key.key_display, key.description) for key in app.screen.query_one(Footer).keys]

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: ("/", "Filter") in footer())
        await pilot.press("slash")
        await until(pilot, lambda: footer() == [("⏎", "Keep filter"), ("esc", "Clear filters")])
        await pilot.press(*"/acme")  # (`/` typed into the box, not a key of the board)
        await until(pilot, lambda: column_ids(app)["todo"] == [])
        assert app.screen.query_one("#filter").value == "/acme"
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", *"acme", "enter")
        await until(pilot, lambda: ("/", "Filter") in footer() and app.focused is app.screen.query_one(Kanban))
        assert column_ids(app)["todo"] == ["T-1"]
        await pilot.press("slash")
        await until(pilot, lambda: ("esc", "Clear filters") in footer())
        await pilot.press("escape")
        await until(pilot, lambda: column_ids(app)["todo"] == ["T-1", "T-2"] and ("/", "Filter") in footer())
        assert not app.screen.query_one("#filter").display
