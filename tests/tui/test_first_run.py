"""The app on a board made for this run says where the board is (nothing else does)."""

from __future__ import annotations

from textual.widgets import Input

from store.board import Board
from tests.tui.test_team_setup_screen import fill, text
from tests.tui.waiting import notices, until
from tui.app import UpliftApp
from tui.screens.cycle import CycleScreen
from tui.screens.fields_form import FieldsForm
from tui.screens.team_setup import TeamSetupScreen


async def test_a_board_made_now_is_said_with_its_path(tmp_path) -> None:
    path = tmp_path / "b"
    app = UpliftApp(Board(path, actor="dana", create=True), made=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # (a path wider than the toast is broken after a `/`: the test below)
        assert f"A new board was made at {path}" in notices(app)


async def test_a_board_that_was_there_is_not_said_new_and_a_member_is_told_nothing(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not list(app._notifications)


async def test_someone_not_on_the_team_is_told_why_they_may_only_read(team, monkeypatch) -> None:
    """`root (reader)` and "root is not a member" did not say that root is the login name, taken
    because UPLIFT_USER is not set, nor that setting it is the way in (the command line says so).
    Said as the app starts, and again at a key that would change something."""
    monkeypatch.delenv("UPLIFT_USER", raising=False)
    app = UpliftApp(Board(team, actor="root"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert [str(n.message) for n in app._notifications] == 2 * [
            "you are root (your login name; $UPLIFT_USER is not set), who is not a member of this board, "
            "so may only read it (set $UPLIFT_USER to your name on the board, or a lead adds you with "
            "`uplift member add NAME --role rep`)"]


async def test_a_wrong_uplift_user_is_named_as_such(team, monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_USER", "dnaa")
    app = UpliftApp(Board(team, actor="dnaa"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert [str(n.message) for n in app._notifications] == 2 * [
            "$UPLIFT_USER is dnaa, who is not a member of this board, so may only read it "
            "(a lead adds members with `uplift member add NAME --role rep`). Did you mean dana?"]


async def test_the_board_made_where_none_was_named_is_not_called_board(tmp_path, monkeypatch) -> None:
    """`uplift` the first time makes …/uplift/board: the header said "Uplift — board · sam"; it
    says who you are until the plan is named, and then its name. A board of a folder you named
    keeps the folder's name until then."""
    monkeypatch.delenv("UPLIFT_BOARD", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    board = Board(tmp_path / "data" / "uplift" / "board", actor="sam", create=True)
    app = UpliftApp(board, made=True)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.sub_title == "sam (lead)"
        # nor does the cycle's heading, the plan's line, or the form that names it (left empty,
        # the plan stays unnamed: it was "board" everywhere but the header)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, CycleScreen))
        assert text(app, "#cycle-title").startswith("no plan name yet · no cycle dates yet")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen))
        assert text(app, "#setup-plan") == "Plan: no plan name yet · no cycle dates yet"
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, FieldsForm))
        assert app.screen.query_one("#field-name", Input).value == ""
        await fill(app, pilot, start="2027-01-04", end="2027-03-31")
        await until(pilot, lambda: isinstance(app.screen, TeamSetupScreen) and "2027" in text(app, "#setup-plan"))
        assert text(app, "#setup-plan") == "Plan: no plan name yet · 2027-01-04 to 2027-03-31"
    board.set_plan_info("North team, Q1")
    async with UpliftApp(Board(board.path, actor="sam")).run_test(size=(120, 40)) as pilot:
        assert pilot.app.sub_title == "North team, Q1 · sam (lead)"
    async with UpliftApp(Board(tmp_path / "sales", actor="sam", create=True)).run_test(size=(120, 40)) as pilot:
        assert pilot.app.sub_title == "sales · sam (lead)"


async def test_a_folder_named_by_uplift_board_keeps_its_name(tmp_path, monkeypatch) -> None:
    """$UPLIFT_BOARD names a folder as --board does (and the SSH server's sessions get theirs so):
    the header said only "sam (lead)" there, as if the board had been made where none was named."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("UPLIFT_BOARD", str(tmp_path / "sales"))
    board = Board(tmp_path / "sales", actor="sam", create=True)
    async with UpliftApp(board).run_test(size=(120, 40)) as pilot:
        assert pilot.app.sub_title == "sales · sam (lead)"


async def test_a_long_path_in_a_notification_breaks_after_a_slash(tmp_path) -> None:
    """Textual breaks a toast's text only at spaces: at 80 columns the new board's path was cut
    where the line ended (`…/uplift/b`, `oard`). It breaks after a `/` now, each line whole."""
    from textual.widgets._toast import Toast

    path = tmp_path / "the-sales-team-of-the-north" / ".local" / "share" / "uplift" / "board"
    app = UpliftApp(Board(path, actor="dana", create=True), made=True)
    async with app.run_test(size=(80, 30), notifications=True) as pilot:
        await until(pilot, lambda: any(toast.size.height for toast in app.screen.query(Toast)))
        [toast] = app.screen.query(Toast)
        lines = [toast.render_line(y).text.rstrip() for y in range(toast.size.height)]
    assert lines[0] == "A new board was made at" and "".join(lines[1:]) == str(path)
    assert len(lines) > 2 and all(line.endswith("/") and len(line) <= 36 for line in lines[1:-1])
