"""Plan files from the TUI: export and import by key and by command palette, problems with lines,
and a dry-run summary confirmed before anything is written."""

from __future__ import annotations

from store.board import Board
from store.plan_yaml import dump_plan
from tests.conftest import snapshot_files
from tests.tui.waiting import notices, run_palette
from tui.app import UpliftApp
from tui.screens.plan_file import AskPath, ImportPreview, PlanProblems

SIZE = (120, 40)


async def answer_path(app, pilot, path) -> None:
    assert isinstance(app.screen, AskPath)
    app.screen.query_one("#path").value = str(path)
    await pilot.press("enter")
    await pilot.pause()


async def import_file(app, pilot, path) -> None:
    """`i`, and the path typed into its prompt."""
    await pilot.press("i")
    await pilot.pause()
    await answer_path(app, pilot, path)


def shown_text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_x_exports_the_plan_to_the_file_named(team, tmp_path) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await answer_path(app, pilot, tmp_path / "q4.yaml")
    assert (tmp_path / "q4.yaml").read_text() == dump_plan(Board(team, actor="dana").export_plan())


async def test_a_file_named_alone_is_said_with_its_whole_path(team, tmp_path, monkeypatch) -> None:
    """`x` offers the plan's name alone; it goes to the folder uplift was started in, and the
    notification says which (it said `q4.yaml`, leaving a new lead to hunt for it)."""
    monkeypatch.chdir(tmp_path)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await answer_path(app, pilot, "q4.yaml")
        await pilot.pause()
        assert notices(app) == [f"Wrote the plan to {tmp_path / 'q4.yaml'}"]
    assert (tmp_path / "q4.yaml").is_file()


async def test_replacing_an_existing_file_asks_and_enter_keeps_it(team, tmp_path) -> None:
    from tui.screens.dialogs import Confirm

    target = tmp_path / "q4.yaml"
    target.write_text("mine\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await answer_path(app, pilot, target)
        assert isinstance(app.screen, Confirm) and "exists. Replace it?" in app.screen.question
        await pilot.press("enter")  # No has the focus: the file stays
        await pilot.pause()
        assert not isinstance(app.screen, Confirm)
        assert target.read_text() == "mine\n"
        await pilot.press("x")
        await pilot.pause()
        await answer_path(app, pilot, target)
        await pilot.press("y")
        await pilot.pause()
    assert target.read_text() == dump_plan(Board(team, actor="dana").export_plan())


async def test_import_shows_the_dry_run_and_applies_only_on_yes(team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(dump_plan(Board(team, actor="dana").export_plan()).replace("Call Acme", "Call Acme twice"))
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await import_file(app, pilot, plan)
        assert isinstance(app.screen, ImportPreview)
        assert "Would change 1:\n  T-1  (title)" in shown_text(app, "#preview-lines")
        # asked before anything is written: the dry run's "Nothing was written." read as y's outcome
        assert shown_text(app, "#preview-lines").endswith("Left alone (on the board, not in the file) 0")
        await pilot.press("n")
        await pilot.pause()
        assert snapshot_files(team) == before
        await import_file(app, pilot, plan)
        await pilot.press("y")
        await pilot.pause()
        assert app.board.task("T-1").title == "Call Acme twice"
        assert app.board.history(item="T-1")[0].actor == "dana"


async def test_import_problems_are_listed_with_their_lines_as_plain_text(team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- id: T-1\n  title: Call Acme\n  status: '[b]done[/b]'\n  due: 2026-02-30\n")
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await import_file(app, pilot, plan)
        assert isinstance(app.screen, PlanProblems)
        assert shown_text(app, "#problem-lines").splitlines() == [
            f"{plan}:4: tasks[0].status: '[b]done[/b]' is not one of: todo, doing, blocked, done",
            f"{plan}:5: tasks[0].due: '2026-02-30' is not a date: the days of 2026-02 run 01 to 28",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PlanProblems)
    assert snapshot_files(team) == before


async def test_a_reps_refused_import_lists_the_refusal(team, tmp_path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("tasks:\n- id: T-2\n  title: Visit Betasoloin today\n  owner: bea\n")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await import_file(app, pilot, plan)
        assert isinstance(app.screen, PlanProblems)
        assert shown_text(app, "#problem-lines") == (
            f"{plan}:2: tasks[0]: a rep may only change their own tasks; this one is bea's")


async def test_the_command_palette_offers_export_and_import(team, tmp_path) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Export plan" in titles and "Import plan" in titles
        await run_palette(pilot, app, "Import plan")
        assert isinstance(app.screen, AskPath)


async def test_plan_file_dialogs_show_their_own_keys(team, tmp_path) -> None:
    """The path box, the import preview and the problems list each show the keys that work in
    them, not the board's keys beneath, which do nothing while they are open."""
    from tui.widgets.footer import Footer

    def footer_keys() -> dict[str, str]:
        return {k.description: k.key_display for k in app.screen.query_one(Footer).keys}

    plan, bad = tmp_path / "plan.yaml", tmp_path / "bad.yaml"
    plan.write_text(dump_plan(Board(team, actor="dana").export_plan()).replace("Call Acme", "Call Acme twice"))
    bad.write_text("tasks: 3\n")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert footer_keys() == {"Cancel": "esc"}
        await answer_path(app, pilot, plan)
        assert isinstance(app.screen, ImportPreview) and footer_keys() == {"Import": "y", "Cancel": "n"}
        await pilot.press("n", "i")
        await pilot.pause()
        await answer_path(app, pilot, bad)
        assert isinstance(app.screen, PlanProblems) and footer_keys() == {"Close": "esc"}


async def test_an_import_offers_the_file_the_export_wrote(team, tmp_path, monkeypatch) -> None:
    """`x` offered `board.yaml` (the plan's name) and `i` then offered `plan.yaml`: a lead who
    exported, edited the file and pressed `i` was told it could not be read."""
    monkeypatch.chdir(tmp_path)
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#path").value == "board.yaml"  # nothing used yet: the plan's name
        await pilot.press("escape")
        await pilot.press("x")
        await pilot.pause()
        await answer_path(app, pilot, tmp_path / "q4.yaml")
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one("#path").value == str(tmp_path / "q4.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert "changes nothing on this board" in " ".join(str(n.message) for n in app._notifications)


async def test_the_empty_boards_hint_names_the_key_that_imports_a_plan(board_path) -> None:
    from textual.widgets import Static

    from tests.tui.waiting import until

    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "no tasks yet" in str(app.screen.query_one("#board-status", Static).render()))
        hint = str(app.screen.query_one("#board-status", Static).render())
        assert "(`uplift plan new --from blank -o plan.yaml`) and press i to import it" in hint
        await pilot.press("i")  # the key it names: it asks for the plan's file
        await until(pilot, lambda: isinstance(app.screen, AskPath))
