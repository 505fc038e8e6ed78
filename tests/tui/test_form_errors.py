"""A form's errors read together (FieldErrors) are each shown by their field; the error as a
whole, wherever an error is said, is said in the interface's language like any other."""

from __future__ import annotations

from sales.errors import Invalid
from tui.screens.form_base import FieldErrors


def errors() -> list[Invalid]:
    return [Invalid("title", "a deal needs a title"),
            Invalid("close", "{text!r} is not a date (YYYY-MM-DD)", text="soonish")]


def test_several_errors_say_the_first_and_count_the_rest(monkeypatch) -> None:
    from tui.i18n import said, set_language

    assert str(FieldErrors(errors())) == "title: a deal needs a title (and 1 more)"
    assert str(FieldErrors(errors()[1:])) == "close: 'soonish' is not a date (YYYY-MM-DD)"
    monkeypatch.setenv("UPLIFT_LANG", "zh")
    try:
        assert set_language() == "zh"
        assert said(FieldErrors(errors())) == "title: 商机需要标题（另有 1 处问题）"
        assert said(FieldErrors(errors()[1:])) == "close: 'soonish' 不是日期（YYYY-MM-DD）"
    finally:
        monkeypatch.setenv("UPLIFT_LANG", "en")
        set_language()


async def test_an_empty_error_line_takes_no_room_until_an_error_is_set(team) -> None:
    """At 80x24 every field's empty error line (and the one under the heading) took a line of
    its own: empty, they take none, so more fields fit; a refusal shows its line, in view, and
    the next save that succeeds for that field hides it again."""
    from textual.containers import VerticalScroll

    from store.board import Board
    from tui.app import UpliftApp
    from tui.screens.task_form import TaskForm

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TaskForm)
        lines = list(app.screen.query(".field-error"))
        assert len(lines) > 3 and all(line.region.height == 0 for line in lines)
        app.screen.query_one("#due").value = "someday"
        await pilot.press("ctrl+s")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        error = app.screen.query_one("#error-due")
        assert "not a date" in str(error.render())
        form = app.screen.query_one(VerticalScroll)
        assert error.region.height >= 1 and form.region.contains_region(error.region)
        assert all(line.region.height == 0 for line in lines if line is not error)
        app.screen.query_one("#due").value = ""
        app.screen.query_one("#title").value = " "
        await pilot.press("ctrl+s")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert error.region.height == 0 and app.screen.query_one("#error-title").region.height >= 1


async def test_a_goal_forms_row_error_reads_at_the_forms_width_at_80x24(team) -> None:
    """At 80x24 an error under the quarter-width Baseline box wrapped into ten narrow lines; it
    is said under the row of boxes, the form's width, named for its field."""
    from textual.widgets import Static

    from store.board import Board
    from tests.tui.waiting import on_mode, until
    from tui.app import UpliftApp
    from tui.screens.fields_form import FieldsForm

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await on_mode(pilot, "goals")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm) and app.screen.query("#field-baseline"))
        form = app.screen
        form.query_one("#field-title").value = "Grow revenue"
        form.query_one("#field-baseline").value = "lots"
        await pilot.press("ctrl+s")
        line = form.query_one("#error-baseline", Static)
        await until(pilot, lambda: str(line.content).strip() and line.region.height)
        await pilot.pause()
        said = str(line.content)
        assert said.startswith("Baseline: ") and "'lots' is not a number" in said
        box = form.query_one("#field-baseline")
        assert line.region.width > 2 * box.region.width  # under the row, not under the box
        assert line.region.height <= 2


async def test_task_and_deal_forms_say_a_rows_errors_under_the_row_at_80x24(team) -> None:
    """The Due box is a third of the task form's row and Expected close a third of the deal
    form's: an error under such a box wrapped into many narrow lines. It is said under the row,
    the form's width, named for its field; a box alone (Title) keeps its line under it."""
    from textual.widgets import Static

    from store.board import Board
    from tests.tui.waiting import until
    from tui.app import UpliftApp
    from tui.screens.deal_form import DealForm
    from tui.screens.task_form import TaskForm

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(80, 24)) as pilot:
        for opened, form_class, field, label in (("e", TaskForm, "due", "Due"),
                                                 ("4n", DealForm, "close", "Expected close")):
            for key in opened:
                await pilot.press(key)
                await pilot.pause()
            await until(pilot, lambda: isinstance(app.screen, form_class))
            form = app.screen
            form.query_one("#title").value = "Renewal"
            form.query_one(f"#{field}").value = "someday"
            await pilot.press("ctrl+s")
            line = form.query_one(f"#error-{field}", Static)
            await until(pilot, lambda: str(line.content).strip() and line.region.height)
            await pilot.pause()
            said = str(line.content)
            assert said.startswith(f"{label}: ") and "'someday' is not a date" in said
            box = form.query_one(f"#{field}")
            assert line.region.width > 2 * box.region.width  # under the row, not under the box
            assert line.region.height <= 2
            assert getattr(form.query_one("#error-title"), "said_of", None) is None
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, form_class))
