"""The app in a session over `uplift serve ssh` (UPLIFT_REMOTE=1): a key that would open a file on
the server says at once how to do it over SSH, before it asks for a file name that could never be
used (the refusal used to come only once the name was typed)."""

from __future__ import annotations

import pytest

from store.board import Board
from tests.conftest import snapshot_files
from tests.tui.waiting import run_palette, until
from tui.app import UpliftApp
from tui.screens.diagnose import DiagnoseScreen
from tui.screens.diagnose_forms import DiagnoseFileForm
from tui.screens.plan_file import AskPath

SIZE = (120, 40)


@pytest.fixture
def remote(monkeypatch) -> None:
    monkeypatch.setenv("UPLIFT_REMOTE", "1")


@pytest.mark.parametrize(("key", "told"), [
    ("x", "Over SSH the plan is exported with `ssh ... plan export > FILE.yaml`"),
    ("i", "Over SSH a plan is imported with `ssh ... plan import - < FILE.yaml`"),
])
async def test_plan_files_over_ssh_are_refused_before_a_file_is_asked_for(team, remote, key, told) -> None:
    before = snapshot_files(team)
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await until(pilot, lambda: app._notifications)
        assert not isinstance(app.screen, AskPath)
        assert [n.message for n in app._notifications] == [told]
    assert snapshot_files(team) == before


async def test_a_diagnosis_over_ssh_is_refused_before_its_form(team, remote) -> None:
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen) and app.screen.is_mounted)
        await pilot.press("f")
        await until(pilot, lambda: app._notifications)
        assert not isinstance(app.screen, DiagnoseFileForm)
        assert [n.message for n in app._notifications] == [
            "Not diagnosed, nothing saved: over SSH the server's files are out of reach: "
            "run `uplift diagnose FILE --board DIR` on a machine that has the board's folder"]


async def test_on_the_lead_s_own_machine_the_same_keys_ask_for_a_file(team) -> None:
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, AskPath))


@pytest.mark.parametrize("over_ssh", [True, False])
async def test_the_palette_offers_file_commands_only_where_files_can_be_opened(team, monkeypatch, over_ssh) -> None:
    from tui.palette import UpliftCommands

    if over_ssh:
        monkeypatch.setenv("UPLIFT_REMOTE", "1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        offered = {c.title for c in app.get_system_commands(app.screen)}
        offered |= {e.text for e in UpliftCommands(app.screen).fixed_entries()}
        files = {"Export plan", "Import plan", "Diagnose a sales file"}
        assert offered & files == (set() if over_ssh else files)
        assert "My day" in offered and "Undo my last change" in offered


def offered(app: UpliftApp) -> set[str]:
    from tui.widgets.footer import Footer

    return {key.action for key in app.screen.query_one(Footer).keys}


@pytest.mark.parametrize("over_ssh", [True, False])
async def test_the_footer_offers_the_file_keys_only_where_files_can_be_opened(team, monkeypatch, over_ssh) -> None:
    """Over SSH `x`, `i` and `f` only say how to do it another way: the footer does not promise
    them (pressed, they still say it; `?` still lists them)."""
    if over_ssh:
        monkeypatch.setenv("UPLIFT_REMOTE", "1")
    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=(200, 40)) as pilot:  # (wide enough for every key)
        await until(pilot, lambda: {"new", "edit"} <= offered(app))
        files = {"app.export_plan", "app.import_plan"}
        assert offered(app) & files == (set() if over_ssh else files)
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen) and "new_note" in offered(app))
        assert ("open_file" in offered(app)) is not over_ssh


async def test_an_empty_diagnose_screen_over_ssh_promises_no_key(team, remote) -> None:
    from textual.widgets import Static

    app = UpliftApp(Board(team, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await until(pilot, lambda: isinstance(app.screen, DiagnoseScreen) and app.screen.ready)
        await pilot.pause()
        said = str(app.screen.query_one("#kpis", Static).render())
        assert " ".join(said.split()) == (
            "No diagnosis on this board yet. Over SSH the server's files are out of reach: run "
            "`uplift diagnose FILE.csv --board DIR` on a machine that has the board's folder.")
        assert "Press" not in said


@pytest.mark.parametrize("over_ssh", [True, False])
async def test_a_screenshot_is_offered_only_where_the_member_can_read_it(team, monkeypatch, tmp_path, over_ssh) -> None:
    shots = tmp_path / "shots"
    shots.mkdir()
    """Over SSH it was saved on the server, in the board's folder (the session's), and said with
    the server's path: no member could open it, and a rep could fill the board's disk with them."""
    if over_ssh:
        monkeypatch.setenv("UPLIFT_REMOTE", "1")
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert ("Screenshot" in titles) is not over_ssh
        if over_ssh:
            before = snapshot_files(team)
            app.deliver_screenshot(path=str(shots))
            await until(pilot, lambda: app._notifications)
            assert [n.message for n in app._notifications] == [
                "Over SSH a screenshot would be saved on the server, out of your reach: "
                "use your terminal's own screenshot"]
            assert list(shots.iterdir()) == [] and snapshot_files(team) == before


async def test_a_theme_picked_over_ssh_is_kept_for_that_member_not_in_the_servers_config(
        team, remote, own_config_dir) -> None:
    """The config is the server account's: one rep's pick became every member's theme (and the
    lead's on their own terminal). Over SSH it is kept on the board, for that member only."""
    app = UpliftApp(Board(team, actor="ali"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
        assert app.theme == "nord"
        from tui.palette import UpliftCommands

        helps = {e.text: e.help for e in UpliftCommands(app.screen).fixed_entries()}
        assert helps["Change theme"] == "Pick a colour theme (remembered for you on this board)"
    assert not (own_config_dir / "config.yaml").exists()
    board = Board(team, actor="dana")
    assert (board.member_prefs("ali").theme, board.member_prefs("bea").theme) == ("nord", "")
    assert UpliftApp(Board(team, actor="ali")).theme == "nord"  # ali's next session
    assert UpliftApp(Board(team, actor="bea")).theme == "uplift-dark"  # bea's: the server's (its default)


async def test_two_members_over_ssh_open_in_their_own_languages_and_one_switch_leaves_the_other(
        team, remote, own_config_dir) -> None:
    """The server's language (UPLIFT_LANG=en here) is the default; a member's kept on the board wins
    for them. ali switching to English from the palette changes ali's and nobody else's."""
    from tui.i18n import language, set_language

    lead = Board(team, actor="dana")
    lead.set_member_prefs("ali", language="zh")
    lead.set_member_prefs("dana", language="zh")
    try:
        UpliftApp(Board(team, actor="bea"))
        assert language() == "en"
        app = UpliftApp(Board(team, actor="ali"))
        assert language() == "zh"
        async with app.run_test(size=SIZE) as pilot:
            await run_palette(pilot, app, "切换语言")
            await until(pilot, lambda: not app.is_running)
        assert app.relaunch_mode == "plan"
        assert [lead.member_prefs(name).language for name in ("ali", "bea", "dana")] == ["en", "", "zh"]
        app = UpliftApp(Board(team, actor="ali"), mode=app.relaunch_mode)  # what run_app starts then
        assert language() == "en"
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app._notifications)
            assert [str(n.message) for n in app._notifications] == ["Now in English (kept for you on this board)"]
        UpliftApp(Board(team, actor="dana"))
        assert language() == "zh"
        assert not (own_config_dir / "config.yaml").exists()
    finally:
        set_language("en")


async def test_the_empty_boards_hint_over_ssh_names_no_key_for_a_plan_file(board_path, remote) -> None:
    """The hint named `i` to import a plan file: over SSH that key is hidden and only refuses."""
    from textual.widgets import Static

    app = UpliftApp(Board(board_path, actor="dana"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "no tasks yet" in str(app.screen.query_one("#board-status", Static).render()))
        hint = " ".join(str(app.screen.query_one("#board-status", Static).render()).split())
        assert "This board has no tasks yet. Press n to add the first one. Press ? for all keys." in hint
        assert "import" not in hint
